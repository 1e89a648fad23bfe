using System.Globalization;
using MilestonePlan.LoopBench;

// The loop benchmark of issue #23 (docs/benchmarks.md, "RunMilestone's loop"). For each generated milestone and each
// mode, a fresh repository runs `dotnet msbuild plans.proj -t:RunMilestone` to the end; the table sets its wall time
// beside the lower bound of Shape.Bound. Progress goes to standard error, the Markdown table to standard output.
BenchOptions options;
try
{
    options = BenchOptions.Parse(args);
}
catch (ArgumentException e)
{
    Console.Error.WriteLine(e.Message);
    Console.Error.WriteLine(BenchOptions.Usage);
    return 2;
}

var repository = FindRepository();
var root = Path.Combine(Path.GetTempPath(), "mp-loopbench-" + Guid.NewGuid().ToString("N")[..8]);
Directory.CreateDirectory(root);
var keep = options.Keep;
Say($"working in {root}");
PackageFeed feed;
if (options.Feed is { } folder)
{
    feed = PackageFeed.Existing(root, folder, options.Version!);
}
else
{
    Say($"packing the package from {repository} ...");
    feed = PackageFeed.Pack(root, repository);
}

Say($"package MilestonePlan {feed.Version}");
string[] settings = ["-p:Milestone=m1", "-p:MilestonePlanCheckCommand=none", $"-p:MilestonePlanMergePollSeconds={options.Poll}",
    // Whole minutes; generous, so that a slow merge is measured rather than given up on.
    $"-p:MilestonePlanMergeTimeout={(int)Math.Ceiling((2 * options.Latency + 60) / 60)}"];
var rows = new List<string>();
var notes = new List<string>();
double? startup = null;
foreach (var shape in options.BuildShapes())
{
    foreach (var mode in options.Modes)
    {
        var run = new BenchRepository(Path.Combine(root, "runs", $"{shape.Name.Replace(' ', '-')}-{mode.Name}"), shape, options, feed);
        if (mode == options.Modes[0])
        {
            var validation = run.Validate();
            if (!validation.Succeeded || validation.Output.Contains(" warning MP", StringComparison.Ordinal))
            {
                Console.Error.WriteLine($"the generated {shape.Name} plan does not build clean; left in {run.Repository}:\n{validation.Output}");
                return 1;
            }
        }

        // What MSBuild's start and reading the plan cost by themselves, once: every wall time below includes it.
        startup ??= run.MsBuild("NextIssue", settings, TimeSpan.FromMinutes(5)).Elapsed.TotalSeconds;
        Say($"{shape.Name}, {mode.Name}: running ...");
        var timeout = TimeSpan.FromSeconds(shape.Issues.Count * (options.Agent + options.Latency + 60) + 300);
        // Quoted: the command is split into words like a shell's, and a temp folder may hold a space.
        var result = run.MsBuild("RunMilestone", [.. settings, $"-p:MilestonePlanAgentCommand='{run.AgentPath}'", .. mode.Properties], timeout);
        File.WriteAllText(Path.Combine(run.Folder, "run.log"), result.Output);
        var merged = run.MergedIssuePullRequests();
        var bound = shape.Bound(mode.Agents, options.Agent, options.Latency);
        var wall = result.Elapsed.TotalSeconds;
        var issueBound = shape.IssueBound(mode.Agents, options.Agent, options.Latency);
        rows.Add($"| {shape.Name} | {shape.Issues.Count} | {mode.Name} | {Format(wall)} | {Format(bound)} | {Ratio(wall, bound)} | {Format(issueBound)} | {Ratio(wall, issueBound)} | {merged}/{shape.Issues.Count} |");
        if (!result.Succeeded || merged != shape.Issues.Count)
        {
            keep = true;
            notes.Add($"{shape.Name}, {mode.Name}: exit code {result.ExitCode}, {merged} of {shape.Issues.Count} issue PRs merged; log: {Path.Combine(run.Folder, "run.log")}");
        }

        Say($"{shape.Name}, {mode.Name}: {Format(wall)} s (bound {Format(bound)} s), {merged}/{shape.Issues.Count} merged");
    }
}

Console.WriteLine($"RunMilestone loop benchmark, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, commit {Commit()}, {Environment.ProcessorCount} cores, "
    + $"L = {Format(options.Latency)} s, A = {Format(options.Agent)} s, MilestonePlanMergePollSeconds = {options.Poll}; "
    + $"MSBuild start-up and plan reading alone (-t:NextIssue): {Format(startup ?? 0)} s");
Console.WriteLine();
Console.WriteLine("| shape | issues | mode | wall s | bound s | ratio | issue's bound s | ratio | merged |");
Console.WriteLine("|---|---:|---|---:|---:|---:|---:|---:|---:|");
rows.ForEach(Console.WriteLine);
notes.ForEach(n => Console.WriteLine($"\n{n}"));
if (keep)
{
    Say($"kept {root}");
}
else
{
    Directory.Delete(root, recursive: true);
}

return notes.Count == 0 ? 0 : 1;

static string Format(double seconds) => seconds.ToString("0.0", CultureInfo.InvariantCulture);

static string Ratio(double wall, double bound) => bound > 0 ? (wall / bound).ToString("0.00", CultureInfo.InvariantCulture) : "—";

static void Say(string line) => Console.Error.WriteLine($"[{DateTime.Now:HH:mm:ss}] {line}");

static string FindRepository()
{
    var dir = new DirectoryInfo(AppContext.BaseDirectory);
    while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "MilestonePlan.sln")))
    {
        dir = dir.Parent;
    }

    return dir?.FullName ?? throw new InvalidOperationException("run the bench from the repository (MilestonePlan.sln not found above it)");
}

string Commit()
{
    var head = Exec.Git(repository, "rev-parse", "--short", "HEAD").Trim();
    return Exec.Git(repository, "status", "--porcelain", "--untracked-files=no").Trim().Length == 0 ? head : head + " (with uncommitted changes)";
}

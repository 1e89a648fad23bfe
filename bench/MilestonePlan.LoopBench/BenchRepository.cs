using System.Globalization;
using System.Text.Json.Nodes;

namespace MilestonePlan.LoopBench;

/// <summary>
/// One measured run's world, made fresh for each shape and mode: a git repository holding the generated milestone and a
/// one-line project on the packed package (`&lt;Project Sdk="MilestonePlan"/&gt;`, the form for repositories without .NET
/// code), a bare origin, the fake gh first on PATH with CI that takes L seconds and merges on time, and the scripted
/// agent that takes A seconds.
/// </summary>
internal sealed class BenchRepository
{
    private readonly Dictionary<string, string> environment;

    public BenchRepository(string folder, Shape shape, BenchOptions options, PackageFeed feed)
    {
        if (OperatingSystem.IsWindows())
        {
            throw new PlatformNotSupportedException("the bench's gh shim and agent are POSIX shell scripts");
        }

        Folder = folder;
        Repository = Path.Combine(folder, "repo");
        var origin = Path.Combine(folder, "origin.git");
        var bin = Path.Combine(folder, "bin");
        Directory.CreateDirectory(Repository);
        Directory.CreateDirectory(bin);
        StatePath = Path.Combine(folder, "gh-state.json");

        Exec.Git(Repository, "init", "-q", "-b", "main");
        Exec.Git(Repository, "config", "user.name", "Bench");
        Exec.Git(Repository, "config", "user.email", "bench@example.invalid");
        Write(".gitignore", "bin/\nobj/\n");
        // Only the bench's feed: the package's version exists nowhere else, and restore then never leaves the machine.
        Write("nuget.config", $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="milestoneplan-bench" value="{feed.Folder}" />
              </packageSources>
            </configuration>
            """);
        Write("global.json", $$"""{ "msbuild-sdks": { "MilestonePlan": "{{feed.Version}}" } }""");
        Write("plans.proj", "<Project Sdk=\"MilestonePlan\" />\n");
        foreach (var (path, text) in PlanText.Files(shape))
        {
            Write(path, text);
        }

        Exec.Git(Repository, "add", "-A");
        Exec.Git(Repository, "commit", "-q", "-m", "the generated milestone");
        Exec.Git(folder, "init", "-q", "--bare", "-b", "main", origin);
        Exec.Git(Repository, "remote", "add", "origin", origin);
        Exec.Git(Repository, "push", "-q", "-u", "origin", "main");

        // GitHub's own auto-merge rules, every PR's CI pending for L seconds from its opening, then passing.
        File.WriteAllText(StatePath, new JsonObject
        {
            ["autoMergeMode"] = "checks",
            ["checkScenario"] = new JsonObject { ["pendingSeconds"] = options.Latency, ["outcome"] = "passing" },
        }.ToJsonString());
        var shim = Path.Combine(bin, "gh");
        File.WriteAllText(shim, $"#!/bin/sh\nexec \"{Dotnet}\" \"{Path.Combine(AppContext.BaseDirectory, "FakeGh.dll")}\" \"$@\"\n");
        AgentPath = Path.Combine(folder, "agent.sh");
        File.WriteAllText(AgentPath, Agent(options.Agent));
        foreach (var script in new[] { shim, AgentPath })
        {
            File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        environment = new Dictionary<string, string>
        {
            ["PATH"] = bin + Path.PathSeparator + Environment.GetEnvironmentVariable("PATH"),
            ["FAKE_GH_STATE"] = StatePath,
            ["FAKE_GH_LOG"] = Path.Combine(folder, "gh-calls.jsonl"),
            ["NUGET_PACKAGES"] = feed.PackagesFolder,
        };
    }

    public string Folder { get; }

    public string Repository { get; }

    public string StatePath { get; }

    public string AgentPath { get; }

    /// <summary>`dotnet build plans.proj`: the product's own validation of the generated plan, as a user's build runs it.</summary>
    public ExecResult Validate() => Exec.Run("dotnet", Repository, ["build", "plans.proj", "-nologo", "-nodeReuse:false"], environment);

    /// <summary>`dotnet msbuild plans.proj -t:&lt;target&gt;` with the bench's settings and the mode's properties.</summary>
    public ExecResult MsBuild(string target, IEnumerable<string> properties, TimeSpan timeout) =>
        Exec.Run("dotnet", Repository, ["msbuild", "plans.proj", "-nologo", "-nodeReuse:false", $"-t:{target}", .. properties], environment, timeout);

    /// <summary>Issue PRs (not the tracking PR) that GitHub, the fake, merged.</summary>
    public int MergedIssuePullRequests() => (JsonNode.Parse(File.ReadAllText(StatePath))!["prs"]?.AsArray() ?? [])
        .Count(p => p!["head"]!.GetValue<string>().StartsWith("feat/", StringComparison.Ordinal) && p["state"]!.GetValue<string>() == "MERGED");

    /// <summary>
    /// The dotnet that runs the bench (the SDK sets DOTNET_HOST_PATH under `dotnet run`), else the one on PATH: the gh
    /// shim starts the fake with it.
    /// </summary>
    private static string Dotnet => Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";

    /// <summary>
    /// The scripted agent: A seconds standing for the agent's work, then one file of its own on the issue's branch,
    /// committed (so issues never conflict and the loop finds committed work, as from a real agent).
    /// </summary>
    private static string Agent(double seconds) => $$"""
        #!/bin/sh
        sleep {{seconds.ToString(CultureInfo.InvariantCulture)}}
        n="${MILESTONEPLAN_ISSUE#\#}"
        mkdir -p src
        printf 'code for %s\n' "$MILESTONEPLAN_TITLE" > "src/issue-$n.txt"
        git add src && git commit -q -m "feat(m1): $MILESTONEPLAN_TITLE"

        """;

    private void Write(string relative, string text)
    {
        var path = Path.Combine(Repository, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }
}

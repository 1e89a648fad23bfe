using System.Diagnostics;
using BenchmarkDotNet.Running;
using Markdig;
using MilestonePlan.Benchmarks;
using MilestonePlan.Core.IO;
using MilestonePlan.Core.Parsing;
using MilestonePlan.Core.Validation;
using MilestonePlan.Core.Configuration;

if (args.Length > 1 && args[0] == "--isolated")
{
    // One kind of work per process, so JIT tiers and GC state of the others do not leak in.
    var tree = SyntheticPlans.DocsTree(40, 15);
    var plans = tree.Where(f => f.Key.EndsWith("IMPLEMENTATION_PLAN.md", StringComparison.Ordinal)).ToList();
    var specs = tree.Where(f => !f.Key.EndsWith("IMPLEMENTATION_PLAN.md", StringComparison.Ordinal)).ToList();
    var precise = new MarkdownPipelineBuilder().UsePipeTables().UseTaskLists().UseYamlFrontMatter().UsePreciseSourceLocation().Build();
    var fs = new InMemoryFileSystem(tree, isComplete: true);
    var options = new ValidationOptions { RepositoryRoot = SyntheticPlans.Root };
    // The same tree on disk (a fresh temporary folder), for the pair a build sees.
    var diskRoot = Path.Combine(Path.GetTempPath(), "mp-isolated-" + Environment.ProcessId);
    var diskFiles = args[1].EndsWith("-disk", StringComparison.Ordinal) ? SyntheticPlans.WriteTo(diskRoot, tree) : [];

    var diskOptions = new ValidationOptions { RepositoryRoot = diskRoot };
    Action work = args[1] switch
    {
        "markdig-plans" => () => { foreach (var f in plans) { Markdown.Parse(f.Value, precise); } },
        "markdig-specs" => () => { foreach (var f in specs) { Markdown.Parse(f.Value, precise); } },
        "markdig-all" => () => { foreach (var f in tree.Values) { Markdown.Parse(f, precise); } },
        "planparser" => () => { foreach (var f in plans) { PlanParser.Parse(f.Key, f.Value); } },
        "specparser" => () => { foreach (var f in specs) { SpecParser.Parse(f.Key, f.Value); } },
        "validate-keep" => () => RepositoryValidator.ValidateAndKeepPlans(fs, options),
        "markdig-disk" => () => { foreach (var f in diskFiles) { Markdown.Parse(File.ReadAllText(f), precise); } },
        "validate-disk" => () => RepositoryValidator.Validate(DiskFileSystem.Instance, diskOptions),
        _ => () => RepositoryValidator.Validate(fs, options),
    };
    for (var i = 0; i < 300; i++) { work(); }
    var gc0 = GC.CollectionCount(0);
    var gc1 = GC.CollectionCount(1);
    var gc2 = GC.CollectionCount(2);
    var paused = GC.GetTotalPauseDuration();
    var allocated = GC.GetAllocatedBytesForCurrentThread();
    var watch = Stopwatch.StartNew();
    for (var i = 0; i < 500; i++) { work(); }
    var perRun = (GC.GetAllocatedBytesForCurrentThread() - allocated) / 500.0 / 1024;
    Console.WriteLine($"{args[1],-15} {watch.Elapsed.TotalMilliseconds / 500,8:F2} ms {perRun,8:F0} KB  gen0 {GC.CollectionCount(0) - gc0,5}  gen1 {GC.CollectionCount(1) - gc1,5}"
        + $"  gen2 {GC.CollectionCount(2) - gc2,4}  GC pauses {(GC.GetTotalPauseDuration() - paused).TotalMilliseconds / 500,5:F2} ms");
    if (Directory.Exists(diskRoot))
    {
        Directory.Delete(diskRoot, recursive: true);
    }

    return;
}

if (args.Length > 0 && args[0] == "--chars")
{
    // Markdig's cost per character of long runs of each markup character (issue #19).
    MarkdigCharProbe.Run(args);
    return;
}

if (args.Length > 0 && args[0] == "--pipes")
{
    // Issue #19's pipe-row shapes: Markdig, parse, validate, reconcile and spec times per shape, place and length.
    PipeRowsProbe.Run(args);
    return;
}

if (args.Length > 0 && args[0] == "--loop")
{
    // For a sampling profiler (perf with DOTNET_PerfMapEnabled=1): validate the 40x15 tree for a while.
    var files = new InMemoryFileSystem(SyntheticPlans.DocsTree(40, 15), isComplete: true);
    var options = new ValidationOptions { RepositoryRoot = SyntheticPlans.Root };
    var until = DateTime.UtcNow.AddSeconds(args.Length > 1 ? double.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 10);
    while (DateTime.UtcNow < until)
    {
        RepositoryValidator.Validate(files, options);
    }

    return;
}

if (args.Length > 0 && args[0] == "--allocations")
{
    // Which types validation allocates (sampled by the runtime), to say where its allocation goes.
    var files = new InMemoryFileSystem(SyntheticPlans.DocsTree(40, 15), isComplete: true);
    var options = new ValidationOptions { RepositoryRoot = SyntheticPlans.Root };
    RepositoryValidator.Validate(files, options);
    foreach (var (type, bytes) in AllocationSampler.Sample(() => RepositoryValidator.Validate(files, options), 200).Take(40))
    {
        var owners = type.StartsWith('<') || type.StartsWith("Enumerator", StringComparison.Ordinal)
            ? string.Join(", ", typeof(RepositoryValidator).Assembly.GetTypes().Where(t => t.Name == type.Split('[')[0]).Select(t => t.DeclaringType?.Name))
            : string.Empty;
        Console.WriteLine($"{bytes / 1024.0,8:F0} KB  {type}  {owners}");
    }

    return;
}

if (args.Length > 0 && args[0] == "--retained")
{
    // What one validation's result keeps alive: the GC copies it on every collection while the run goes on.
    var files = new InMemoryFileSystem(SyntheticPlans.DocsTree(40, 15), isComplete: true);
    var options = new ValidationOptions { RepositoryRoot = SyntheticPlans.Root };
    foreach (var (name, validate) in new (string, Func<ValidationResult>)[]
    {
        ("Validate (the build)", () => RepositoryValidator.Validate(files, options)),
        ("ValidateAndKeepPlans (the workflow)", () => RepositoryValidator.ValidateAndKeepPlans(files, options)),
    })
    {
        validate();
        var before = GC.GetTotalMemory(true);
        var kept = validate();
        var after = GC.GetTotalMemory(true);
        Console.WriteLine($"{name}: one result retains {(after - before) / 1024} KB ({kept.PlanCount} plans, {kept.Plans.Count} kept, {kept.Diagnostics.Count} diagnostics)");
        GC.KeepAlive(kept);
    }

    return;
}

if (args.Length > 0 && args[0] == "--chain")
{
    // What the 10,000-issue chain benchmark reports (it must measure parsing, not a refusal).
    var result = RepositoryValidator.ValidateAndKeepPlans(new InMemoryFileSystem(SyntheticPlans.Chain(10_000), isComplete: true),
        new ValidationOptions { RepositoryRoot = SyntheticPlans.Root, MaxPlanBytes = 16L * 1024 * 1024 });
    Console.WriteLine($"plans {result.Plans.Count}, issues {result.Plans.Sum(p => p.Issues.Count())}, diagnostics {result.Diagnostics.Count}");
    foreach (var d in result.Diagnostics.Take(5)) { Console.WriteLine(d); }
    return;
}

if (args.Length > 0 && args[0] == "--phases")
{
    // A quick breakdown of where validation time goes (not a benchmark: use BenchmarkDotNet for figures).
    Phases(SyntheticPlans.DocsTree(40, 15), "40x15 tree");
    Phases(SyntheticPlans.Chain(10_000), "10,000 chain", maxPlanBytes: 16L * 1024 * 1024);
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(ValidationBenchmarks).Assembly).Run(args);

static void Phases(Dictionary<string, string> files, string name, long maxPlanBytes = MilestonePlan.Core.IO.FileLimits.DefaultMaxPlanBytes)
{
    var bare = new MarkdownPipelineBuilder().UsePipeTables().UseTaskLists().UseYamlFrontMatter().Build();
    var precise = new MarkdownPipelineBuilder().UsePipeTables().UseTaskLists().UseYamlFrontMatter().UsePreciseSourceLocation().Build();
    var plans = files.Where(f => f.Key.EndsWith("IMPLEMENTATION_PLAN.md", StringComparison.Ordinal)).ToList();
    var specs = files.Where(f => !f.Key.EndsWith("IMPLEMENTATION_PLAN.md", StringComparison.Ordinal)).ToList();
    var fs = new InMemoryFileSystem(files, true);
    var options = new ValidationOptions { RepositoryRoot = SyntheticPlans.Root, MaxPlanBytes = maxPlanBytes };
    Measure($"{name}: markdig bare, all files", () => { foreach (var f in files.Values) { Markdown.Parse(f, bare); } });
    Measure($"{name}: markdig precise, all files", () => { foreach (var f in files.Values) { Markdown.Parse(f, precise); } });
    Measure($"{name}: PlanParser, plans", () => { foreach (var f in plans) { PlanParser.Parse(f.Key, f.Value); } });
    Measure($"{name}: SpecParser, specs", () => { foreach (var f in specs) { SpecParser.Parse(f.Key, f.Value); } });
    Measure($"{name}: markdig precise, plans", () => { foreach (var f in plans) { Markdown.Parse(f.Value, precise); } });
    Measure($"{name}: markdig precise, specs", () => { foreach (var f in specs) { Markdown.Parse(f.Value, precise); } });
    var yamls = specs.Select(f => f.Value.Split("---")[1]).ToList();
    Measure($"{name}: yamldotnet events only, specs", () => { foreach (var y in yamls) { var p = new YamlDotNet.Core.Parser(new StringReader(y)); while (p.MoveNext()) { } } });
    Measure($"{name}: discovery", () => PlanDiscovery.FindPlans(fs, options));
    var parsed = plans.Select(f => PlanParser.Parse(f.Key, f.Value)).ToList();
    foreach (var rule in new MilestonePlan.Core.Analysis.IPlanRule[] { new MilestonePlan.Core.Analysis.StructureRules(), new MilestonePlan.Core.Analysis.FileRules(), new MilestonePlan.Core.Analysis.DependencyRules(), new MilestonePlan.Core.Analysis.NamingRules(), new MilestonePlan.Core.Analysis.TrackingRules() })
    {
        var contexts = parsed.Select(p => new MilestonePlan.Core.Analysis.PlanContext(p, fs, options)).ToList();
        foreach (var c in contexts) { rule.Analyze(c).ToList(); }
        Measure($"{name}: rule {rule.GetType().Name} (warm specs)", () => { foreach (var c in contexts) { rule.Analyze(c).ToList(); } });
    }

    Measure($"{name}: validate", () => RepositoryValidator.Validate(fs, options));
}

static void Measure(string what, Action action)
{
    action();
    var watch = Stopwatch.StartNew();
    var runs = 0;
    while (watch.ElapsedMilliseconds < 1500)
    {
        action();
        runs++;
    }

    var before = GC.GetAllocatedBytesForCurrentThread();
    action();
    var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
    Console.WriteLine($"{what,-45} {watch.Elapsed.TotalMilliseconds / runs,10:F2} ms {allocated / 1024.0,10:F0} KB");
}

using System.Diagnostics;
using BenchmarkDotNet.Running;
using Markdig;
using MilestonePlan.Benchmarks;
using MilestonePlan.Core.IO;
using MilestonePlan.Core.Parsing;
using MilestonePlan.Core.Validation;

if (args.Length > 0 && args[0] == "--phases")
{
    // A quick breakdown of where validation time goes (not a benchmark: use BenchmarkDotNet for figures).
    Phases(SyntheticPlans.DocsTree(40, 15), "40x15 tree");
    Phases(SyntheticPlans.Chain(10_000), "10,000 chain");
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(ValidationBenchmarks).Assembly).Run(args);

static void Phases(Dictionary<string, string> files, string name)
{
    var bare = new MarkdownPipelineBuilder().UsePipeTables().UseTaskLists().UseYamlFrontMatter().Build();
    var precise = new MarkdownPipelineBuilder().UsePipeTables().UseTaskLists().UseYamlFrontMatter().UsePreciseSourceLocation().Build();
    var plans = files.Where(f => f.Key.EndsWith("IMPLEMENTATION_PLAN.md", StringComparison.Ordinal)).ToList();
    var specs = files.Where(f => !f.Key.EndsWith("IMPLEMENTATION_PLAN.md", StringComparison.Ordinal)).ToList();
    var fs = new InMemoryFileSystem(files, true);
    var options = new ValidationOptions { RepositoryRoot = SyntheticPlans.Root };
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

using System.Diagnostics;
using Markdig;
using MilestonePlan.Core.Configuration;
using MilestonePlan.Core.IO;
using MilestonePlan.Core.Model;
using MilestonePlan.Core.Parsing;
using MilestonePlan.Core.Planning;
using MilestonePlan.Core.Validation;

namespace MilestonePlan.Benchmarks;

/// <summary>
/// `--pipes [shape|*] [place|*] [lengths] [nomarkdig]`: a quick table of the <see cref="PipeRows"/> plans (not a benchmark: the
/// fastest of a few runs per part), to find the slow shapes. The BenchmarkDotNet row is PipeRowBenchmarks.
/// </summary>
internal static class PipeRowsProbe
{
    private static readonly MarkdownPipeline Precise = new MarkdownPipelineBuilder().UsePipeTables().UseTaskLists().UseYamlFrontMatter().UsePreciseSourceLocation().Build();

    public static void Run(string[] args)
    {
        var shapes = args.Length > 1 && args[1] != "*" ? args[1].Split(',') : PipeRows.Shapes.Keys.ToArray();
        var places = args.Length > 2 && args[2] != "*" ? args[2].Split(',') : PipeRows.Places;
        var lengths = args.Length > 3 ? args[3].Split(',').Select(int.Parse).ToArray() : [10_000, 100_000, 300_000, 520_000];
        var options = new ValidationOptions { RepositoryRoot = SyntheticPlans.Root };
        var prs = new[] { new PullRequestInfo(7, "feat(m1): A (#01)", "MERGED", "feat/m1-01-a", "main", "https://x/7", DateTimeOffset.UnixEpoch) };
        Console.WriteLine($"{"shape",-15} {"place",-15} {"length",8} {"bytes",8} {"markdig",9} {"blocks",9} {"parse",9} {"validate",9} {"reconcile",9} {"spec",9}  findings");
        foreach (var shape in shapes)
        {
            foreach (var place in places)
            {
                foreach (var length in lengths)
                {
                    var plan = PipeRows.Plan(shape, place, length);
                    var bytes = System.Text.Encoding.UTF8.GetByteCount(plan);
                    var fs = new InMemoryFileSystem(new Dictionary<string, string> { [PipeRows.PlanPath] = plan }, isComplete: true);
                    var findings = RepositoryValidator.Validate(fs, options).Diagnostics;
                    // Markdig's own parse of the slow shapes takes seconds: `--pipes ... nomarkdig` leaves it out.
                    var markdig = args.Length > 4 && args[4] == "nomarkdig" ? double.NaN : Fastest(() => Markdown.Parse(plan, Precise));
                    var blocks = Fastest(() => MarkdownPipelines.TryParse(plan, MarkdownPipelines.PlanWithSimpleTables, out _, out _));
                    var parse = Fastest(() => PlanParser.Parse(PipeRows.PlanPath, plan));
                    var validate = Fastest(() => RepositoryValidator.Validate(fs, options));
                    var reconcile = Fastest(() => Reconciler.Reconcile(PipeRows.PlanPath, plan, prs, "2027-01-01"));
                    var specText = PipeRows.Spec(shape, place, length);
                    var spec = System.Text.Encoding.UTF8.GetByteCount(specText) <= FileLimits.DefaultMaxSpecBytes ? Fastest(() => SpecParser.Parse(PipeRows.PlanPath.Replace("IMPLEMENTATION_PLAN", "01-a"), specText)) : double.NaN;
                    var ids = string.Join(",", findings.Select(d => d.Id).Distinct());
                    Console.WriteLine($"{shape,-15} {place,-15} {length,8} {bytes,8} {markdig,9:F1} {blocks,9:F1} {parse,9:F1} {validate,9:F1} {reconcile,9:F1} {spec,9:F1}  {ids}");
                }
            }
        }
    }

    /// <summary>The fastest of three runs after one warm-up, in ms (the machine is shared: the minimum is the least disturbed).</summary>
    private static double Fastest(Action work)
    {
        work();
        var best = double.MaxValue;
        for (var i = 0; i < 3; i++)
        {
            var watch = Stopwatch.StartNew();
            work();
            best = Math.Min(best, watch.Elapsed.TotalMilliseconds);
        }

        return best;
    }
}

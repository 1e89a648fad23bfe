using BenchmarkDotNet.Attributes;
using Markdig;
using MilestonePlan.Core.Configuration;
using MilestonePlan.Core.IO;
using MilestonePlan.Core.Model;
using MilestonePlan.Core.Planning;
using MilestonePlan.Core.Validation;

namespace MilestonePlan.Benchmarks;

/// <summary>
/// Issue #19's slow shape against its length: a plan whose issue table holds one row of <see cref="Length"/> `|`
/// (refused by PipeLimit before Markdig parses it), and an issue table of the template's plain shape as wide (read by
/// the simple table reader, not counted by the limit). Validate and reconcile should both grow linearly with the length;
/// Markdig's own parse of the same text is the reference the issue measured.
/// </summary>
[MemoryDiagnoser]
public class PipeRowBenchmarks
{
    private static readonly MarkdownPipeline BarePipeline = new MarkdownPipelineBuilder()
        .UsePipeTables().UseTaskLists().UseYamlFrontMatter().Build();

    private static readonly ValidationOptions Options = new() { RepositoryRoot = SyntheticPlans.Root };

    private static readonly PullRequestInfo[] Merged =
        [new PullRequestInfo(7, "feat(m1): A (#01)", "MERGED", "feat/m1-01-a", "milestone/m1-bench", "https://example.invalid/7", DateTimeOffset.UnixEpoch)];

    private string plan = string.Empty;
    private InMemoryFileSystem files = null!;

    [Params(10_000, 100_000, 500_000)]
    public int Length { get; set; }

    /// <summary>`pipes`: one row of `|` in the issue table; `wide`: a plain issue table with a header and a row that long.</summary>
    [Params("pipes", "wide")]
    public string Shape { get; set; } = "pipes";

    [GlobalSetup]
    public void Setup()
    {
        plan = Shape == "pipes" ? PipeRows.Plan("pipes", "issue-table", Length) : PipeRows.Plan("pipes", "wide-issue-table", Length);
        files = new InMemoryFileSystem(new Dictionary<string, string> { [PipeRows.PlanPath] = plan }, isComplete: true);
    }

    [Benchmark(Description = "validate")]
    public int Validate() => RepositoryValidator.Validate(files, Options).Diagnostics.Count;

    [Benchmark(Description = "reconcile")]
    public int Reconcile() => Reconciler.Reconcile(PipeRows.PlanPath, plan, Merged, "2027-01-01").Changes.Count;

    [Benchmark(Description = "Markdig bare parse (reference)")]
    public int MarkdigParse() => Markdown.Parse(plan, BarePipeline).Count;
}

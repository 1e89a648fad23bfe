using BenchmarkDotNet.Attributes;
using Markdig;
using MilestonePlan.Core.IO;
using MilestonePlan.Core.Validation;
using MilestonePlan.Core.Configuration;

namespace MilestonePlan.Benchmarks;

/// <summary>
/// Validating a docs tree of 40 milestones × 15 issues against Markdig's bare parse of the same files:
/// the ratio is what the model and the rules cost on top of parsing.
/// </summary>
[MemoryDiagnoser]
public class ValidationBenchmarks
{
    private static readonly MarkdownPipeline BarePipeline = new MarkdownPipelineBuilder()
        .UsePipeTables().UseTaskLists().UseYamlFrontMatter().Build();

    private static readonly ValidationOptions Options = new() { RepositoryRoot = SyntheticPlans.Root };

    /// <summary>
    /// The 10,000-row plan is ~0.6 MB, over the default 512 KiB plan cap (MP2007): the cap is raised so the
    /// benchmark measures parsing, the model and the dependency rules, not the refusal.
    /// </summary>
    private static readonly ValidationOptions ChainOptions = new() { RepositoryRoot = SyntheticPlans.Root, MaxPlanBytes = 16L * 1024 * 1024 };

    private Dictionary<string, string> tree = [];
    private string diskRoot = string.Empty;
    private List<string> diskFiles = [];
    private ValidationOptions diskOptions = null!;
    private InMemoryFileSystem treeFiles = null!;
    private InMemoryFileSystem chainFiles = null!;
    private InMemoryFileSystem layeredFiles = null!;

    [GlobalSetup]
    public void Setup()
    {
        tree = SyntheticPlans.DocsTree(40, 15);
        treeFiles = new InMemoryFileSystem(tree, isComplete: true);
        chainFiles = new InMemoryFileSystem(SyntheticPlans.Chain(10_000), isComplete: true);
        layeredFiles = new InMemoryFileSystem(SyntheticPlans.Layered(60, 3), isComplete: true);

        // The same tree on disk, for the pair a build sees: every file read from disk, then parsed or validated.
        diskRoot = Path.Combine(Path.GetTempPath(), "mp-bench-" + Environment.ProcessId);
        diskFiles = SyntheticPlans.WriteTo(diskRoot, tree);

        diskOptions = new ValidationOptions { RepositoryRoot = diskRoot };
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        if (Directory.Exists(diskRoot))
        {
            Directory.Delete(diskRoot, recursive: true);
        }
    }

    [Benchmark(Baseline = true, Description = "Markdig bare parse, 40x15 tree")]
    public int MarkdigParse()
    {
        var blocks = 0;
        foreach (var text in tree.Values)
        {
            blocks += Markdown.Parse(text, BarePipeline).Count;
        }

        return blocks;
    }

    [Benchmark(Description = "MilestonePlan validate, 40x15 tree")]
    public int ValidateTree() => RepositoryValidator.Validate(treeFiles, Options).Diagnostics.Count;

    [Benchmark(Description = "Markdig bare parse, 40x15 tree read from disk")]
    public int MarkdigParseFromDisk()
    {
        var blocks = 0;
        foreach (var file in diskFiles)
        {
            blocks += Markdown.Parse(File.ReadAllText(file), BarePipeline).Count;
        }

        return blocks;
    }

    [Benchmark(Description = "MilestonePlan validate, 40x15 tree on disk")]
    public int ValidateTreeOnDisk() => RepositoryValidator.Validate(DiskFileSystem.Instance, diskOptions).Diagnostics.Count;

    [Benchmark(Description = "10,000-issue chain")]
    public int ValidateChain() => RepositoryValidator.Validate(chainFiles, ChainOptions).Diagnostics.Count;

    [Benchmark(Description = "60 issues, layers of 3 depending on the whole previous layer")]
    public int ValidateLayered() => RepositoryValidator.Validate(layeredFiles, Options).Diagnostics.Count;
}

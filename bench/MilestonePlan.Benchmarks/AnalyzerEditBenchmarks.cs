using System.Collections.Immutable;
using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using MilestonePlan.Analyzers;

namespace MilestonePlan.Benchmarks;

/// <summary>
/// What one keystroke in a spec costs in the IDE: one AdditionalFile changes, and the analyzer runs over the whole
/// compilation again (a new CompilationWithAnalyzers, as the IDE gets a new compilation state per edit). Sized in
/// milestones of 15 issues, so the figures show whether the cost grows linearly with the files.
/// </summary>
[MemoryDiagnoser]
public class AnalyzerEditBenchmarks
{
    // One instance for every edit, as the IDE keeps it: its cache of unchanged milestones is part of what is measured.
    private readonly MilestonePlanAnalyzer analyzer = new();
    private Compilation compilation = null!;
    private ImmutableArray<AdditionalText> files;
    private AdditionalText[] edits = [];
    private int editedIndex;
    private int edit;

    [Params(10, 20, 40)]
    public int Milestones { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        compilation = CSharpCompilation.Create("Consumer",
            [CSharpSyntaxTree.ParseText("class C { }")],
            [MetadataReference.CreateFromFile(typeof(object).Assembly.Location)],
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var tree = SyntheticPlans.DocsTree(Milestones, 15);
        files = tree.OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => (AdditionalText)new TextFile(f.Key, f.Value)).ToImmutableArray();

        // Two versions of one spec, alternated, so every run analyzes text it did not see the run before.
        var edited = $"{SyntheticPlans.Root}/docs/03-build-notes/m0/02-issue-2.md";
        editedIndex = files.IndexOf(files.First(f => f.Path == edited));
        edits = [new TextFile(edited, tree[edited] + "\nEdited.\n"), new TextFile(edited, tree[edited])];
    }

    [Benchmark(Baseline = true, Description = "Analyzer: one edit, compilation re-analyzed (IDE: same analyzer)")]
    public int OneEdit() => Analyze(analyzer);

    [Benchmark(Description = "Analyzer: one edit, new analyzer (every milestone validated once)")]
    public int OneEditCold() => Analyze(new MilestonePlanAnalyzer());

    private int Analyze(MilestonePlanAnalyzer with)
    {
        var changed = files.SetItem(editedIndex, edits[edit++ % 2]);
        var options = new AnalyzerOptions(changed, new Globals());
        return compilation.WithAnalyzers([with], options)
            .GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult().Length;
    }

    /// <summary>An AdditionalText whose SourceText is made once, as the IDE keeps the text of an unchanged file.</summary>
    private sealed class TextFile(string path, string text) : AdditionalText
    {
        private readonly SourceText source = SourceText.From(text);

        public override string Path { get; } = path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => source;
    }

    private sealed class Globals : AnalyzerConfigOptionsProvider
    {
        private static readonly AnalyzerConfigOptions Empty = new Values([]);

        public override AnalyzerConfigOptions GlobalOptions { get; } = new Values(new()
        {
            ["build_property.MilestonePlanAnalyzerEnabled"] = "true",
            ["build_property.MilestonePlanRepositoryRoot"] = SyntheticPlans.Root,
            ["build_property.MilestonePlanDocsRoot"] = "docs/03-build-notes",
        });

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => Empty;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => Empty;
    }

    private sealed class Values(Dictionary<string, string> values) : AnalyzerConfigOptions
    {
        public override bool TryGetValue(string key, out string value) => values.TryGetValue(key, out value!);
    }
}

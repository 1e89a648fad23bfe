using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using Microsoft.CodeAnalysis.VisualBasic;

namespace MilestonePlan.Analyzers.Tests;

/// <summary>Runs the analyzer on a small C# (or Visual Basic) compilation with Markdown AdditionalFiles, as the IDE would.</summary>
internal static class AnalyzerHarness
{
    public static Task<ImmutableArray<Diagnostic>> RunAsync(IReadOnlyDictionary<string, string> files, string root, bool enabled = true) =>
        RunAsync(CSharpConsumer(), new MilestonePlanAnalyzer(), files, root, enabled);

    public static Compilation CSharpConsumer() => CSharpCompilation.Create("Consumer",
        [CSharpSyntaxTree.ParseText("class C { }")],
        [MetadataReference.CreateFromFile(typeof(object).Assembly.Location)],
        new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));

    public static Compilation VisualBasicConsumer() => VisualBasicCompilation.Create("Consumer",
        [VisualBasicSyntaxTree.ParseText("Class C\nEnd Class\n")],
        [MetadataReference.CreateFromFile(typeof(object).Assembly.Location)],
        new VisualBasicCompilationOptions(OutputKind.DynamicallyLinkedLibrary));

    public static async Task<ImmutableArray<Diagnostic>> RunAsync(
        Compilation compilation, MilestonePlanAnalyzer analyzer, IReadOnlyDictionary<string, string> files, string root, bool enabled = true)
    {
        var additional = files.Select(f => (AdditionalText)new MemoryAdditionalText(f.Key, f.Value)).ToImmutableArray();
        var globals = new Dictionary<string, string>
        {
            ["build_property.MilestonePlanAnalyzerEnabled"] = enabled ? "true" : "false",
            ["build_property.MilestonePlanRepositoryRoot"] = root,
            ["build_property.MilestonePlanDocsRoot"] = "docs/03-build-notes",
        };
        var options = new AnalyzerOptions(additional, new OptionsProvider(globals));
        return await compilation.WithAnalyzers([analyzer], options).GetAnalyzerDiagnosticsAsync();
    }

    private sealed class MemoryAdditionalText(string path, string text) : AdditionalText
    {
        public override string Path { get; } = path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => SourceText.From(text);
    }

    private sealed class OptionsProvider(Dictionary<string, string> globals) : AnalyzerConfigOptionsProvider
    {
        public override AnalyzerConfigOptions GlobalOptions { get; } = new Options(globals);

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => new Options([]);

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => new Options([]);
    }

    private sealed class Options(Dictionary<string, string> values) : AnalyzerConfigOptions
    {
        public override bool TryGetValue(string key, out string value) => values.TryGetValue(key, out value!);
    }
}

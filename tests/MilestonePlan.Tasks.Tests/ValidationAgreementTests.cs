using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using MilestonePlan.Analyzers;
using MilestonePlan.Core.IO;
using MilestonePlan.Core.Validation;
using MilestonePlan.Workflow.Settings;

namespace MilestonePlan.Tasks.Tests;

/// <summary>
/// The build task, the workflow and the analyzer build their validation options with one factory
/// (Core/Configuration/ValidationSettings), so the command line, the workflow targets and the IDE report the same
/// MP2002 for the same MilestonePlanNonSpecFiles (before issue #20 the workflow and the analyzer ignored it).
/// </summary>
[TestClass]
public sealed class ValidationAgreementTests
{
    private const string NonSpecFiles = "NOTES.md;Glossary.md";

    [TestMethod]
    public async Task MP2002_with_MilestonePlanNonSpecFiles_is_the_same_in_the_task_the_workflow_and_the_analyzer()
    {
        var root = ValidateMilestonePlansTests.Repository();
        var folder = Path.Combine(root, "docs/03-build-notes/m1");
        File.WriteAllText(Path.Combine(folder, "NOTES.md"), "# Notes\n");
        File.WriteAllText(Path.Combine(folder, "glossary.md"), "# Glossary\n");
        File.WriteAllText(Path.Combine(folder, "07-orphan.md"), "# An issue nobody planned\n");
        try
        {
            var expected = new[] { "07-orphan.md" };

            var engine = new RecordingBuildEngine();
            Assert.IsTrue(new ValidateMilestonePlans { BuildEngine = engine, ProjectDirectory = root, NonSpecFiles = NonSpecFiles }.Execute());
            var task = engine.Warnings.Where(w => w.Code == "MP2002").Select(w => Path.GetFileName(w.File)).ToArray();

            var context = WorkflowSettings.Parse(root, new Dictionary<string, string?> { ["MilestonePlanNonSpecFiles"] = NonSpecFiles });
            var workflow = RepositoryValidator.ValidateAndKeepPlans(DiskFileSystem.Instance, context.Validation).Diagnostics
                .Where(d => d.Id == "MP2002").Select(d => Path.GetFileName(d.FilePath)).ToArray();

            var analyzer = (await Analyze(root, folder)).Where(d => d.Id == "MP2002").Select(d => Path.GetFileName(d.Location.GetLineSpan().Path)).ToArray();

            CollectionAssert.AreEqual(expected, task, "task");
            CollectionAssert.AreEqual(expected, workflow, "workflow");
            CollectionAssert.AreEqual(expected, analyzer, "analyzer");
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    /// <summary>The analyzer as the IDE runs it: the folder's files as AdditionalFiles, the props' CompilerVisibleProperty values as global options.</summary>
    private static async Task<ImmutableArray<Diagnostic>> Analyze(string root, string folder)
    {
        var compilation = CSharpCompilation.Create("Consumer", [CSharpSyntaxTree.ParseText("class C { }")],
            [MetadataReference.CreateFromFile(typeof(object).Assembly.Location)], new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var files = Directory.GetFiles(folder).Select(f => (AdditionalText)new FileText(f)).ToImmutableArray();
        var globals = new Dictionary<string, string>
        {
            ["build_property.MilestonePlanAnalyzerEnabled"] = "true",
            ["build_property.MilestonePlanRepositoryRoot"] = root,
            ["build_property.MilestonePlanDocsRoot"] = string.Empty,
            ["build_property.MilestonePlanNonSpecFiles"] = NonSpecFiles,
        };
        return await compilation.WithAnalyzers([new MilestonePlanAnalyzer()], new AnalyzerOptions(files, new Provider(globals))).GetAnalyzerDiagnosticsAsync();
    }

    private sealed class FileText(string path) : AdditionalText
    {
        public override string Path { get; } = path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => SourceText.From(File.ReadAllText(Path));
    }

    private sealed class Provider(Dictionary<string, string> globals) : AnalyzerConfigOptionsProvider
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

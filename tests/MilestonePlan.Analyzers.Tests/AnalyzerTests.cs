using MilestonePlan.Core.IO;
using MilestonePlan.Core.Validation;
using MilestonePlan.Core.Configuration;

namespace MilestonePlan.Analyzers.Tests;

[TestClass]
public sealed class AnalyzerTests
{
    private const string Root = "/repo";

    internal static Dictionary<string, string> SampleFiles()
    {
        var sample = Path.Combine(FindRepository(), "samples", "docs", "03-build-notes", "m1");
        return Directory.GetFiles(sample).ToDictionary(f => $"{Root}/docs/03-build-notes/m1/{Path.GetFileName(f)}", File.ReadAllText);
    }

    [TestMethod]
    public async Task Same_findings_at_the_same_positions_as_the_build()
    {
        var files = SampleFiles();
        var diagnostics = await AnalyzerHarness.RunAsync(files, Root);

        var fromAnalyzer = diagnostics
            .Select(d => (d.Id, Path: d.Location.GetLineSpan().Path, Line: d.Location.GetLineSpan().StartLinePosition.Line + 1,
                Column: d.Location.GetLineSpan().StartLinePosition.Character + 1, d.Severity.ToString(), d.GetMessage()))
            .OrderBy(d => d.Path).ThenBy(d => d.Line).ThenBy(d => d.Column).ThenBy(d => d.Id)
            .ToList();

        // The engine over the same files with the disk's knowledge removed, as the analyzer sees them.
        var engine = RepositoryValidator.Validate(new InMemoryFileSystem(files, isComplete: false), new ValidationOptions { RepositoryRoot = Root })
            .Diagnostics
            .Select(d => (d.Id, Path: d.FilePath, d.Span.Line, d.Span.Column, d.DefaultSeverity.ToString(), d.Message))
            .ToList();

        Assert.IsNotEmpty(engine);
        CollectionAssert.AreEqual(engine, fromAnalyzer, string.Join("\n", fromAnalyzer));
        Assert.IsTrue(fromAnalyzer.Any(d => d.Id == "MP3001" && d.Line == 33 && d.Column == 43), "MP3001 at the #09 of the sample");
    }

    [TestMethod]
    public async Task Disk_only_findings_stay_silent_in_the_IDE()
    {
        // The sample's required read docs/guides/workflow.md is not an AdditionalFile: unknown, not missing.
        var diagnostics = await AnalyzerHarness.RunAsync(SampleFiles(), Root);
        Assert.IsFalse(diagnostics.Any(d => d.Id == "MP2003"));
    }

    [TestMethod]
    public async Task Command_line_builds_get_nothing_from_the_analyzer()
    {
        var diagnostics = await AnalyzerHarness.RunAsync(SampleFiles(), Root, enabled: false);
        Assert.IsEmpty(diagnostics);
    }

    private static string FindRepository()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "MilestonePlan.sln")))
        {
            dir = dir.Parent;
        }

        return dir!.FullName;
    }
}

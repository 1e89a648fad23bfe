using System.Collections.Concurrent;

namespace MilestonePlan.Analyzers.Tests;

/// <summary>How often the analyzer validates, and that it runs for both languages it is registered for.</summary>
[TestClass]
public sealed class CompilationScopeTests
{
    private const string Root = "/repo";

    [TestMethod]
    public async Task Each_milestone_is_validated_once_per_compilation()
    {
        // Two milestones of several files each: validating per file would validate each plan once per file.
        var files = AnalyzerTests.SampleFiles()
            .Concat(AnalyzerTests.SampleFiles().Select(f => KeyValuePair.Create(f.Key.Replace("/m1/", "/m2/", StringComparison.Ordinal), f.Value)))
            .ToDictionary(f => f.Key, f => f.Value);
        var validated = new ConcurrentBag<string>();
        var analyzer = new MilestonePlanAnalyzer(validated.Add);

        var diagnostics = await AnalyzerHarness.RunAsync(AnalyzerHarness.CSharpConsumer(), analyzer, files, Root);

        Assert.IsTrue(files.Count(f => f.Key.Contains("/m1/", StringComparison.Ordinal)) > 1, "the sample milestone has several files");
        Assert.IsTrue(diagnostics.Any(d => d.Location.GetLineSpan().Path.Contains("/m2/", StringComparison.Ordinal)), "both milestones report");
        CollectionAssert.AreEquivalent(
            new[] { $"{Root}/docs/03-build-notes/m1/IMPLEMENTATION_PLAN.md", $"{Root}/docs/03-build-notes/m2/IMPLEMENTATION_PLAN.md" },
            validated.ToArray(),
            string.Join("\n", validated));
    }

    [TestMethod]
    public async Task A_Visual_Basic_compilation_gets_the_same_findings()
    {
        var files = AnalyzerTests.SampleFiles();
        var csharp = await AnalyzerHarness.RunAsync(AnalyzerHarness.CSharpConsumer(), new MilestonePlanAnalyzer(), files, Root);
        var basic = await AnalyzerHarness.RunAsync(AnalyzerHarness.VisualBasicConsumer(), new MilestonePlanAnalyzer(), files, Root);

        Assert.IsTrue(basic.Any(d => d.Id == "MP3001"), string.Join("\n", basic));
        CollectionAssert.AreEquivalent(csharp.Select(d => d.ToString()).ToArray(), basic.Select(d => d.ToString()).ToArray());
    }
}

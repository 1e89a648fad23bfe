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
        var files = TwoMilestones();
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
    public async Task An_edit_revalidates_only_its_milestone_and_keeps_the_findings_of_the_others()
    {
        var files = TwoMilestones();
        var validated = new ConcurrentBag<string>();
        var analyzer = new MilestonePlanAnalyzer(validated.Add);
        var first = await AnalyzerHarness.RunAsync(AnalyzerHarness.CSharpConsumer(), analyzer, files, Root);
        validated.Clear();

        // The IDE's next compilation after an edit to one spec of m2: same analyzer instance, new texts.
        var spec = files.Keys.First(k => k.Contains("/m2/", StringComparison.Ordinal) && !k.EndsWith("IMPLEMENTATION_PLAN.md", StringComparison.Ordinal));
        files[spec] += "\nEdited.\n";
        var second = await AnalyzerHarness.RunAsync(AnalyzerHarness.CSharpConsumer(), analyzer, files, Root);

        CollectionAssert.AreEqual(new[] { $"{Root}/docs/03-build-notes/m2/IMPLEMENTATION_PLAN.md" }, validated.ToArray());
        CollectionAssert.AreEquivalent(first.Select(d => d.ToString()).ToArray(), second.Select(d => d.ToString()).ToArray());

        // A fresh analyzer over the edited files agrees with the cached findings.
        var fresh = await AnalyzerHarness.RunAsync(AnalyzerHarness.CSharpConsumer(), new MilestonePlanAnalyzer(), files, Root);
        CollectionAssert.AreEquivalent(fresh.Select(d => d.ToString()).ToArray(), second.Select(d => d.ToString()).ToArray());
    }

    [TestMethod]
    public async Task A_new_file_in_the_tree_revalidates_every_milestone()
    {
        // Whether a file exists is part of what a plan's rules see, so a new path invalidates every cached milestone.
        var files = TwoMilestones();
        var validated = new ConcurrentBag<string>();
        var analyzer = new MilestonePlanAnalyzer(validated.Add);
        await AnalyzerHarness.RunAsync(AnalyzerHarness.CSharpConsumer(), analyzer, files, Root);
        validated.Clear();

        files[$"{Root}/docs/notes.md"] = "# Notes\n";
        await AnalyzerHarness.RunAsync(AnalyzerHarness.CSharpConsumer(), analyzer, files, Root);

        Assert.AreEqual(2, validated.Count, string.Join("\n", validated));
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

    private static Dictionary<string, string> TwoMilestones() => AnalyzerTests.SampleFiles()
        .Concat(AnalyzerTests.SampleFiles().Select(f => KeyValuePair.Create(f.Key.Replace("/m1/", "/m2/", StringComparison.Ordinal), f.Value)))
        .ToDictionary(f => f.Key, f => f.Value);
}

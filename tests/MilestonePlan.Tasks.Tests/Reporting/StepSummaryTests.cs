using MilestonePlan.Core.Diagnostics;
using MilestonePlan.Tasks.Reporting;

namespace MilestonePlan.Tasks.Tests.Reporting;

[TestClass]
public sealed class StepSummaryTests
{
    private static readonly string Root = Path.Combine(Path.GetTempPath(), "mp-summary-root");

    private static (PlanDiagnostic, PlanSeverity) Finding(DiagnosticDescriptor rule, string relative, int line, string message, PlanSeverity severity) =>
        (new PlanDiagnostic(rule, Path.Combine(Root, relative), SourceSpan.At(line, 1), message), severity);

    private static Dictionary<PlanSeverity, int> Counts(int errors, int warnings, int infos = 0) =>
        new() { [PlanSeverity.Error] = errors, [PlanSeverity.Warning] = warnings, [PlanSeverity.Info] = infos };

    private static string TempFolder()
    {
        var folder = Path.Combine(Path.GetTempPath(), "mp-summary-" + Guid.NewGuid().ToString("N")[..10]);
        Directory.CreateDirectory(folder);
        return folder;
    }

    [TestMethod]
    public void MarkdownHasTheCountsATableRowPerFindingAndTheNextIssue()
    {
        var markdown = StepSummary.Markdown(
            Counts(1, 1),
            [Finding(Rules.MP1002, "docs/m1/IMPLEMENTATION_PLAN.md", 4, "Status is missing", PlanSeverity.Warning),
             Finding(Rules.MP2001, "docs/m1/IMPLEMENTATION_PLAN.md", 12, "spec missing", PlanSeverity.Error),
             Finding(Rules.MP1003, "docs/m1/IMPLEMENTATION_PLAN.md", 1, "not listed", PlanSeverity.Hidden)],
            Root,
            "#03 Parser (P0)");

        StringAssert.Contains(markdown, "1 error(s), 1 warning(s), 0 message(s)");
        var rows = markdown.Split('\n').Where(l => l.StartsWith("| error", StringComparison.Ordinal) || l.StartsWith("| warning", StringComparison.Ordinal)).ToList();
        Assert.HasCount(2, rows);
        Assert.AreEqual($"| error | [MP2001]({Rules.MP2001.HelpLink}) | docs/m1/IMPLEMENTATION\\_PLAN.md | 12 | spec missing |", rows[0]);
        StringAssert.StartsWith(rows[1], "| warning | [MP1002]");
        StringAssert.Contains(markdown, "**Next issue:** \\#03 Parser (P0)");
        Assert.DoesNotContain("not listed", markdown);
    }

    [TestMethod]
    public void UntrustedTextCannotBreakTheTableOrInjectHtml()
    {
        var hostile = "a | b\n| fake | row |\r\n<img src=x onerror=alert(1)> & `code` [link](javascript:x)";
        var markdown = StepSummary.Markdown(Counts(1, 0), [Finding(Rules.MP2001, "a|b\n.md", 1, hostile, PlanSeverity.Error)], Root, "<b>next</b>\n| x |");

        var row = markdown.Split('\n').Single(l => l.StartsWith("| error", StringComparison.Ordinal));
        // Five columns: six unescaped pipes, all of them ours.
        Assert.AreEqual(6, row.Where((c, i) => c == '|' && (i == 0 || row[i - 1] != '\\')).Count(), row);
        Assert.DoesNotContain("<", markdown);
        StringAssert.Contains(row, "&lt;img src=x onerror=alert(1)&gt; &amp; \\`code\\` \\[link\\](javascript:x)");
        StringAssert.Contains(markdown, "**Next issue:** &lt;b&gt;next&lt;/b&gt; \\| x \\|\n");
    }

    [TestMethod]
    public void LongCellsAreCappedAndManyRowsSummarised()
    {
        var findings = Enumerable.Range(1, StepSummary.MaxRows + 7)
            .Select(i => Finding(Rules.MP2002, "plan.md", i, new string('x', 5000), PlanSeverity.Warning)).ToList();
        var markdown = StepSummary.Markdown(Counts(0, findings.Count), findings, Root, null);

        var rows = markdown.Split('\n').Where(l => l.StartsWith("| warning", StringComparison.Ordinal)).ToList();
        Assert.HasCount(StepSummary.MaxRows, rows);
        Assert.IsTrue(rows.All(r => r.Length < StepSummary.MaxCellLength + 200), rows[0].Length.ToString());
        StringAssert.Contains(markdown, "… and 7 more in the build log.");
    }

    [TestMethod]
    public void NoFindingsGiveJustTheCounts()
    {
        var markdown = StepSummary.Markdown(new Dictionary<PlanSeverity, int>(), [], Root, null);
        Assert.AreEqual("### MilestonePlan\n\n✅ 0 error(s), 0 warning(s), 0 message(s)\n", markdown);
    }

    [TestMethod]
    public void AppendsToTheSummaryFileAndKeepsWhatWasThere()
    {
        var folder = TempFolder();
        try
        {
            var path = Path.Combine(folder, "step_summary_1");
            File.WriteAllText(path, "earlier step\n");
            var env = new Dictionary<string, string?> { [StepSummary.EnvironmentVariable] = path };

            Assert.IsTrue(StepSummary.AppendIfRequested(name => env.TryGetValue(name, out var v) ? v : null, "### first"));
            Assert.IsTrue(StepSummary.AppendIfRequested(name => env.TryGetValue(name, out var v) ? v : null, "### second\n"));

            Assert.AreEqual("earlier step\n\n### first\n\n### second\n", File.ReadAllText(path));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [TestMethod]
    public void WritesNothingWhenTheVariableIsUnsetOrNamesNoRegularFile()
    {
        var folder = TempFolder();
        try
        {
            Assert.IsFalse(StepSummary.AppendIfRequested(_ => null, "x"));
            Assert.IsFalse(StepSummary.AppendIfRequested(_ => "", "x"));
            Assert.IsFalse(StepSummary.AppendIfRequested(_ => "relative/summary.md", "x"));
            Assert.IsFalse(StepSummary.AppendIfRequested(_ => folder, "x"), "a folder");

            var missing = Path.Combine(folder, "missing.md");
            Assert.IsFalse(StepSummary.AppendIfRequested(_ => missing, "x"));
            Assert.IsFalse(File.Exists(missing), "a missing summary file is not created");

            var target = Path.Combine(folder, "target.md");
            File.WriteAllText(target, "keep");
            var link = Path.Combine(folder, "link.md");
            try
            {
                File.CreateSymbolicLink(link, target);
            }
            catch (IOException)
            {
                return; // no symbolic links here (Windows without the privilege)
            }
            catch (UnauthorizedAccessException)
            {
                return;
            }

            Assert.IsFalse(StepSummary.AppendIfRequested(_ => link, "x"), "a symbolic link");
            Assert.AreEqual("keep", File.ReadAllText(target));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}

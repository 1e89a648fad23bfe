using MilestonePlan.Core.Editing;
using MilestonePlan.Core.Model;
using MilestonePlan.Core.Parsing;
using MilestonePlan.Core.Planning;
using MilestonePlan.Core.Tests.Support;

namespace MilestonePlan.Core.Tests.EditProperties;

/// <summary>The classes of unintended edits the independent fuzz found (issue #19), each pinned: a correct edit or a refusal.</summary>
[TestClass]
public sealed class EditRefusalTests
{
    private const string Path = "/repo/" + SamplePlan.PlanPath;
    private const string SpecPath = "/repo/docs/03-build-notes/m1/02-rules.md";

    [TestMethod]
    [DataRow("\u2028")]
    [DataRow("\u2029")]
    [DataRow("\u0085")]
    public void A_yaml_only_line_break_in_front_matter_never_moves_the_write_back_to_another_line(string separator)
    {
        // YAML reads four lines here, Markdig three: github_issue is YAML line 3 but file line 2.
        var text = $"---\ntitle: \"Rules\"{separator}labels: [a]\ngithub_issue:\npriority: P0\n---\n\n# Rules\n";
        var edited = SpecUpdater.SetGitHubIssue(SpecPath, text, 42);
        Assert.AreEqual($"---\ntitle: \"Rules\"{separator}labels: [a]\ngithub_issue: 42\npriority: P0\n---\n\n# Rules\n", edited);
        var spec = SpecParser.Parse(SpecPath, edited);
        Assert.AreEqual("P0", spec.Get("priority")?.Scalar);
        Assert.AreEqual("42", spec.Get("github_issue")?.Scalar);
    }

    [TestMethod]
    public void Front_matter_values_are_placed_in_the_file_lines_the_editor_uses()
    {
        var spec = SpecParser.Parse(SpecPath, "---\ntitle: \"A\"\u2028labels: [a]\npriority: P0\n---\n");
        Assert.AreEqual(3, spec.Get("priority")!.Span.Line, "Markdig's (and the editor's) line 3, not YAML's line 4");
        Assert.AreEqual(2, spec.Get("labels")!.Span.Line);
        Assert.AreEqual(12, spec.Get("labels")!.Span.Column);
    }

    [TestMethod]
    [DataRow("---\ntitle: 'Ru\rles'\ngithub_issue:\n---\n", "---\ntitle: 'Ru\rles'\ngithub_issue: 42\n---\n")]
    [DataRow("---\ntitle: 'Ru\rles'\npriority: P0\n---\n", "---\ngithub_issue: 42\ntitle: 'Ru\rles'\npriority: P0\n---\n")]
    [DataRow("---\ntitle: Rules\r\npriority: P0\r\n---\r\n", "---\ntitle: Rules\r\ngithub_issue: 42\r\npriority: P0\r\n---\r\n")]
    public void A_quoted_title_holding_a_lone_CR_is_not_split_by_the_new_line(string text, string expected)
    {
        var edited = SpecUpdater.SetGitHubIssue(SpecPath, text, 42);
        Assert.AreEqual(expected, edited);
        Assert.AreEqual(SpecParser.Parse(SpecPath, text).Get("title")?.Scalar, SpecParser.Parse(SpecPath, edited).Get("title")?.Scalar);
    }

    [TestMethod]
    [DataRow("---\ngithub_issue:\n  7\n---\n", 2)]
    [DataRow("---\ntitle: x\n\tpriority: P0\n---\n", 2)]
    public void Front_matter_that_cannot_be_edited_surgically_is_refused_naming_the_line(string text, int line)
    {
        var refused = Assert.ThrowsExactly<EditRefusedException>(() => SpecUpdater.SetGitHubIssue(SpecPath, text, 42));
        Assert.AreEqual(SpecPath, refused.Path);
        Assert.AreEqual(line, refused.Line, refused.Message);
    }

    [TestMethod]
    public void Marking_done_a_row_whose_number_another_row_has_is_refused_naming_MP1004()
    {
        var text = SamplePlan.Plan.Replace("| #03 | 03-docs.md | Docs |", "| #02 | 03-docs.md | Docs |", StringComparison.Ordinal);
        var refused = Assert.ThrowsExactly<EditRefusedException>(() =>
            PlanTransition.Edit(Path, text, (u, p) => u.MarkDone(p.Issues.Last())));
        StringAssert.Contains(refused.Reason, "MP1004");
        Assert.AreEqual(30, refused.Line);
        StringAssert.Contains(refused.Reason, "lines 24 and 30");
    }

    [TestMethod]
    public void Marking_done_an_entry_without_a_checkbox_ticks_it_and_the_issue_reads_done()
    {
        var text = SamplePlan.Plan.Replace("* [ ] #02 — Rules", "* #02 — Rules", StringComparison.Ordinal)
            .Replace("### Open PRs (autopilot)\n\n* (none)", "### Open PRs (autopilot)\n\n* [PR #5](https://github.com/o/r/pull/5) — Rules (#02)", StringComparison.Ordinal);
        var after = PlanTransition.Edit(Path, text, (u, p) => u.MarkDone(p.Find(new IssueNumber(2))!)).After;
        StringAssert.Contains(after, "* [x] #02 — Rules\n");
        StringAssert.Contains(after, "### Open PRs (autopilot)\n\n* (none)\n");
        var status = Selection.PlanStatus.Of(PlanParser.Parse(Path, after));
        Assert.IsTrue(status.Of(status.Plan.Find(new IssueNumber(2))!)!.IsDone);
    }

    [TestMethod]
    [DataRow("2026-11-24[20")]
    [DataRow("[2026-11-24")]
    [DataRow("[a][b]1")]
    [DataRow("<a>[b")]
    public void A_field_value_holding_a_bracket_is_replaced_exactly(string value)
    {
        var text = SamplePlan.Plan.Replace("**Last Updated:** 2026-11-24", "**Last Updated:** " + value, StringComparison.Ordinal)
            .Replace("* **Current Issue:** #02", "* **Current Issue:** #02 " + value, StringComparison.Ordinal);
        var plan = PlanParser.Parse(Path, text);
        Assert.AreEqual("In Progress", plan.Tracking.FooterStatus?.Value.Text, "the next line is its own field, not part of the value");
        var after = PlanTransition.Edit(Path, text, (u, p) => u.SetLastUpdated("2030-01-02").Concat(u.SetCurrent(p.Issues.First()))).After;
        StringAssert.Contains(after, "\n**Last Updated:** 2030-01-02\n**Status:** In Progress");
        StringAssert.Contains(after, "\n* **Current Issue:** #01\n");
    }

    [TestMethod]
    public void Deleting_lines_after_a_lone_CR_that_would_fuse_with_the_next_LF_is_refused()
    {
        var text = SamplePlan.Plan.Replace("### Open PRs (autopilot)\n\n* (none)\n",
            "### Open PRs (autopilot)\n\n* [PR #4](https://github.com/o/r/pull/4) — Parser (#01)\r* [PR #5](https://github.com/o/r/pull/5) — Rules (#02)\n  - Status: ⏳ Checks pending\n\n", StringComparison.Ordinal);
        var refused = Assert.ThrowsExactly<EditRefusedException>(() => PlanTransition.Edit(Path, text, (u, p) => u.MarkDone(p.Find(new IssueNumber(2))!)));
        StringAssert.Contains(refused.Reason, "lone CR");
        Assert.AreEqual(42, refused.Line);
    }
}

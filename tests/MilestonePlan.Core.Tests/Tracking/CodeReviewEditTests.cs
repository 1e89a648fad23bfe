using MilestonePlan.Core.Editing;
using MilestonePlan.Core.Model;
using MilestonePlan.Core.Parsing;
using MilestonePlan.Core.Planning;
using MilestonePlan.Core.Selection;
using MilestonePlan.Core.Tests.Support;

namespace MilestonePlan.Core.Tests.Tracking;

/// <summary>
/// The code-review gate's plan edits (issue #22), text exact: the Code Review line of an Open PRs entry, and the Blocked
/// entry in the code-review findings format; what a reviewer wrote is refused when it would not read back as given.
/// </summary>
[TestClass]
public sealed class CodeReviewEditTests
{
    private static readonly string Path = "/repo/" + SamplePlan.PlanPath;

    private static readonly ReviewFinding[] Two =
    [
        new("SQL built from `input` [#02]", 90, "src/Export.cs", 12),
        new("Secret in log | see #01", 85, null, null),
    ];

    private static string Edit(string text, Func<PlanUpdater, PlanDocument, IEnumerable<LineEdit>> edit) => PlanTransition.Edit(Path, text, edit).After;

    private static IssueRow Row(PlanDocument plan, int number) => plan.Find(new IssueNumber(number))!;

    private static string WithOpenPullRequest(string nested) => CodeReviewFormatTests.Plan("#02", "* [PR #12](https://github.com/o/r/pull/12) — Rules (#3)" + nested, "* (none)");

    [TestMethod]
    public void The_Code_Review_line_goes_after_the_Status_line_and_then_only_its_value_changes()
    {
        var text = WithOpenPullRequest("\n  - Status: ✓ Checks passing\n  - Created: 2026-12-01");
        var pending = Edit(text, (u, p) => u.SetCodeReview(Row(p, 2), ReviewSummary.Pending));
        Assert.AreEqual(text.Replace("passing\n", "passing\n  - Code Review: ⏳ Pending\n", StringComparison.Ordinal), pending);

        var found = Edit(pending, (u, p) => u.SetCodeReview(Row(p, 2), ReviewSummary.Found(2)));
        Assert.AreEqual(text.Replace("passing\n", "passing\n  - Code Review: ⚠ 2 issues found\n", StringComparison.Ordinal), found);
        Assert.AreEqual(found, Edit(found, (u, p) => u.SetCodeReview(Row(p, 2), ReviewSummary.Found(2))), "said already: no change");

        var plan = PlanParser.Parse(Path, found);
        Assert.AreEqual(ReviewSummary.Found(2), CodeReviewText.SummaryOf(PlanStatus.Of(plan)[new IssueNumber(2)]!.Facts.OpenPullRequest!));
    }

    [TestMethod]
    public void A_bold_label_keeps_its_closing_stars_and_an_entry_without_nested_lines_gets_one()
    {
        var bold = WithOpenPullRequest("\n  - **Code Review:** ⏳ Pending");
        Assert.AreEqual(bold.Replace("⏳ Pending", "✓ No issues", StringComparison.Ordinal), Edit(bold, (u, p) => u.SetCodeReview(Row(p, 2), ReviewSummary.NoIssues)));

        var bare = WithOpenPullRequest(string.Empty);
        Assert.AreEqual(bare.Replace("(#3)\n", "(#3)\n  - Code Review: ⚠ 1 issue found\n", StringComparison.Ordinal),
            Edit(bare, (u, p) => u.SetCodeReview(Row(p, 2), ReviewSummary.Found(1))));

        Assert.AreEqual(bare, Edit(bare, (u, p) => u.SetCodeReview(Row(p, 3), ReviewSummary.NoIssues)), "#03 has no Open PRs entry");
    }

    [TestMethod]
    public void An_Open_PRs_entry_is_written_with_its_Code_Review_and_a_rerun_adds_both_missing_lines_in_order()
    {
        var none = WithOpenPullRequest(string.Empty).Replace("* [PR #12](https://github.com/o/r/pull/12) — Rules (#3)", "* (none)", StringComparison.Ordinal);
        var added = Edit(none, (u, p) => u.AddOpenPullRequest(Row(p, 2), 12, "https://github.com/o/r/pull/12", CheckState.Pending,
            new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero), ReviewSummary.Pending));
        StringAssert.Contains(added, "### Open PRs (autopilot)\n\n* [PR #12](https://github.com/o/r/pull/12) — Rules (#3)\n  - Status: ⏳ Checks pending\n"
            + "  - Code Review: ⏳ Pending\n  - Created: 2026-12-01\n\n### Blocked");

        var bare = WithOpenPullRequest(string.Empty);
        Assert.AreEqual(bare.Replace("(#3)\n", "(#3)\n  - Status: ✓ Checks passing\n  - Code Review: ✓ No issues\n", StringComparison.Ordinal),
            Edit(bare, (u, p) => u.AddOpenPullRequest(Row(p, 2), 12, "https://github.com/o/r/pull/12", CheckState.Passing, review: ReviewSummary.NoIssues)));
    }

    [TestMethod]
    public void Critical_findings_are_one_Blocked_entry_in_the_templates_format_replaced_on_a_rerun()
    {
        var text = CodeReviewFormatTests.Plan("#02", "* (none)", "* #03 — Docs — STOP: migration — Needs: review\n  - Reason: old");
        var first = Edit(text, (u, p) => u.RecordReviewFindings(Row(p, 3), 13, Two, "2026-12-01T10:00:00Z"));
        const string Entry = """
            * **#207** (plan #03) — Docs
              - Reason: Code review found 2 critical issues (PR #13)
              - Findings:
                1. SQL built from `input` [#02] (score: 90, file: src/Export.cs, line: 12)
                2. Secret in log | see #01 (score: 85)
              - Fix: Address critical issues before continuing
              - PR: #13
              - Blocked Date: 2026-12-01T10:00:00Z
            """;
        Assert.AreEqual(text.Replace("* #03 — Docs — STOP: migration — Needs: review\n  - Reason: old", Entry, StringComparison.Ordinal), first);

        var rerun = Edit(first, (u, p) => u.RecordReviewFindings(Row(p, 3), 14, [new("Race", 100, "a b.cs", 1)], "2026-12-02"));
        StringAssert.Contains(rerun, """
            ### Blocked / Needs Review (STOP)

            * **#207** (plan #03) — Docs
              - Reason: Code review found 1 critical issue (PR #14)
              - Findings:
                1. Race (score: 100, file: a b.cs, line: 1)
              - Fix: Address critical issues before continuing
              - PR: #14
              - Blocked Date: 2026-12-02

            ### Skipped
            """);

        var plan = PlanParser.Parse(Path, first);
        var status = PlanStatus.Of(plan);
        Assert.AreEqual(IssueState.Stopped, status[new IssueNumber(3)]!.State);
        Assert.AreEqual(IssueState.Done, status[new IssueNumber(1)]!.State, "#01 in a finding's words is not an entry of #01");
        Assert.IsNull(status[new IssueNumber(2)]!.Facts.Blocked);
        var stop = CodeReviewText.StopOf(status[new IssueNumber(3)]!.Facts.Blocked!)!;
        CollectionAssert.AreEqual(Two, stop.Findings.ToArray());
        Assert.AreEqual((13, "2026-12-01T10:00:00Z"), (stop.PullRequest, stop.BlockedDate));
    }

    [TestMethod]
    public void A_row_without_a_GitHub_number_is_named_by_its_plan_number()
    {
        var after = Edit(SamplePlan.Plan, (u, p) => u.RecordReviewFindings(Row(p, 3), 9, [new("x", 80, "f", 2)], "d"));
        StringAssert.Contains(after, "### Blocked / Needs Review (STOP)\n\n* **#03** — Docs\n  - Reason: Code review found 1 critical issue (PR #9)\n");
        Assert.AreEqual(IssueState.Stopped, PlanStatus.Of(PlanParser.Parse(Path, after))[new IssueNumber(3)]!.State);
    }

    public static IEnumerable<object[]> Unwritable() =>
    [
        [new ReviewFinding("two\nlines", 90, null, null), "finding 1: its text holds a line break"],
        [new ReviewFinding("cr\r", 90, null, null), "finding 1: its text holds a line break"],
        [new ReviewFinding("sep\u2028", 90, null, null), "finding 1: its text holds a line break"],
        [new ReviewFinding("bad (Score: 5) x", 90, null, null), "finding 1: its text holds '(score:'"],
        [new ReviewFinding(" padded", 90, null, null), "finding 1: its text starts or ends with white space"],
        [new ReviewFinding("x", 101, null, null), "finding 1: its score 101 is not 0–100"],
        [new ReviewFinding("x", -1, null, null), "finding 1: its score -1 is not 0–100"],
        [new ReviewFinding("x", 90, "a.cs, line: 3", null), "finding 1: its file holds '(score:' or ', line:'"],
        [new ReviewFinding("x", 90, "", null), "finding 1: its file is empty"],
        [new ReviewFinding("x", 90, "a.cs", 0), "finding 1: its line 0 is not a line number"],
        // Markdown reads `[a]: b (score: 5)` as a link reference definition: no finding would read back.
        [new ReviewFinding("[a]: b", 90, null, null), "the code review's findings do not read back as written"],
        [new ReviewFinding("# heading", 90, null, null), "the code review's findings do not read back as written"],
    ];

    [TestMethod]
    [DynamicData(nameof(Unwritable))]
    public void What_would_not_read_back_as_given_is_refused_and_nothing_is_written(object finding, string reason)
    {
        var refused = Assert.ThrowsExactly<EditRefusedException>(() =>
            Edit(SamplePlan.Plan, (u, p) => u.RecordReviewFindings(Row(p, 3), 9, [new("fine", 80, "f.cs", 2), (ReviewFinding)finding], "d")));
        StringAssert.Contains(refused.Reason, reason.Replace("finding 1", "finding 2", StringComparison.Ordinal));
        Assert.AreEqual(Path, refused.Path);
    }

    [TestMethod]
    public void No_findings_no_PR_number_or_a_date_over_two_lines_are_refused()
    {
        foreach (var (pr, findings, date, reason) in new (int, ReviewFinding[], string, string)[]
        {
            (9, [], "d", "there are no findings to record"),
            (0, Two, "d", "PR #0 is not a PR number"),
            (9, Two, "2026\r\n-12", "the date holds a line break"),
        })
        {
            var refused = Assert.ThrowsExactly<EditRefusedException>(() => Edit(SamplePlan.Plan, (u, p) => u.RecordReviewFindings(Row(p, 3), pr, findings, date)));
            StringAssert.Contains(refused.Reason, reason);
        }
    }

    [TestMethod]
    public void Code_Review_values_read_as_agents_write_them()
    {
        foreach (var (value, expected) in new (string, ReviewSummary?)[]
        {
            ("✓ No issues", ReviewSummary.NoIssues), ("✔ no issues found", ReviewSummary.NoIssues), ("No issues", ReviewSummary.NoIssues),
            ("⏳ Pending", ReviewSummary.Pending), ("pending", ReviewSummary.Pending), ("⚠️ 3 issues found", ReviewSummary.Found(3)),
            ("⚠ 1 issue found", ReviewSummary.Found(1)), ("⚠ 0 issues found", ReviewSummary.NoIssues),
            ("⚠ ٣ issues found", null), ("⏳ No issues", null), ("⚠ {N} issues found", null), ("✓ No issues | ⚠ {N} issues found | ⏳ Pending", null),
        })
        {
            Assert.AreEqual(expected, CodeReviewText.ParseSummary(value), value);
        }
    }
}

using MilestonePlan.Core.Model;
using MilestonePlan.Core.Planning;
using MilestonePlan.Core.Selection;
using MilestonePlan.Core.Tests.Support;

namespace MilestonePlan.Core.Tests.Tracking;

/// <summary>
/// The template's two code-review formats (issue #22), as an autopilot writes them mid-run: the enhanced Open PRs entry
/// with its nested Status / Code Review / Created lines, and the Blocked entry in the code-review findings format
/// (`**#GitHub** (plan #N) — Title` with nested Reason, numbered Findings, Fix, PR and Blocked Date). The GitHub numbers
/// are chosen to collide with plan numbers (#02 is GitHub #3, #03 is GitHub #207): each entry must still name its own
/// row, and the plan gives no finding but the one it is built to give, at its exact position.
/// </summary>
[TestClass]
public sealed class CodeReviewFormatTests
{
    private const string OpenPullRequest = """
        * [PR #12](https://github.com/o/r/pull/12) — Rules (#3)
          - Status: ✓ Checks passing
          - Code Review: ⚠ 2 issues found
          - Created: 2026-12-01
        """;

    private const string ReviewStop = """
        * **#207** (plan #03) — Docs
          - Reason: Code review found 2 critical issues (PR #13)
          - Findings:
            1. SQL built from `input` [#02] (score: 90, file: src/Export.cs, line: 12)
            2. Secret in log — see #01 | `a|b` (score: 85, file: src/Log.cs, line: 3)
          - Fix: Address critical issues before continuing
          - PR: #13
          - Blocked Date: 2026-12-01T10:00:00Z
        """;

    /// <summary>The sample plan with a GitHub # column, the two entries and <paramref name="current"/> as Current Issue.</summary>
    internal static string Plan(string current, string openPullRequests = OpenPullRequest, string blocked = ReviewStop) => SamplePlan.Plan
        .Replace("| Est. Size |\n|---------|------------|-------|----------|--------------|----------------|----------------|-----------|",
            "| Est. Size | GitHub # |\n|---------|------------|-------|----------|--------------|----------------|----------------|-----------|---|", StringComparison.Ordinal)
        .Replace("| Est. Size |\n|---|---|---|---|---|---|---|---|", "| Est. Size | GitHub # |\n|---|---|---|---|---|---|---|---|---|", StringComparison.Ordinal)
        .Replace("| M |\n| #02", "| M | #101 |\n| #02", StringComparison.Ordinal)
        .Replace("`feat(m1)` | M |\n\n", "`feat(m1)` | M | #3 |\n\n", StringComparison.Ordinal)
        .Replace("| S |", "| S | #207 |", StringComparison.Ordinal)
        .Replace("### Open PRs (autopilot)\n\n* (none)", "### Open PRs (autopilot)\n\n" + openPullRequests, StringComparison.Ordinal)
        .Replace("### Blocked / Needs Review (STOP)\n\n* (none)", "### Blocked / Needs Review (STOP)\n\n" + blocked, StringComparison.Ordinal)
        .Replace("* **Current Issue:** #02", "* **Current Issue:** " + current, StringComparison.Ordinal);

    [TestMethod]
    public void Both_formats_name_their_own_row_by_GitHub_number_and_give_no_finding()
    {
        var text = Plan("#02");
        StringAssert.Contains(text, "| #03 | 03-docs.md | Docs | P1 | #01, #02 | `feat/m1-03-docs` | `feat(m1)` | S | #207 |");
        var result = SamplePlan.Workspace(_ => text).Validate();

        Assert.IsEmpty(result.Diagnostics, Dump.Of(result.Diagnostics));
        var plan = result.Plans.Single();
        var status = PlanStatus.Of(plan);
        Assert.AreEqual(3, plan.Find(new IssueNumber(2))!.GitHubNumber);
        Assert.AreEqual(IssueState.Done, status[new IssueNumber(1)]!.State);
        Assert.AreEqual(IssueState.OpenPullRequest, status[new IssueNumber(2)]!.State, "(#3) is #02's GitHub number, not plan #03");
        Assert.AreEqual(IssueState.Stopped, status[new IssueNumber(3)]!.State, "**#207** (plan #03) is #03");
        Assert.IsNull(status[new IssueNumber(3)]!.Facts.OpenPullRequest);
        Assert.IsNull(status[new IssueNumber(2)]!.Facts.Blocked);
        Assert.IsNull(NextIssueSelector.Select(plan).Next, "#02 waits for its PR, #03 is stopped");
    }

    [TestMethod]
    public void The_one_finding_is_where_it_should_be_after_the_nested_lines()
    {
        // Current Issue names the stopped issue: MP5004, at the value, on the line the nested lines pushed it to.
        var text = Plan("#03");
        var diagnostics = SamplePlan.Workspace(_ => text).Diagnostics();

        var (line, column) = SamplePlan.Position(text, "#03", "* **Current Issue:**");
        Assert.AreEqual($"IMPLEMENTATION_PLAN.md({line},{column},{line},{column + 2}): MP5004", string.Join("\n",
            diagnostics.Select(d => $"{Path.GetFileName(d.FilePath)}({d.Span.Line},{d.Span.Column},{d.Span.EndLine},{d.Span.EndColumn}): {d.Id}")), Dump.Of(diagnostics));
        Assert.AreEqual(65, line, "the plan is as this test means it");
    }

    [TestMethod]
    public void The_findings_entry_with_its_list_at_the_entrys_own_indentation_reads_the_same()
    {
        // Findings' numbered items written two columns in (under the entry, not under `- Findings:`), as agents do.
        var shallow = ReviewStop.Replace("    1.", "  1.", StringComparison.Ordinal).Replace("    2.", "  2.", StringComparison.Ordinal);
        var result = SamplePlan.Workspace(_ => Plan("#02", blocked: shallow)).Validate();

        Assert.IsEmpty(result.Diagnostics, Dump.Of(result.Diagnostics));
        Assert.AreEqual(IssueState.Stopped, PlanStatus.Of(result.Plans.Single())[new IssueNumber(3)]!.State);
    }

    [TestMethod]
    public void An_Open_PRs_entry_for_a_row_whose_plan_number_is_another_rows_GitHub_number_says_plan()
    {
        // #03 is GitHub #2, #02 has no GitHub number: `(#02)` would read as #03's, so the editor writes `(plan #02)`.
        var text = Plan("#02", openPullRequests: "* (none)", blocked: "* (none)").Replace("| S | #207 |", "| S | #2 |", StringComparison.Ordinal)
            .Replace("| M | #3 |", "| M |  |", StringComparison.Ordinal);
        var after = PlanTransition.Edit("/repo/" + SamplePlan.PlanPath, text, (u, p) => u.AddOpenPullRequest(p.Find(new IssueNumber(2))!, 12, "https://github.com/o/r/pull/12")).After;

        StringAssert.Contains(after, "* [PR #12](https://github.com/o/r/pull/12) — Rules (plan #02)\n");
        var status = PlanStatus.Of(Parsing.PlanParser.Parse("/repo/" + SamplePlan.PlanPath, after));
        Assert.AreEqual(IssueState.OpenPullRequest, status[new IssueNumber(2)]!.State);
        Assert.AreEqual(IssueState.Open, status[new IssueNumber(3)]!.State);
    }
}

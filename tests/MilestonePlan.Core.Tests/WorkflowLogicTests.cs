using MilestonePlan.Core.Model;
using MilestonePlan.Core.Parsing;
using MilestonePlan.Core.Selection;
using MilestonePlan.Core.Tests.Support;
using MilestonePlan.Core.Planning;
using MilestonePlan.Core.Analysis;

namespace MilestonePlan.Core.Tests;

[TestClass]
public sealed class WorkflowLogicTests
{
    private const string Path = "/repo/docs/03-build-notes/m1/IMPLEMENTATION_PLAN.md";

    private static PlanDocument Sample => PlanParser.Parse(Path, SamplePlan.Plan);

    [TestMethod]
    [DataRow("Login form", "login-form")]
    [DataRow("Fix \"quotes\"; $(rm -rf /) `ticks`", "fix-quotes-rm-rf-ticks")]
    [DataRow("Über-Straße café", "uber-stra-e-cafe")]
    [DataRow("日本語", "")]
    [DataRow("..lock~^:?*[\\", "lock")]
    public void Slugs_are_always_valid_ref_parts(string title, string slug)
    {
        Assert.AreEqual(slug, BranchNames.Slug(title));
        var row = Sample.Find(new IssueNumber(2))! with { FeatureBranch = null, Title = new TextCell(title, title, default) };
        var branch = BranchNames.FeatureBranch(Sample, row);
        Assert.IsTrue(Model.BranchName.IsValidForGit(branch), branch);
        StringAssert.StartsWith(branch, "feat/m1-02-");
    }

    [TestMethod]
    public void Base_branch_is_the_milestone_branch_else_main()
    {
        Assert.AreEqual("milestone/m1-core", BranchNames.BaseBranch(Sample));
        var without = PlanParser.Parse(Path, SamplePlan.Plan.Replace("**Milestone Branch:** `milestone/m1-core` (base branch for PRs)\n", "", StringComparison.Ordinal));
        Assert.AreEqual("main", BranchNames.BaseBranch(without));
    }

    [TestMethod]
    public void PR_title_and_body_come_from_the_row_and_the_spec()
    {
        var row = Sample.Find(new IssueNumber(2))!;
        var spec = SpecParser.Parse("/repo/docs/03-build-notes/m1/02-rules.md", SamplePlan.Spec("Rules", "P0", "[1]"));
        Assert.AreEqual("feat(m1): Rules (#02)", PullRequestText.Title(Sample, row));
        var body = PullRequestText.Body(Sample, row, spec, "docs/03-build-notes/m1/02-rules.md");
        StringAssert.Contains(body, "## Acceptance Criteria\n\n- [ ] It works\n");
        StringAssert.StartsWith(body, "Implements issue #02: Rules");
    }

    [TestMethod]
    public void Reconcile_marks_merged_done_lists_open_and_moves_current()
    {
        var prs = new[]
        {
            new PullRequestInfo(11, "feat(m1): Rules (#02)", "MERGED", "feat/m1-02-rules", "milestone/m1-core", "https://example.invalid/11", DateTimeOffset.UnixEpoch),
            new PullRequestInfo(12, "feat(m1): Docs (#03)", "OPEN", "feat/m1-03-docs", "milestone/m1-core", "https://example.invalid/12"),
        };

        var transition = Reconciler.Reconcile(Path, SamplePlan.Plan, prs, "2026-12-01");
        var after = PlanParser.Parse(Path, transition.After);
        var status = PlanStatus.Of(after);

        Assert.AreEqual(IssueState.Done, status[new IssueNumber(2)]!.State);
        Assert.AreEqual(IssueState.OpenPullRequest, status[new IssueNumber(3)]!.State);
        StringAssert.Contains(transition.After, "* [PR #12](https://example.invalid/12) — Docs (#03)");
        Assert.AreEqual("2026-12-01", after.Tracking.LastUpdated!.Value.Text);
        Assert.IsNull(NextIssueSelector.Select(after).Next, "the only open issue has a PR");

        var again = Reconciler.Reconcile(Path, transition.After, prs, "2026-12-01");
        Assert.IsFalse(again.HasChanges, "reconcile is idempotent: " + string.Join("; ", again.Changes));
    }

    [TestMethod]
    public void Status_summary_counts_states_and_finds_the_critical_path()
    {
        var stopped = SamplePlan.Plan.Replace("### Blocked / Needs Review (STOP)\n\n* (none)",
            "### Blocked / Needs Review (STOP)\n\n* #02 — Rules — STOP: auth", StringComparison.Ordinal);
        var summary = MilestoneSummary.Of(PlanParser.Parse(Path, stopped));

        Assert.AreEqual(1, summary.Counts[IssueState.Done]);
        Assert.AreEqual(1, summary.Counts[IssueState.Stopped]);
        CollectionAssert.AreEqual(new[] { 3 }, summary.BlockedChains.Single().HeldUp.Select(r => r.Number.Value).ToArray());
        CollectionAssert.AreEqual(new[] { 2, 3 }, summary.CriticalPath.Select(r => r.Number.Value).ToArray());
        StringAssert.Contains(summary.Render(), "m1: 1/3 done, 1 stopped, 1 open");
        StringAssert.Contains(summary.Render(), "#02 holds up #03");
        StringAssert.Contains(summary.Mermaid(), "I01 --> I03");
    }
}

using MilestonePlan.Core.Model;
using MilestonePlan.Core.Parsing;
using MilestonePlan.Core.Planning;
using MilestonePlan.Core.Selection;
using MilestonePlan.Core.Tests.Support;

namespace MilestonePlan.Core.Tests;

/// <summary>
/// Reconcile records what GitHub reports on its bad days, in the template's formats (issue #21): failing checks and a
/// conflict are ⏭️ Skipped with the PR linked, a PR closed without merging is ⛔ and leaves Open PRs, an Open PRs entry
/// GitHub has no PR for goes, a Status line follows the checks, and a recorded ⛔ is not overwritten.
/// </summary>
[TestClass]
public sealed class ReconcileUnhappyPathTests
{
    private const string Path = "/repo/docs/03-build-notes/m1/IMPLEMENTATION_PLAN.md";
    private const string Today = "2026-12-03";

    private static PullRequestInfo Rules(string state = "OPEN", CheckState checks = CheckState.Pending, string merge = "BLOCKED", bool autoMerge = true) =>
        new(21, "feat(m1): Rules (#02)", state, "feat/m1-02-rules", "milestone/m1-core", "https://github.com/o/r/pull/21", AutoMergeEnabled: autoMerge)
        {
            Checks = checks,
            MergeStateStatus = merge,
        };

    private static string Reconcile(string text, params PullRequestInfo[] prs) => Reconciler.Reconcile(Path, text, prs, Today).After;

    [TestMethod]
    public void Failing_checks_are_a_soft_stop_with_the_PR_linked_and_the_entry_saying_Failing()
    {
        var pending = Reconcile(SamplePlan.Plan, Rules());
        StringAssert.Contains(pending, "* [PR #21](https://github.com/o/r/pull/21) — Rules (#02)\n  - Status: ⏳ Checks pending\n");

        var failing = Reconcile(pending, Rules(checks: CheckState.Failing));

        StringAssert.Contains(failing, "* [PR #21](https://github.com/o/r/pull/21) — Rules (#02)\n  - Status: ⚠ Failing\n");
        StringAssert.Contains(failing, "### Skipped Issues (Soft Stops)\n\n* #02 — Rules — Skipped: checks fail on GitHub for PR #21 (https://github.com/o/r/pull/21)\n");
        Assert.AreEqual(IssueState.Skipped, PlanStatus.Of(PlanParser.Parse(Path, failing))[new IssueNumber(2)]!.State);
        Assert.IsFalse(Reconciler.Reconcile(Path, failing, [Rules(checks: CheckState.Failing)], Today).HasChanges, "a rerun changes nothing");
    }

    [TestMethod]
    public void A_conflict_is_a_soft_stop()
    {
        var after = Reconcile(SamplePlan.Plan, Rules(merge: "DIRTY"));

        StringAssert.Contains(after, "* #02 — Rules — Skipped: merge conflict: PR #21 conflicts with milestone/m1-core (https://github.com/o/r/pull/21)\n");
    }

    [TestMethod]
    public void A_PR_closed_without_merging_is_a_hard_stop_and_leaves_Open_PRs()
    {
        var open = Reconcile(SamplePlan.Plan, Rules(checks: CheckState.Passing));
        StringAssert.Contains(open, "  - Status: ✓ Checks passing\n");

        var closed = Reconcile(open, Rules("CLOSED"));

        StringAssert.Contains(closed, "### Open PRs (autopilot)\n\n* (none)\n");
        StringAssert.Contains(closed, "* #02 — Rules — STOP: PR #21 was closed without merging (https://github.com/o/r/pull/21) — Needs: reopen it, or decide by hand\n");
        Assert.AreEqual(IssueState.Stopped, PlanStatus.Of(PlanParser.Parse(Path, closed))[new IssueNumber(2)]!.State);
    }

    [TestMethod]
    public void A_skip_then_a_close_is_one_hard_stop()
    {
        var skipped = Reconcile(SamplePlan.Plan, Rules(checks: CheckState.Failing));
        var closed = Reconcile(skipped, Rules("CLOSED", checks: CheckState.Failing));

        StringAssert.Contains(closed, "### Skipped Issues (Soft Stops)\n\n* (none)\n");
        StringAssert.Contains(closed, "* #02 — Rules — STOP: PR #21 was closed without merging");
    }

    [TestMethod]
    public void A_recorded_stop_keeps_its_reason_when_the_PR_is_closed()
    {
        var stopped = SamplePlan.Plan.Replace("### Blocked / Needs Review (STOP)\n\n* (none)",
            "### Blocked / Needs Review (STOP)\n\n* #02 — Rules — STOP: a migration — Needs: a review", StringComparison.Ordinal);
        var open = stopped.Replace("### Open PRs (autopilot)\n\n* (none)", "### Open PRs (autopilot)\n\n* [PR #21](https://github.com/o/r/pull/21) — Rules (#02)", StringComparison.Ordinal);

        var closed = Reconcile(open, Rules("CLOSED"));

        StringAssert.Contains(closed, "* #02 — Rules — STOP: a migration — Needs: a review\n");
        StringAssert.Contains(closed, "### Open PRs (autopilot)\n\n* (none)\n");
    }

    [TestMethod]
    public void An_Open_PRs_entry_GitHub_has_no_PR_for_goes()
    {
        var open = SamplePlan.Plan.Replace("### Open PRs (autopilot)\n\n* (none)",
            "### Open PRs (autopilot)\n\n* [PR #21](https://github.com/o/r/pull/21) — Rules (#02)\n  - Status: ✓ Checks passing", StringComparison.Ordinal);

        var after = Reconcile(open);

        StringAssert.Contains(after, "### Open PRs (autopilot)\n\n* (none)\n\n### Blocked");
        Assert.AreNotEqual(IssueState.OpenPullRequest, PlanStatus.Of(PlanParser.Parse(Path, after))[new IssueNumber(2)]!.State);
    }

    [TestMethod]
    public void A_merged_PR_clears_an_earlier_skip()
    {
        var skipped = Reconcile(SamplePlan.Plan, Rules(checks: CheckState.Failing));

        var merged = Reconcile(skipped, Rules("MERGED") with { MergedAt = DateTimeOffset.UnixEpoch });

        StringAssert.Contains(merged, "* [x] #02 — Rules\n");
        StringAssert.Contains(merged, "### Skipped Issues (Soft Stops)\n\n* (none)\n");
        StringAssert.Contains(merged, "### Open PRs (autopilot)\n\n* (none)\n");
    }

    [TestMethod]
    public void The_steps_say_which_PRs_the_workflow_makes_drafts()
    {
        var plan = PlanParser.Parse(Path, SamplePlan.Plan);

        var steps = Reconciler.Steps(plan, [Rules(checks: CheckState.Failing)]);

        Assert.AreEqual((LifecycleState.ChecksFailing, LifecycleAction.MakeDraft), (steps.Single().Step.State, steps.Single().Step.Next));
    }
}

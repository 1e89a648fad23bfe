using MilestonePlan.Workflow.Tests.Support;

namespace MilestonePlan.Workflow.Tests;

/// <summary>
/// SubmitIssue and ReconcileMilestone record what GitHub really did (issue #21, docs/run-milestone.md's state table),
/// with real git, a bare origin and the fake gh behaving as GitHub does on its bad days: a refused auto-merge, checks
/// that fail, a conflict, a PR a person closes, a branch a person deletes, a PR GitHub no longer has.
/// </summary>
[TestClass]
public sealed class GitHubUnhappyPathTests
{
    [TestMethod]
    public void Auto_merge_refused_leaves_a_draft_and_a_stop_and_Current_Issue_moves_on()
    {
        using var repo = SubmitIssueTests.StartIssueOne();
        repo.Gh.RefuseAutoMerge();

        var stops = repo.Runner().SubmitIssue();

        Assert.AreEqual("auto-merge", stops.Single().Code);
        var pr = repo.IssuePullRequests[0]!;
        Assert.IsTrue(pr["isDraft"]!.GetValue<bool>(), "left as a draft");
        Assert.IsFalse(pr["autoMerge"]!.GetValue<bool>());
        StringAssert.Contains(repo.PlanText, "* [PR #1](https://github.com/example/repo/pull/1) — Parser (#01)\n  - Status: ⏳ Checks pending\n");
        StringAssert.Contains(repo.PlanText, "* #01 — Parser — STOP: auto-merge could not be enabled for PR #1: ");
        StringAssert.Contains(repo.PlanText, "Auto merge is not allowed for this repository");
        StringAssert.Contains(repo.PlanText, "* **Current Issue:** None\n* **Blockers:** Nothing eligible: #01 stopped (⛔ Needs Review)");

        // Reconciling again never touches the stopped issue's PR: no auto-merge, no second stop.
        var calls = repo.IssueGhCalls.Count;
        repo.Runner().ReconcileMilestone();
        Assert.IsFalse(repo.IssueGhCalls.Skip(calls).Any(c => c[0] == "pr" && c[1] is "merge" or "ready"), string.Join("\n", repo.IssueGhCalls.Skip(calls).Select(c => string.Join(' ', c))));
    }

    [TestMethod]
    public void Checks_failing_on_GitHub_are_a_soft_stop_the_PR_a_draft()
    {
        using var repo = SubmitIssueTests.StartIssueOne();
        repo.Gh.AutoMergeWhenChecksPass();
        repo.Gh.ChecksFailAfter(0);

        var stops = repo.Runner().SubmitIssue();

        Assert.AreEqual(("checks", false), (stops.Single().Code, stops.Single().IsHard));
        Assert.IsTrue(repo.IssuePullRequests[0]!["isDraft"]!.GetValue<bool>(), "a draft");
        StringAssert.Contains(repo.PlanText, "  - Status: ⚠ Failing\n");
        StringAssert.Contains(repo.PlanText, "* #01 — Parser — Skipped: checks fail on GitHub for PR #1 (https://github.com/example/repo/pull/1)\n");
    }

    [TestMethod]
    public void Checks_that_fail_later_are_recorded_by_reconcile()
    {
        using var repo = SubmitIssueTests.StartIssueOne();
        repo.Gh.AutoMergeWhenChecksPass();
        repo.Gh.ChecksFailAfter(2);
        repo.Runner().SubmitIssue();
        StringAssert.Contains(repo.PlanText, "  - Status: ⏳ Checks pending\n");

        repo.Runner().ReconcileMilestone();
        repo.Runner().ReconcileMilestone();

        StringAssert.Contains(repo.PlanText, "  - Status: ⚠ Failing\n");
        StringAssert.Contains(repo.PlanText, "* #01 — Parser — Skipped: checks fail on GitHub for PR #1");
        var pr = repo.IssuePullRequests[0]!;
        Assert.IsTrue(pr["isDraft"]!.GetValue<bool>(), "made a draft");
        Assert.IsFalse(pr["autoMerge"]!.GetValue<bool>(), "auto-merge taken away");
    }

    [TestMethod]
    public void A_conflict_is_a_soft_stop()
    {
        using var repo = SubmitIssueTests.StartIssueOne();
        repo.Gh.ConflictOn("feat/m1-01-parser");

        var stops = repo.Runner().SubmitIssue();

        Assert.AreEqual("conflict", stops.Single().Code);
        StringAssert.Contains(repo.PlanText, "* #01 — Parser — Skipped: merge conflict: PR #1 conflicts with milestone/m1-core");
        Assert.IsTrue(repo.IssuePullRequests[0]!["isDraft"]!.GetValue<bool>());
    }

    [TestMethod]
    public void A_PR_a_person_closes_is_a_hard_stop_with_its_link_and_leaves_Open_PRs()
    {
        using var repo = SubmitIssueTests.StartIssueOne();
        repo.Runner().SubmitIssue();
        StringAssert.Contains(repo.PlanText, "* [PR #1](");

        repo.Gh.ClosePullRequest(repo.Git.Path_, 1);
        repo.Runner().ReconcileMilestone();

        StringAssert.Contains(repo.PlanText, "### Open PRs (autopilot)\n\n* (none)\n");
        StringAssert.Contains(repo.PlanText, "* #01 — Parser — STOP: PR #1 was closed without merging (https://github.com/example/repo/pull/1) — Needs: reopen it, or decide by hand\n");
    }

    [TestMethod]
    public void A_PR_whose_branch_a_person_deleted_says_so()
    {
        using var repo = SubmitIssueTests.StartIssueOne();
        repo.Runner().SubmitIssue();

        repo.Gh.DeleteHeadBranch(repo.Git.Path_, 1);
        repo.Runner().ReconcileMilestone();

        StringAssert.Contains(repo.PlanText, "* #01 — Parser — STOP: PR #1 was closed without merging and its branch feat/m1-01-parser was deleted");
    }

    [TestMethod]
    public void An_Open_PRs_entry_for_a_PR_GitHub_does_not_have_goes()
    {
        using var repo = SubmitIssueTests.StartIssueOne();
        repo.Runner().SubmitIssue();
        repo.Gh.Configure(s => s["prs"] = new System.Text.Json.Nodes.JsonArray(s["prs"]!.AsArray()
            .Where(p => p!["head"]!.GetValue<string>() != "feat/m1-01-parser").Select(p => p!.DeepClone()).ToArray()));

        repo.Runner().ReconcileMilestone();

        StringAssert.Contains(repo.PlanText, "### Open PRs (autopilot)\n\n* (none)\n");
    }
}

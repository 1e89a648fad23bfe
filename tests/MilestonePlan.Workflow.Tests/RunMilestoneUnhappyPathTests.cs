using MilestonePlan.Workflow.Tests.Support;

namespace MilestonePlan.Workflow.Tests;

/// <summary>
/// RunMilestone on GitHub's ordinary bad days (issue #21): the loop records the lifecycle's answer and goes on at once
/// (never waiting out the merge timeout for a state that is already final) and never touches a stopped issue's PR
/// again. The merge timeout is ten minutes here, so a run that ends in well under that did not wait it out.
/// </summary>
[TestClass]
public sealed class RunMilestoneUnhappyPathTests
{
    private const double TenMinutes = 600;

    [TestMethod]
    public void Checks_that_fail_on_GitHub_skip_the_issue_at_once_and_its_dependents_wait()
    {
        using var repo = new WorkflowRepository();
        repo.Gh.AutoMergeWhenChecksPass();
        repo.Gh.ChecksFailAfter(2, "feat/m1-01-parser");
        var clock = System.Diagnostics.Stopwatch.StartNew();

        var outcomes = ScriptedAgent.Loop(repo, ScriptedAgent.Implements, mergeTimeoutSeconds: TenMinutes).RunMilestone();

        Assert.IsLessThan(TimeSpan.FromSeconds(TenMinutes / 2), clock.Elapsed, "the failure ended the wait");
        CollectionAssert.AreEqual(new[] { "#01 Skipped" }, outcomes.Select(o => $"{o.Issue} {o.State}").ToArray(), string.Join("\n", repo.Output));
        StringAssert.Contains(repo.PlanText, "* #01 — Parser — Skipped: checks fail on GitHub for PR #2 (https://github.com/example/repo/pull/2)\n");
        StringAssert.Contains(repo.PlanText, "  - Status: ⚠ Failing\n");
        var pr = repo.IssuePullRequests[0]!;
        Assert.IsTrue(pr["isDraft"]!.GetValue<bool>(), "left as a draft");
        Assert.IsFalse(pr["autoMerge"]!.GetValue<bool>(), "without auto-merge");
        Assert.IsFalse(repo.Git.RemoteHas("feat/m1-02-rules"), "the dependent never started");
        StringAssert.Contains(repo.PlanText, "* **Current Issue:** None\n* **Blockers:** Nothing eligible: #01 skipped (⏭️)");
    }

    [TestMethod]
    public void Auto_merge_refused_is_a_hard_stop_and_the_loop_never_goes_back_to_that_PR()
    {
        using var repo = new WorkflowRepository();
        repo.Gh.RefuseAutoMerge();
        var clock = System.Diagnostics.Stopwatch.StartNew();

        var outcomes = ScriptedAgent.Loop(repo, ScriptedAgent.Implements, mergeTimeoutSeconds: TenMinutes).RunMilestone();
        var again = ScriptedAgent.Loop(repo, ScriptedAgent.Implements, mergeTimeoutSeconds: TenMinutes).RunMilestone();

        Assert.IsLessThan(TimeSpan.FromSeconds(TenMinutes / 2), clock.Elapsed, "nothing waited on the stopped PR");
        CollectionAssert.AreEqual(new[] { "#01 Stopped" }, outcomes.Select(o => $"{o.Issue} {o.State}").ToArray(), string.Join("\n", repo.Output));
        Assert.IsEmpty(again, string.Join("\n", repo.Output));
        Assert.AreEqual(1, repo.IssueGhCalls.Count(c => c[0] == "pr" && c[1] == "merge" && c.Contains("--auto")), "auto-merge asked once, never again");
        Assert.IsTrue(repo.IssuePullRequests[0]!["isDraft"]!.GetValue<bool>(), "left as a draft");
        StringAssert.Contains(repo.PlanText, "* #01 — Parser — STOP: auto-merge could not be enabled for PR #2: ");
        // The loop's own last edit validates without a tracking finding (no MP5004 on Current Issue).
        repo.Git.Git("checkout", "--quiet", WorkflowRepository.TrackingBranch);
        var findings = Core.Validation.RepositoryValidator.Validate(Core.IO.DiskFileSystem.Instance,
            new Core.Configuration.ValidationOptions { RepositoryRoot = repo.Git.Path_ }).Diagnostics.Where(d => d.Id.StartsWith("MP5", StringComparison.Ordinal)).ToList();
        Assert.IsEmpty(findings, string.Join("\n", findings));
    }

    [TestMethod]
    public void Checks_that_take_a_while_and_pass_merge_every_issue()
    {
        using var repo = new WorkflowRepository();
        repo.Gh.AutoMergeWhenChecksPass();
        repo.Gh.ChecksPassAfter(3);

        var outcomes = ScriptedAgent.Loop(repo, ScriptedAgent.Implements, mergeTimeoutSeconds: TenMinutes).RunMilestone();

        CollectionAssert.AreEqual(new[] { "#01 Done", "#02 Done", "#03 Done" }, outcomes.Select(o => $"{o.Issue} {o.State}").ToArray(), string.Join("\n", repo.Output));
        StringAssert.Contains(repo.PlanText, "### Open PRs (autopilot)\n\n* (none)\n");
    }

    [TestMethod]
    public void A_conflict_skips_the_issue_and_the_loop_goes_on_with_the_others()
    {
        using var repo = new WorkflowRepository();
        repo.Gh.AutoMergeWhenChecksPass();
        repo.Gh.NoChecks();
        repo.Gh.ConflictOn("feat/m1-02-rules");

        var outcomes = ScriptedAgent.Loop(repo, ScriptedAgent.Implements, mergeTimeoutSeconds: TenMinutes).RunMilestone();

        CollectionAssert.AreEqual(new[] { "#01 Done", "#02 Skipped", "#03 Done" }, outcomes.Select(o => $"{o.Issue} {o.State}").ToArray(), string.Join("\n", repo.Output));
        StringAssert.Contains(repo.PlanText, "* #02 — Rules — Skipped: merge conflict: PR #");
        Assert.IsTrue(repo.IssuePullRequests.Single(p => p!["head"]!.GetValue<string>() == "feat/m1-02-rules")!["isDraft"]!.GetValue<bool>());
    }
}

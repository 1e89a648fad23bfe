using MilestonePlan.Workflow.Tests.Support;

namespace MilestonePlan.Workflow.Tests;

/// <summary>A stop found once the PR exists turns the PR into a draft without auto-merge, and records the template's STOP entry.</summary>
[TestClass]
public sealed class StopAfterPullRequestTests
{
    [TestMethod]
    public void A_stop_on_a_rerun_makes_the_open_PR_a_draft_without_auto_merge()
    {
        using var repo = new WorkflowRepository();
        repo.Runner().RunNextIssue();
        repo.Git.Write("src/Parser.cs", "namespace App; public static class Parser { }\n");
        repo.Git.CommitAll("parser");
        repo.Runner().SubmitIssue();
        var pr = repo.IssuePullRequests[0]!;
        Assert.IsTrue(pr["autoMerge"]!.GetValue<bool>(), "auto-merge pending after the first submit");

        repo.Git.Write("deploy/run.sh", "echo deploy\n");
        repo.Git.CommitAll("touches deploy");
        var stops = repo.Runner().SubmitIssue();

        Assert.AreEqual("protected-path", stops[0].Code);
        pr = repo.IssuePullRequests[0]!;
        Assert.IsTrue(pr["isDraft"]!.GetValue<bool>(), "a draft now");
        Assert.IsFalse(pr["autoMerge"]!.GetValue<bool>(), "auto-merge disabled");
        CollectionAssert.Contains(repo.Output, "PR #1 is now a draft and will not merge automatically");
        StringAssert.Contains(repo.PlanText, "* #01 — Parser — STOP: protected surface 'deploy/run.sh' changed — Needs: a maintainer's review");
    }

    [TestMethod]
    public void Without_gh_the_stop_is_still_recorded_and_the_output_says_what_was_not_checked()
    {
        using var repo = new WorkflowRepository(installGh: false);
        repo.Runner().RunNextIssue();
        repo.Git.Write("deploy/run.sh", "echo deploy\n");
        repo.Git.CommitAll("touches deploy");

        var stops = repo.Runner().SubmitIssue();

        Assert.AreEqual("protected-path", stops[0].Code);
        StringAssert.Contains(repo.PlanText, "* #01 — Parser — STOP: protected surface 'deploy/run.sh' changed");
        Assert.IsTrue(repo.Output.Any(l => l.StartsWith("warning: an open PR from feat/m1-01-parser could not be looked for", StringComparison.Ordinal)),
            string.Join("\n", repo.Output));
    }

    [TestMethod]
    public void The_open_PR_is_recorded_in_the_templates_enhanced_format_and_removed_whole_once_merged()
    {
        using var repo = new WorkflowRepository();
        repo.Gh.Configure(s => s["checks"] = "passing");
        repo.Runner().RunNextIssue();
        repo.Git.Write("src/Parser.cs", "namespace App; public static class Parser { }\n");
        repo.Git.CommitAll("parser");

        repo.Runner().SubmitIssue();

        StringAssert.Contains(repo.PlanText, "### Open PRs (autopilot)\n\n* [PR #1](https://github.com/example/repo/pull/1) — Parser (#01)\n  - Status: ✓ Checks passing\n  - Created: ");
        repo.Gh.Configure(s => { s["prs"]![0]!["state"] = "MERGED"; s["prs"]![0]!["mergedAt"] = "2026-12-02T00:00:00Z"; });

        repo.Runner().ReconcileMilestone();

        StringAssert.Contains(repo.PlanText, "### Open PRs (autopilot)\n\n* (none)\n\n### Blocked");
        Assert.DoesNotContain("  - Status:", repo.PlanText, "the nested lines went with the entry");
    }
}

using MilestonePlan.Workflow.Actions;
using MilestonePlan.Workflow.Agent;
using MilestonePlan.Workflow.Tests.Support;

namespace MilestonePlan.Workflow.Tests;

/// <summary>
/// RunMilestone stopped at each step and run again converges with one PR per issue; two PRs open at once both merge.
/// Real git, a bare origin, the fake gh merging for real; the agent is a script that writes one file per issue.
/// </summary>
[TestClass]
public sealed class RunMilestoneResumeTests
{
    /// <summary>#01 and #02 are independent; #03 needs both.</summary>
    private static readonly string IndependentPlan = WorkflowRepository.Plan
        .Replace("| #02 | 02-rules.md | Rules | P0 | #01 |", "| #02 | 02-rules.md | Rules | P0 | None |")
        .Replace("| #03 | 03-docs.md | Docs | P1 | #01 |", "| #03 | 03-docs.md | Docs | P1 | #01, #02 |");

    private static WorkflowRunner Loop(WorkflowRepository repo, TimeSpan mergeTimeout) =>
        ScriptedAgent.Loop(repo, ScriptedAgent.Implements, mergeTimeoutSeconds: mergeTimeout.TotalSeconds);

    private static int AgentRuns(WorkflowRepository repo) => ScriptedAgent.Calls(repo).Length;

    private static void MergePending(WorkflowRepository repo)
    {
        var result = repo.Gh.Runner.Run("gh", ["fake", "merge-pending"], repo.Git.Path_, TimeSpan.FromMinutes(1));
        Assert.IsTrue(result.Succeeded, "every pending PR merges without a conflict: " + result.Describe());
    }

    [TestMethod]
    public void Two_PRs_open_at_once_both_merge_without_conflict_and_the_next_run_finishes_the_milestone()
    {
        using var repo = new WorkflowRepository(plan: IndependentPlan);

        // Nothing merges during this run: #01 and #02 are left open at once, #03 waits for both.
        var first = Loop(repo, TimeSpan.Zero).RunMilestone();

        CollectionAssert.AreEqual(new[] { "#01 PrOpen", "#02 PrOpen" }, first.Select(o => $"{o.Issue} {o.State}").ToArray(), string.Join("\n", repo.Output));
        MergePending(repo);

        var second = Loop(repo, TimeSpan.Zero).RunMilestone();
        CollectionAssert.AreEqual(new[] { "#03 PrOpen" }, second.Select(o => $"{o.Issue} {o.State}").ToArray(), string.Join("\n", repo.Output));
        MergePending(repo);
        Loop(repo, TimeSpan.Zero).RunMilestone();
        MergePending(repo); // the tracking PR of that last record

        var basePlan = repo.Git.GitOrigin("show", "milestone/m1-core:" + WorkflowRepository.PlanRelative);
        foreach (var issue in new[] { "#01", "#02", "#03" })
        {
            StringAssert.Contains(basePlan, $"[x] {issue}", basePlan);
        }

        Assert.HasCount(3, repo.IssuePullRequests, "one PR per issue");
        Assert.AreEqual(3, AgentRuns(repo));
    }

    [TestMethod]
    [DataRow("after branch")]
    [DataRow("after push")]
    [DataRow("after PR")]
    public void A_run_stopped_at_a_step_is_resumed_with_one_PR_per_issue(string where)
    {
        using var repo = new WorkflowRepository();
        repo.Gh.Configure(s => s["autoMergeMode"] = "onview");
        // The earlier run, stopped at that step.
        repo.Runner().RunNextIssue();
        if (where != "after branch")
        {
            repo.Git.Write("src/issue-#01.txt", "code for Parser\n");
            repo.Git.CommitAll("feat(m1): Parser");
            repo.Git.Git("push", "--quiet", "-u", "origin", "refs/heads/feat/m1-01-parser:refs/heads/feat/m1-01-parser");
        }

        if (where == "after push")
        {
            // Only origin has the work now.
            repo.Git.Git("checkout", "--quiet", "milestone/m1-core");
            repo.Git.Git("branch", "--quiet", "-D", "feat/m1-01-parser");
        }

        if (where == "after PR")
        {
            var created = repo.Gh.Runner.Run("gh", ["pr", "create", "--base", "milestone/m1-core", "--head", "feat/m1-01-parser", "--title", "feat(m1): Parser (#01)", "--body", "x"],
                repo.Git.Path_, TimeSpan.FromMinutes(1));
            Assert.IsTrue(created.Succeeded, created.Describe());
        }

        var outcomes = Loop(repo, TimeSpan.FromSeconds(20)).RunMilestone();

        CollectionAssert.AreEqual(new[] { "#01 Done", "#02 Done", "#03 Done" }, outcomes.Select(o => $"{o.Issue} {o.State}").ToArray(), string.Join("\n", repo.Output));
        Assert.HasCount(3, repo.IssuePullRequests, "one PR per issue: " + string.Join(", ", repo.IssuePullRequests.Select(p => p!["head"])));
        Assert.AreEqual(where == "after branch" ? 3 : 2, AgentRuns(repo), "the agent is not run again on a branch that has work");
        Assert.AreEqual(string.Empty, repo.Git.Git("status", "--porcelain"));
    }
}

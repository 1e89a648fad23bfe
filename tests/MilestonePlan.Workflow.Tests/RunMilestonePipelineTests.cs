using MilestonePlan.Workflow.Tests.Support;

namespace MilestonePlan.Workflow.Tests;

/// <summary>
/// The pipelined loop (issue #23): once an issue's PR is open with auto-merge, RunMilestone takes the next eligible
/// issue instead of waiting for CI; it waits only when nothing is eligible, until the first pending PR is final. The
/// agent here records, when it starts, how many commits origin's base has: equal counts mean no merge came between
/// two issues' starts, a larger count that a merge did. GitHub's CI moves with the looks of the polling client
/// (the fake's check scenarios), so nothing here races a clock.
/// </summary>
[TestClass]
public sealed class RunMilestonePipelineTests
{
    private const double TenMinutes = 600;

    /// <summary>The agent that implements, logging "#NN base-commit-count" from origin as it starts.</summary>
    private const string CountsBase = """
        #!/bin/sh
        git fetch -q origin milestone/m1-core
        echo "$MILESTONEPLAN_ISSUE $(git rev-list --count FETCH_HEAD)" >> "$AGENT_LOG"
        mkdir -p src
        printf 'code for %s\n' "$MILESTONEPLAN_TITLE" > "src/issue-$MILESTONEPLAN_ISSUE.txt"
        """;

    /// <summary>#01 → #02, #03 independent of both.</summary>
    private static readonly string ThirdIndependent = WorkflowRepository.Plan.Replace(
        "| #03 | 03-docs.md | Docs | P1 | #01 |", "| #03 | 03-docs.md | Docs | P1 | None |", StringComparison.Ordinal);

    [TestMethod]
    public void Issues_that_do_not_depend_on_each_other_are_submitted_before_either_merges_and_dependents_only_after_theirs()
    {
        using var repo = new WorkflowRepository();
        repo.Gh.AutoMergeWhenChecksPass();
        repo.Gh.ChecksPassAfter(3);

        var outcomes = ScriptedAgent.Loop(repo, CountsBase, mergeTimeoutSeconds: TenMinutes).RunMilestone();

        CollectionAssert.AreEqual(new[] { "#01 Done", "#02 Done", "#03 Done" }, outcomes.Select(o => $"{o.Issue} {o.State}").ToArray(), string.Join("\n", repo.Output));
        var counts = BaseCounts(repo);
        Assert.IsGreaterThan(counts["#01"], counts["#02"], "#02 started only after #01 merged");
        Assert.AreEqual(counts["#02"], counts["#03"], "#03 started while #02's checks ran");
        StringAssert.Contains(repo.PlanText, "### Open PRs (autopilot)\n\n* (none)\n");
        StringAssert.Contains(repo.PlanText, "* [x] #03 — Docs");
    }

    [TestMethod]
    public void Without_the_pipeline_each_merge_comes_before_the_next_issue()
    {
        using var repo = new WorkflowRepository();
        repo.Gh.AutoMergeWhenChecksPass();
        repo.Gh.ChecksPassAfter(3);
        var outcomes = ScriptedAgent.Loop(repo, CountsBase, mergeTimeoutSeconds: TenMinutes,
            settings: new Dictionary<string, string?> { ["MilestonePlanPipeline"] = "false" }).RunMilestone();

        CollectionAssert.AreEqual(new[] { "#01 Done", "#02 Done", "#03 Done" }, outcomes.Select(o => $"{o.Issue} {o.State}").ToArray(), string.Join("\n", repo.Output));
        var counts = BaseCounts(repo);
        Assert.IsGreaterThan(counts["#02"], counts["#03"], "#03 waited for #02's merge");
    }

    [TestMethod]
    public void A_failed_dependency_leaves_its_dependent_waiting_and_the_rest_going()
    {
        using var repo = new WorkflowRepository(plan: ThirdIndependent);
        repo.Gh.AutoMergeWhenChecksPass();
        repo.Gh.ChecksPassAfter(3);
        repo.Gh.ChecksFailAfter(4, "feat/m1-01-parser");

        var outcomes = ScriptedAgent.Loop(repo, CountsBase, mergeTimeoutSeconds: TenMinutes).RunMilestone();

        CollectionAssert.AreEqual(new[] { "#01 Skipped", "#03 Done" }, outcomes.Select(o => $"{o.Issue} {o.State}").ToArray(), string.Join("\n", repo.Output));
        var counts = BaseCounts(repo);
        Assert.AreEqual(counts["#01"], counts["#03"], "#03 started while #01's checks ran");
        Assert.IsFalse(counts.ContainsKey("#02"), "the dependent of the failed issue never started");
        Assert.IsFalse(repo.Git.RemoteHas("feat/m1-02-rules"));
        StringAssert.Contains(repo.PlanText, "* #01 — Parser — Skipped: checks fail on GitHub for PR #2 (https://github.com/example/repo/pull/2)\n");
        StringAssert.Contains(repo.PlanText, "* [x] #03 — Docs");
        StringAssert.Contains(repo.PlanText, "* [ ] #02 — Rules");
        Assert.IsTrue(repo.IssuePullRequests[0]!["isDraft"]!.GetValue<bool>(), "the failed PR is left a draft");
    }

    [TestMethod]
    public void Waiting_asks_GitHub_once_per_look_for_every_pending_PR()
    {
        // Two runs that differ only in how long CI takes: the longer one adds `gh pr list` looks, never `gh pr view`s.
        var quick = GhCallsOfARun(pendingLooks: 1);
        var slow = GhCallsOfARun(pendingLooks: 9);

        Assert.AreEqual(quick.Views, slow.Views, "no per-PR `gh pr view` while waiting");
        Assert.IsGreaterThanOrEqualTo(quick.Lists + 4, slow.Lists, "each look is one `gh pr list` for both pending PRs");
        Assert.IsLessThanOrEqualTo(quick.Lists + 10, slow.Lists, "one list per look, not one per PR per look");
    }

    private static (int Views, int Lists) GhCallsOfARun(int pendingLooks)
    {
        var independent = ThirdIndependent.Replace("| #02 | 02-rules.md | Rules | P0 | #01 |", "| #02 | 02-rules.md | Rules | P0 | None |", StringComparison.Ordinal);
        using var repo = new WorkflowRepository(plan: independent);
        repo.Gh.AutoMergeWhenChecksPass();
        repo.Gh.ChecksPassAfter(pendingLooks);

        var outcomes = ScriptedAgent.Loop(repo, ScriptedAgent.Implements, mergeTimeoutSeconds: TenMinutes).RunMilestone();

        CollectionAssert.AreEqual(new[] { "#01 Done", "#02 Done", "#03 Done" }, outcomes.Select(o => $"{o.Issue} {o.State}").ToArray(), string.Join("\n", repo.Output));
        var calls = repo.IssueGhCalls;
        return (calls.Count(c => c is ["pr", "view", ..]), calls.Count(c => c is ["pr", "list", ..] && c.Contains("--base")));
    }

    private static Dictionary<string, int> BaseCounts(WorkflowRepository repo) =>
        ScriptedAgent.Calls(repo).Select(l => l.Split(' ')).ToDictionary(p => p[0], p => int.Parse(p[1], System.Globalization.CultureInfo.InvariantCulture));
}

using MilestonePlan.Workflow.Tests.Support;

namespace MilestonePlan.Workflow.Tests;

/// <summary>
/// MilestonePlanParallelAgents (issue #23): up to N agents at once, each in its own `git worktree` on its feature
/// branch; one coordinator records the plan. The agents here meet at a barrier (each waits until all three have
/// started), so "side by side" is shown by their log, not by a clock.
/// </summary>
[TestClass]
public sealed class RunMilestoneParallelTests
{
    private const string Meet = """
        dir="$(dirname "$AGENT_LOG")/meet"
        mkdir -p "$dir"
        touch "$dir/$MILESTONEPLAN_ISSUE"
        echo "$MILESTONEPLAN_ISSUE in $(pwd)" >> "$AGENT_LOG"
        i=0
        while [ "$(ls "$dir" | wc -l)" -lt 3 ] && [ $i -lt 300 ]; do sleep 0.1; i=$((i+1)); done
        if [ "$(ls "$dir" | wc -l)" -ge 3 ]; then echo "$MILESTONEPLAN_ISSUE met" >> "$AGENT_LOG"; fi
        """;

    private const string Implement = """
        echo "working on $MILESTONEPLAN_ISSUE"
        mkdir -p src
        printf 'code for %s\n' "$MILESTONEPLAN_TITLE" > "src/issue-$MILESTONEPLAN_ISSUE.txt"
        """;

    /// <summary>Three issues, none depending on another.</summary>
    private static readonly string Independent = WorkflowRepository.Plan
        .Replace("| #02 | 02-rules.md | Rules | P0 | #01 |", "| #02 | 02-rules.md | Rules | P0 | None |", StringComparison.Ordinal)
        .Replace("| #03 | 03-docs.md | Docs | P1 | #01 |", "| #03 | 03-docs.md | Docs | P1 | None |", StringComparison.Ordinal);

    private static readonly Dictionary<string, string?> ThreeAgents = new() { ["MilestonePlanParallelAgents"] = "3" };

    [TestMethod]
    public void Three_agents_work_side_by_side_in_their_own_work_trees_and_the_main_one_is_left_alone()
    {
        using var repo = new WorkflowRepository(plan: Independent);
        repo.Gh.AutoMergeWhenChecksPass();
        repo.Gh.ChecksPassAfter(2);
        var before = repo.Git.Git("rev-parse", "--abbrev-ref", "HEAD").Trim();

        var outcomes = ScriptedAgent.Loop(repo, "#!/bin/sh\n" + Meet + "\n" + Implement, mergeTimeoutSeconds: 600, settings: ThreeAgents).RunMilestone();

        CollectionAssert.AreEquivalent(new[] { "#01 Done", "#02 Done", "#03 Done" }, outcomes.Select(o => $"{o.Issue} {o.State}").ToArray(), string.Join("\n", repo.Output));
        var log = ScriptedAgent.Calls(repo);
        CollectionAssert.IsSubsetOf(new[] { "#01 met", "#02 met", "#03 met" }, log, "all three agents ran at once:\n" + string.Join("\n", log));
        foreach (var issue in new[] { "#01", "#02", "#03" })
        {
            var where = log.Single(l => l.StartsWith(issue + " in ", StringComparison.Ordinal));
            StringAssert.Contains(where, "work.worktrees", "each agent in its own work tree beside the repository");
        }

        Assert.AreEqual(before, repo.Git.Git("rev-parse", "--abbrev-ref", "HEAD").Trim(), "the main work tree stays on its branch");
        Assert.AreEqual(string.Empty, repo.Git.Git("status", "--porcelain").Trim(), "and clean");
        Assert.AreEqual(1, repo.Git.Git("worktree", "list").Trim().Split('\n').Length, "each work tree removed when its issue ended");
        Assert.IsTrue(repo.Output.Any(l => l.StartsWith("#02 agent> working on #02", StringComparison.Ordinal)), "agent output carries its issue");
        Assert.AreEqual(3, repo.IssuePullRequests.Count, "one PR per issue");
        Assert.IsLessThanOrEqualTo(1, repo.Gh.State["prs"]!.AsArray().Count(p => p!["head"]!.GetValue<string>().StartsWith("chore/", StringComparison.Ordinal)
            && p["state"]!.GetValue<string>() == "OPEN"), "one tracking PR open at most");
        StringAssert.Contains(repo.PlanText, "### Open PRs (autopilot)\n\n* (none)\n");
        foreach (var line in new[] { "* [x] #01 — Parser", "* [x] #02 — Rules", "* [x] #03 — Docs" })
        {
            StringAssert.Contains(repo.PlanText, line);
        }
    }

    [TestMethod]
    public void Issues_started_after_a_merge_are_judged_on_their_own_diff_not_on_the_merged_ones()
    {
        // #02 and #03 start once #01 merged; each writes five files. Judged against a base that missed #01's merge,
        // each diff would hold ten files, over the large-diff limit of eight.
        using var repo = new WorkflowRepository();
        repo.Gh.AutoMergeWhenChecksPass();
        repo.Gh.ChecksPassAfter(1);
        const string fiveFiles = """
            #!/bin/sh
            mkdir -p src
            for n in 1 2 3 4 5; do printf 'code %s\n' "$n" > "src/issue-$MILESTONEPLAN_ISSUE-$n.txt"; done
            """;

        var outcomes = ScriptedAgent.Loop(repo, fiveFiles, mergeTimeoutSeconds: 600, settings: ThreeAgents).RunMilestone();

        CollectionAssert.AreEquivalent(new[] { "#01 Done", "#02 Done", "#03 Done" }, outcomes.Select(o => $"{o.Issue} {o.State}").ToArray(), string.Join("\n", repo.Output));
    }

    [TestMethod]
    public void One_agent_fails_one_hits_a_stop_and_one_succeeds()
    {
        using var repo = new WorkflowRepository(plan: Independent);
        repo.Gh.AutoMergeWhenChecksPass();
        repo.Gh.NoChecks();
        const string byIssue = """
            case "$MILESTONEPLAN_ISSUE" in
              "#01") echo "giving up"; exit 3 ;;
              "#02") mkdir -p src/Data
                     printf 'using Microsoft.EntityFrameworkCore.Migrations;\nnamespace App.Data;\n[Migration("20261124_AddTodos")]\npublic partial class AddTodos : Migration\n{\n    protected override void Up(MigrationBuilder b) { }\n}\n' > src/Data/AddTodos.cs ;;
              *) mkdir -p src; echo done > "src/issue-$MILESTONEPLAN_ISSUE.txt" ;;
            esac
            """;

        var outcomes = ScriptedAgent.Loop(repo, "#!/bin/sh\n" + Meet + "\n" + byIssue, mergeTimeoutSeconds: 600, settings: ThreeAgents).RunMilestone();

        CollectionAssert.AreEquivalent(new[] { "#01 Skipped", "#02 Stopped", "#03 Done" }, outcomes.Select(o => $"{o.Issue} {o.State}").ToArray(), string.Join("\n", repo.Output));
        CollectionAssert.IsSubsetOf(new[] { "#01 met", "#02 met", "#03 met" }, ScriptedAgent.Calls(repo));
        StringAssert.Contains(repo.PlanText, "* #01 — Parser — Skipped: the agent exited with code 3");
        StringAssert.Contains(repo.PlanText, "* #02 — Rules — STOP: ");
        StringAssert.Contains(repo.PlanText, "* [x] #03 — Docs");
        Assert.IsFalse(repo.Git.RemoteHas("feat/m1-01-parser"), "a failed agent's branch is never pushed");
        Assert.IsFalse(repo.Git.RemoteHas("feat/m1-02-rules"), "a stopped issue's branch is never pushed");
        Assert.AreEqual(1, repo.IssuePullRequests.Count);
        Assert.AreEqual(string.Empty, repo.Git.Git("status", "--porcelain").Trim());
    }

    [TestMethod]
    public void A_run_stopped_while_agents_work_resumes_in_the_same_work_trees()
    {
        using var repo = new WorkflowRepository(plan: Independent);
        repo.Gh.AutoMergeWhenChecksPass();
        repo.Gh.NoChecks();
        var meet = Path.Combine(repo.Gh.Folder, "meet");
        using var interrupt = new CancellationTokenSource();
        // Each agent waits (at most a minute) for a file that never comes: the run is stopped while all three work.
        var first = Task.Run(() => ScriptedAgent.Loop(repo, "#!/bin/sh\n" + Meet + "\nwhile [ ! -f \"$(dirname \"$AGENT_LOG\")/go\" ] && [ $i -lt 900 ]; do sleep 0.1; i=$((i+1)); done\n",
            mergeTimeoutSeconds: 600, cancellation: interrupt.Token, settings: ThreeAgents).RunMilestone());
        SpinWait.SpinUntil(() => Directory.Exists(meet) && Directory.GetFiles(meet).Length == 3, TimeSpan.FromMinutes(2));
        interrupt.Cancel();
        Assert.ThrowsExactly<OperationCanceledException>(() => first.GetAwaiter().GetResult(), string.Join("\n", repo.Output));
        Assert.AreEqual(4, repo.Git.Git("worktree", "list").Trim().Split('\n').Length, "the three work trees stay for the rerun");

        var outcomes = ScriptedAgent.Loop(repo, "#!/bin/sh\n" + Implement, mergeTimeoutSeconds: 600, settings: ThreeAgents).RunMilestone();

        CollectionAssert.AreEquivalent(new[] { "#01 Done", "#02 Done", "#03 Done" }, outcomes.Select(o => $"{o.Issue} {o.State}").ToArray(), string.Join("\n", repo.Output));
        Assert.AreEqual(3, repo.Output.Count(l => l.Contains(": reusing its work tree ", StringComparison.Ordinal)), string.Join("\n", repo.Output));
        Assert.AreEqual(3, repo.IssuePullRequests.Count, "one PR per issue, nothing duplicated");
        Assert.AreEqual(1, repo.Git.Git("worktree", "list").Trim().Split('\n').Length);
        StringAssert.Contains(repo.PlanText, "### Open PRs (autopilot)\n\n* (none)\n");
    }
}

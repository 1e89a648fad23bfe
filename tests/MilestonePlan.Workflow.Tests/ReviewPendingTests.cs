using MilestonePlan.Workflow.Actions;
using MilestonePlan.Workflow.Tests.Support;

namespace MilestonePlan.Workflow.Tests;

/// <summary>
/// `Code Review: ⏳ Pending` (issue #22): the Open PRs entry says it on the tracking branch before the reviewer starts,
/// so a run interrupted during the review leaves the plan saying so and the PR without auto-merge; a rerun (SubmitIssue
/// or RunMilestone) reviews it again and converges: one PR, one entry, one comment. Real git, a bare origin, the fake
/// gh; reviewers are small scripts.
/// </summary>
[TestClass]
public sealed class ReviewPendingTests
{
    private const string Entry = "* [PR #1](https://github.com/example/repo/pull/1) — Parser (#01)\n  - Status: ⏳ Checks pending\n";

    /// <summary>Prints `started`, then waits: a review that is still running when the run is cancelled.</summary>
    private const string Hangs = "#!/bin/sh\necho started\nsleep 60\n";

    private static string Script(WorkflowRepository repo, string text)
    {
        var path = Path.Combine(repo.Gh.Folder, "review-" + Guid.NewGuid().ToString("N") + ".sh");
        File.WriteAllText(path, text);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        return $"'{path}' --pr {{pr}} --out {{findings}}";
    }

    private static WorkflowRunner Submit(WorkflowRepository repo, string reviewer, CancellationToken cancellation = default, Action<string>? say = null) =>
        new(repo.Settings(new() { ["MilestonePlanCheckCommand"] = "none", ["MilestonePlanReviewCommand"] = Script(repo, reviewer) }, cancellation),
            repo.Gh.Runner, say ?? repo.Output.Add);

    /// <summary>Output to the repository's log; the run is cancelled as soon as the reviewer says it started.</summary>
    private static Action<string> CancelOnReview(WorkflowRepository repo, CancellationTokenSource cancel) => line =>
    {
        repo.Output.Add(line);
        if (line == "review> started")
        {
            cancel.Cancel();
        }
    };

    [TestMethod]
    public void While_the_review_runs_the_plan_says_pending_and_its_result_replaces_that()
    {
        using var repo = SubmitIssueTests.StartIssueOne();
        var seen = Path.Combine(repo.Gh.Folder, "seen.md");
        // The reviewer reads the tracked plan as it runs, then finds nothing.
        var reviewer = $"#!/bin/sh\ngit show '{WorkflowRepository.TrackingBranch}:{WorkflowRepository.PlanRelative}' > '{seen}'\n"
            + ReviewGateTests.Writes(ReviewGateTests.Sarif()).Substring("#!/bin/sh\n".Length);

        Assert.IsEmpty(Submit(repo, reviewer).SubmitIssue(), string.Join("\n", repo.Output));

        StringAssert.Contains(File.ReadAllText(seen), "### Open PRs (autopilot)\n\n" + Entry + "  - Code Review: ⏳ Pending\n  - Created: ");
        StringAssert.Contains(repo.PlanText, "### Open PRs (autopilot)\n\n" + Entry + "  - Code Review: ✓ No issues\n  - Created: ");
        Assert.DoesNotContain("⏳ Pending", repo.PlanText);
        Assert.IsTrue(repo.IssuePullRequests.Single()!["autoMerge"]!.GetValue<bool>());
    }

    [TestMethod]
    public void A_review_interrupted_midway_leaves_pending_and_no_auto_merge_and_SubmitIssue_again_converges()
    {
        using var repo = SubmitIssueTests.StartIssueOne();
        using var cancel = new CancellationTokenSource();

        Assert.ThrowsExactly<OperationCanceledException>(() => Submit(repo, Hangs, cancel.Token, CancelOnReview(repo, cancel)).SubmitIssue());

        StringAssert.Contains(repo.PlanText, Entry + "  - Code Review: ⏳ Pending\n");
        var pr = repo.IssuePullRequests.Single()!;
        Assert.AreEqual(("OPEN", false, false), (pr["state"]!.GetValue<string>(), pr["autoMerge"]?.GetValue<bool>() ?? false, pr["isDraft"]?.GetValue<bool>() ?? false));
        Assert.AreEqual(string.Empty, repo.Git.Git("status", "--porcelain"), "the work tree is clean");

        Assert.IsEmpty(Submit(repo, ReviewGateTests.Writes(ReviewGateTests.Sarif((30, "naming", "src/Parser.cs", 1)))).SubmitIssue(), string.Join("\n", repo.Output));

        Assert.AreEqual(1, repo.Gh.Calls.Count(c => c is ["pr", "create", _, _, ..] && c.Contains("feat/m1-01-parser")));
        Assert.IsTrue(repo.IssuePullRequests.Single()!["autoMerge"]!.GetValue<bool>());
        var open = repo.PlanText.Split("### Open PRs (autopilot)")[1].Split("###")[0];
        Assert.AreEqual(1, open.Split("[PR #").Length - 1, open);
        StringAssert.Contains(open, Entry + "  - Code Review: ⚠ 1 issue found\n");
    }

    [TestMethod]
    public void A_critical_review_run_again_on_the_same_commit_comments_once_and_records_one_stop()
    {
        using var repo = SubmitIssueTests.StartIssueOne();
        var critical = ReviewGateTests.Writes(ReviewGateTests.Sarif((92, "SQL built from user input", "src/Parser.cs", 3), (40, "naming", "src/Parser.cs", 1)));

        Assert.AreEqual("review", Submit(repo, critical).SubmitIssue().Single().Code);
        // Run again by hand on the same commit (as a rerun after an interruption between the comment and the record).
        Assert.AreEqual("review", Submit(repo, critical).SubmitIssue().Single().Code);

        var pr = repo.IssuePullRequests.Single()!;
        var comment = pr["comments"]!.AsArray().Single()!["body"]!.GetValue<string>();
        StringAssert.Contains(comment, "<!-- milestoneplan:review " + repo.Git.Git("rev-parse", "feat/m1-01-parser").Trim() + " -->");
        CollectionAssert.Contains(repo.Output, "PR #1 already has this review's findings as a comment");
        Assert.IsTrue(pr["isDraft"]!.GetValue<bool>());
        Assert.AreEqual(1, repo.PlanText.Split("* **#01** — Parser").Length - 1, repo.PlanText);
        StringAssert.Contains(repo.PlanText, Entry + "  - Code Review: ⚠ 2 issues found\n");
    }

    [TestMethod]
    public void RunMilestone_interrupted_during_the_review_reviews_the_PR_again_before_auto_merge()
    {
        using var repo = new WorkflowRepository();
        repo.Gh.Configure(s => s["autoMergeMode"] = "onview");
        using var cancel = new CancellationTokenSource();

        Assert.ThrowsExactly<OperationCanceledException>(() => ScriptedAgent.Loop(repo, ScriptedAgent.Implements, maxIssues: 1, cancellation: cancel.Token,
            say: CancelOnReview(repo, cancel), reviewCommand: Script(repo, Hangs)).RunMilestone());

        StringAssert.Contains(repo.PlanText, "  - Code Review: ⏳ Pending\n");
        Assert.IsFalse(repo.IssuePullRequests.Single()!["autoMerge"]?.GetValue<bool>() ?? false, "no auto-merge before the review");
        var log = Path.Combine(repo.Gh.Folder, "reviews.log");
        var reviewer = $"#!/bin/sh\necho \"$MILESTONEPLAN_PR $MILESTONEPLAN_BRANCH\" >> '{log}'\n"
            + ReviewGateTests.Writes(ReviewGateTests.Sarif()).Substring("#!/bin/sh\n".Length);

        var outcomes = ScriptedAgent.Loop(repo, ScriptedAgent.Implements, maxIssues: 1, reviewCommand: Script(repo, reviewer)).RunMilestone();

        CollectionAssert.AreEqual(new[] { "#01 Done", "#02 Done" }, outcomes.Select(o => $"{o.Issue} {o.State}").ToArray(), string.Join("\n", repo.Output));
        var first = repo.IssuePullRequests.Single(p => p!["head"]!.GetValue<string>() == "feat/m1-01-parser")!["number"]!.GetValue<int>();
        Assert.AreEqual($"{first} feat/m1-01-parser", File.ReadAllLines(log)[0], "#01's PR reviewed again first");
        CollectionAssert.Contains(repo.Output, $"PR #{first}: its code review did not finish; submitting #01 again to review it");
        Assert.AreEqual(2, ScriptedAgent.Calls(repo).Length, "the agent is not run again for #01");
        Assert.DoesNotContain("⏳ Pending", repo.PlanText);
    }
}

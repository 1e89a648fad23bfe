using System.Text.Json.Nodes;
using MilestonePlan.Workflow.Tests.Support;

namespace MilestonePlan.Workflow.Tests.Safety;

/// <summary>
/// PRODUCT.md section 7, "converges when run again after an interruption at any step": gh does its work and then the
/// call fails (a timeout after GitHub acted); the rerun finds what was created and never makes a second PR or issue.
/// </summary>
[TestClass]
public sealed class ResumeTests
{
    private static WorkflowRepository StartIssueOne()
    {
        var repo = new WorkflowRepository();
        repo.Runner().RunNextIssue();
        repo.Git.Write("src/Parser.cs", "namespace App; public static class Parser { }\n");
        repo.Git.CommitAll("feat(m1): parser");
        return repo;
    }

    private static int PullRequestCount(WorkflowRepository repo) => repo.IssuePullRequests.Count;

    [TestMethod]
    public void A_PR_created_before_a_timeout_is_reused_by_the_rerun()
    {
        using var repo = StartIssueOne();
        repo.Gh.Configure(s => s["failAfterCommand"] = "pr create");

        var first = Assert.ThrowsExactly<WorkflowException>(() => repo.Runner().SubmitIssue());
        StringAssert.Contains(first.Message, "gh pr create");
        Assert.AreEqual(1, PullRequestCount(repo), "GitHub has the PR although gh failed");

        repo.Runner().SubmitIssue();

        Assert.AreEqual(1, PullRequestCount(repo), "no second PR");
        Assert.AreEqual(1, repo.IssueGhCalls.Count(c => c[0] == "pr" && c[1] == "create"));
        CollectionAssert.Contains(repo.Output, "Reusing PR #1: https://github.com/example/repo/pull/1");
        Assert.AreEqual(1, CountOccurrences(repo.PlanText, "[PR #1]"), "one Open PRs entry");
    }

    [TestMethod]
    [DataRow("pr create", DisplayName = "pushed, then gh pr create failed")]
    [DataRow("pr merge", DisplayName = "PR opened, then enabling auto-merge failed")]
    [DataRow("pr view", DisplayName = "auto-merge on, then reading the PR back failed")]
    public void A_failure_at_each_step_of_SubmitIssue_converges_on_the_rerun(string failing)
    {
        using var repo = StartIssueOne();
        repo.Gh.Configure(s => s["failCommand"] = failing);

        // gh failing stops the run: an error (MP9001), or, when auto-merge cannot be enabled, a recorded stop.
        try
        {
            Assert.AreEqual(failing == "pr merge" ? "auto-merge" : "none", repo.Runner().SubmitIssue().FirstOrDefault()?.Code ?? "none");
            Assert.AreEqual("pr merge", failing, "only a refused auto-merge is a stop rather than an error");
        }
        catch (WorkflowException e)
        {
            Assert.AreEqual("MP9001", e.Rule.Id);
        }

        repo.Gh.Configure(s => s.Remove("failCommand"));
        Assert.IsEmpty(repo.Runner().SubmitIssue(), "the rerun submits");

        Assert.AreEqual(1, PullRequestCount(repo), "one PR");
        Assert.IsTrue(repo.IssuePullRequests[0]!["autoMerge"]!.GetValue<bool>(), "auto-merge on");
        Assert.AreEqual(1, CountOccurrences(repo.PlanText, "[PR #1]"), "one Open PRs entry");
        Assert.DoesNotContain("STOP:", repo.PlanText, "the earlier stop is cleared once the submission passes");
        Assert.IsTrue(repo.Git.RemoteHas("feat/m1-01-parser"));
    }

    [TestMethod]
    public void Submitting_twice_makes_one_PR_and_one_plan_entry()
    {
        using var repo = StartIssueOne();

        repo.Runner().SubmitIssue();
        repo.Runner().SubmitIssue();

        Assert.AreEqual(1, PullRequestCount(repo));
        Assert.AreEqual(1, CountOccurrences(repo.PlanText, "[PR #1]"));
        Assert.AreEqual(1, repo.IssueGhCalls.Count(c => c[0] == "pr" && c[1] == "merge"), "auto-merge already on: not asked again");
    }

    [TestMethod]
    public void A_stop_found_twice_is_one_entry()
    {
        using var repo = StartIssueOne();
        repo.Git.Write("deploy/run.sh", "echo\n");
        repo.Git.CommitAll("deploy");

        repo.Runner().SubmitIssue();
        repo.Runner().SubmitIssue();

        Assert.AreEqual(1, CountOccurrences(repo.PlanText, "— STOP:"), repo.PlanText);
    }

    [TestMethod]
    public void A_PR_closed_without_merging_is_a_stop_not_a_new_PR()
    {
        using var repo = StartIssueOne();
        repo.Runner().SubmitIssue();
        repo.Gh.Configure(s => s["prs"]![0]!["state"] = "CLOSED");

        var stops = repo.Runner().SubmitIssue();

        Assert.AreEqual("pr-closed", stops.Single().Code);
        Assert.AreEqual(1, PullRequestCount(repo));
    }

    [TestMethod]
    public void An_issue_created_before_a_failure_is_found_by_its_marker_and_not_created_again()
    {
        using var repo = new WorkflowRepository(plan: PushIssuesTests.Plan);
        repo.Git.Write("docs/03-build-notes/m1/01-parser.md", "---\ntitle: \"Parser\"\npriority: P0\n---\n\n# Parser\n\nBody.\n");
        repo.Git.Write("docs/03-build-notes/m1/02-rules.md", "---\ntitle: \"Rules\"\npriority: P0\n---\n\n# Rules\n");
        repo.Git.CommitAll("specs", push: true);
        repo.Gh.Configure(s => { s["failAfterCommand"] = "issue create"; s["failAfterCount"] = 1; });

        Assert.ThrowsExactly<WorkflowException>(() => repo.Runner().PushIssues());
        Assert.AreEqual(1, repo.Gh.State["issues"]!.AsArray().Count, "GitHub has #1, the plan does not know");
        StringAssert.Contains(repo.Gh.State["issues"]![0]!["body"]!.GetValue<string>(), "<!-- milestoneplan-spec: docs/03-build-notes/m1/01-parser.md -->");

        repo.Runner().PushIssues();

        var issues = repo.Gh.State["issues"]!.AsArray();
        Assert.HasCount(2, issues, "one issue per spec");
        StringAssert.Contains(repo.PlanText, "| #01 | #1 | 01-parser.md |");
        StringAssert.Contains(repo.PlanText, "| #02 | #2 | 02-rules.md |");
        StringAssert.Contains(repo.TrackedText("docs/03-build-notes/m1/01-parser.md"), "github_issue: 1\n");
    }

    private static int CountOccurrences(string text, string what)
    {
        var count = 0;
        for (var i = text.IndexOf(what, StringComparison.Ordinal); i >= 0; i = text.IndexOf(what, i + 1, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}

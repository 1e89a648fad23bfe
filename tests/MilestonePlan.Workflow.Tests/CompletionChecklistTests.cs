using System.Text.Json.Nodes;
using MilestonePlan.Workflow.Tests.Support;

namespace MilestonePlan.Workflow.Tests;

/// <summary>CompleteMilestone ticks the completion items it can verify, only when they hold, and names the others.</summary>
[TestClass]
public sealed class CompletionChecklistTests
{
    private const string IssuesItem = "All milestone issues are closed (auto-closed via PR merges)";
    private const string ChecksItem = "CI checks pass on the milestone branch";
    private const string PersonItem = "Epic updated to reflect completion";

    private static readonly string Plan = CompleteMilestoneTests.AllDone(WorkflowRepository.Plan)
        .Replace("| Issue # | Issue File |", "| Issue # | GitHub # | Issue File |", StringComparison.Ordinal)
        .Replace("|---|---|---|---|---|---|---|---|", "|---|---|---|---|---|---|---|---|---|", StringComparison.Ordinal)
        .Replace("| #01 | 01-parser.md", "| #01 | #11 | 01-parser.md", StringComparison.Ordinal)
        .Replace("| #02 | 02-rules.md", "| #02 | #12 | 02-rules.md", StringComparison.Ordinal)
        .Replace("| #03 | 03-docs.md", "| #03 | #13 | 03-docs.md", StringComparison.Ordinal)
        + $"\n## Milestone Completion Checklist (before base → main)\n\n* [ ] {IssuesItem}\n* [ ] {ChecksItem}\n* [ ] {PersonItem}\n";

    [TestMethod]
    public void An_issue_still_open_on_GitHub_is_not_ticked_and_is_named_the_checks_item_is_ticked_when_they_pass()
    {
        using var repo = OnTheBase("OPEN");

        var error = Assert.ThrowsExactly<WorkflowException>(() => repo.Runner(milestone: "m1", checks: "true").CompleteMilestone());

        Assert.AreEqual("MP9003", error.Rule.Id);
        StringAssert.Contains(error.Message, $"2 unticked item(s): {IssuesItem} (still open on GitHub or not found: #02 (GitHub #12)); {PersonItem} (for a person to verify and tick)");
        StringAssert.Contains(repo.PlanText, $"* [ ] {IssuesItem}\n* [x] {ChecksItem}\n* [ ] {PersonItem}\n");
        CollectionAssert.Contains(repo.Output, $"Verified and ticked: {ChecksItem}");
        Assert.IsFalse(repo.IssuePullRequests.Any(), "no PR while items are unticked");

        // Issue 12 is closed on GitHub: the next run ticks the issues item; the person's item is still named.
        repo.Gh.Configure(s => s["issues"]![1]!["state"] = "CLOSED");
        error = Assert.ThrowsExactly<WorkflowException>(() => repo.Runner(milestone: "m1", checks: "true").CompleteMilestone());

        StringAssert.Contains(error.Message, $"1 unticked item(s): {PersonItem} (for a person to verify and tick)");
        StringAssert.Contains(repo.PlanText, $"* [x] {IssuesItem}\n* [x] {ChecksItem}\n* [ ] {PersonItem}\n");
    }

    [TestMethod]
    public void Failing_checks_or_none_configured_leave_the_checks_item_unticked_and_say_why()
    {
        using var repo = OnTheBase("CLOSED");

        var failing = Assert.ThrowsExactly<WorkflowException>(() => repo.Runner(milestone: "m1", checks: "false-check-that-does-not-exist").CompleteMilestone());
        StringAssert.Contains(failing.Message, $"{ChecksItem} (checks failed on the base: ");
        var none = Assert.ThrowsExactly<WorkflowException>(() => repo.Runner(milestone: "m1", checks: "none").CompleteMilestone());
        StringAssert.Contains(none.Message, $"{ChecksItem} (not verified: no checks configured (MilestonePlanCheckCommand))");
        StringAssert.Contains(repo.PlanText, $"* [x] {IssuesItem}\n* [ ] {ChecksItem}\n");
    }

    /// <summary>The plan's milestone branch checked out at origin's commit; GitHub issues 11 and 13 closed, 12 as given.</summary>
    private static WorkflowRepository OnTheBase(string second)
    {
        var repo = new WorkflowRepository(plan: Plan);
        repo.Git.Git("checkout", "--quiet", "-b", "milestone/m1-core");
        repo.Git.Git("push", "--quiet", "-u", "origin", "milestone/m1-core");
        repo.Gh.Configure(s => s["issues"] = new JsonArray(Issue(11, "CLOSED"), Issue(12, second), Issue(13, "CLOSED")));
        return repo;
    }

    private static JsonObject Issue(int number, string state) => new()
    {
        ["number"] = number, ["title"] = $"Issue {number}", ["body"] = string.Empty, ["state"] = state,
        ["url"] = $"https://github.com/example/repo/issues/{number}",
    };
}

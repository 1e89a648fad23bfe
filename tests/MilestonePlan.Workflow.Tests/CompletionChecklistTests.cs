using System.Text.Json.Nodes;
using MilestonePlan.Workflow.Tests.Support;

namespace MilestonePlan.Workflow.Tests;

/// <summary>
/// CompleteMilestone ticks the completion items it can verify, only when they hold (one that does not stops it before
/// any PR), and names the others: they are left for a person and listed in the base → main PR, which a person merges.
/// </summary>
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
    public void An_issue_still_open_on_GitHub_stops_it_before_any_PR_the_checks_item_is_ticked_when_they_pass()
    {
        using var repo = OnTheBase("OPEN");

        var error = Assert.ThrowsExactly<WorkflowException>(() => repo.Runner(milestone: "m1", checks: "true").CompleteMilestone());

        Assert.AreEqual(("MP9003", $"m1 cannot be completed: 1 completion checklist item(s) do not hold: {IssuesItem} (still open on GitHub or not found: #02 (GitHub #12))"),
            (error.Rule.Id, error.Message));
        StringAssert.Contains(repo.PlanText, $"* [ ] {IssuesItem}\n* [x] {ChecksItem}\n* [ ] {PersonItem}\n");
        CollectionAssert.Contains(repo.Output, $"Verified and ticked: {ChecksItem}");
        Assert.IsFalse(repo.IssuePullRequests.Any(), "no PR while an item it verifies does not hold");
    }

    [TestMethod]
    public void An_item_left_for_a_person_does_not_stop_the_PR_which_lists_it_and_never_gets_auto_merge()
    {
        using var repo = OnTheBase("CLOSED");

        repo.Runner(milestone: "m1", checks: "true").CompleteMilestone();

        StringAssert.Contains(repo.PlanText, $"* [x] {IssuesItem}\n* [x] {ChecksItem}\n* [ ] {PersonItem}\n");
        CollectionAssert.Contains(repo.Output, $"Verified and ticked: {IssuesItem}; {ChecksItem}");
        CollectionAssert.Contains(repo.Output, $"Left for a person to verify before merging: {PersonItem}");
        var pr = repo.IssuePullRequests.Single()!;
        Assert.AreEqual(("main", "milestone/m1-core"), (pr["base"]!.GetValue<string>(), pr["head"]!.GetValue<string>()));
        StringAssert.StartsWith(pr["body"]!.GetValue<string>(), "# M1 Milestone: M1\n\n## Summary\n"
            + "Completes all M1 issues; 1 completion checklist item(s) are left for a person to verify before merging.\n\n"
            + $"## Left for a person to verify before merging\n- [ ] {PersonItem}\n\n## Acceptance Criteria Verification\n");
        Assert.IsFalse(repo.Gh.Calls.Any(c => c is ["pr", "merge", ..]), "a person merges main: no auto-merge");
        Assert.IsFalse(pr["autoMerge"]?.GetValue<bool>() ?? false);

        // A rerun reports the open PR and opens no second one; the person's item is named again.
        repo.Output.Clear();
        repo.Runner(milestone: "m1", checks: "true").CompleteMilestone();

        Assert.AreEqual(1, repo.Gh.Calls.Count(c => c is ["pr", "create", ..]));
        CollectionAssert.Contains(repo.Output, $"Left for a person to verify before merging: {PersonItem}");
        CollectionAssert.Contains(repo.Output, $"PR #{pr["number"]} (milestone/m1-core → main) is open; run CompleteMilestone again once it is merged to tag v0.1.0");
    }

    [TestMethod]
    public void Failing_checks_or_none_configured_leave_the_checks_item_unticked_and_say_why()
    {
        using var repo = OnTheBase("CLOSED");

        var failing = Assert.ThrowsExactly<WorkflowException>(() => repo.Runner(milestone: "m1", checks: "false-check-that-does-not-exist").CompleteMilestone());
        StringAssert.Contains(failing.Message, $"1 completion checklist item(s) do not hold: {ChecksItem} (checks failed on the base: ");
        var none = Assert.ThrowsExactly<WorkflowException>(() => repo.Runner(milestone: "m1", checks: "none").CompleteMilestone());
        StringAssert.EndsWith(none.Message, $"1 completion checklist item(s) do not hold: {ChecksItem} (not verified: no checks configured (MilestonePlanCheckCommand))");
        StringAssert.Contains(repo.PlanText, $"* [x] {IssuesItem}\n* [ ] {ChecksItem}\n");
        Assert.IsFalse(repo.IssuePullRequests.Any());
    }

    /// <summary>The plan's milestone branch, one commit ahead of main, checked out at origin's commit; GitHub issues 11 and 13 closed, 12 as given.</summary>
    private static WorkflowRepository OnTheBase(string second)
    {
        var repo = new WorkflowRepository(plan: Plan);
        repo.Git.Git("checkout", "--quiet", "-b", "milestone/m1-core");
        repo.Git.Write("src/feature.txt", "milestone work\n");
        repo.Git.CommitAll("work");
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

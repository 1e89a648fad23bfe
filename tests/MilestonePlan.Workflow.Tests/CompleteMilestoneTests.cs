using MilestonePlan.Workflow.Tests.Support;

namespace MilestonePlan.Workflow.Tests;

[TestClass]
public sealed class CompleteMilestoneTests
{
    internal static string AllDone(string plan) => plan
        .Replace("* [ ] #01", "* [x] #01", StringComparison.Ordinal)
        .Replace("* [ ] #02", "* [x] #02", StringComparison.Ordinal)
        .Replace("* [ ] #03", "* [x] #03", StringComparison.Ordinal)
        .Replace("**Status:** Not Started", "**Status:** In Progress", StringComparison.Ordinal);

    [TestMethod]
    public void Refuses_while_an_issue_is_open()
    {
        using var open = new WorkflowRepository();
        var error = Assert.ThrowsExactly<WorkflowException>(() => open.Runner().CompleteMilestone());
        Assert.AreEqual(("MP9003", "m1 cannot be completed: #01, #02, #03 not done"), (error.Rule.Id, error.Message));
        Assert.IsFalse(open.Gh.Calls.Any(c => c is ["pr", "create", ..]));
    }

    [TestMethod]
    public void An_unticked_item_only_a_person_can_verify_does_not_stop_the_PR()
    {
        var unticked = AllDone(WorkflowRepository.Plan) + "\n## Milestone Completion Checklist\n\n- [x] All issues closed\n- [ ] Demo recorded\n";
        using var repo = new WorkflowRepository(plan: unticked);
        repo.Git.Git("checkout", "--quiet", "-b", "milestone/m1-core");
        repo.Git.Write("src/feature.txt", "milestone work\n");
        repo.Git.CommitAll("work", push: true);

        repo.Runner().CompleteMilestone();

        CollectionAssert.Contains(repo.Output, "Left for a person to verify before merging: Demo recorded");
        StringAssert.Contains(repo.IssuePullRequests.Single()!["body"]!.GetValue<string>(), "## Left for a person to verify before merging\n- [ ] Demo recorded\n");
        StringAssert.Contains(repo.DiskPlanText, "- [ ] Demo recorded\n", "a person ticks it");
    }

    [TestMethod]
    public void Opens_the_milestone_PR_to_main_then_tags_once_merged()
    {
        using var repo = new WorkflowRepository(plan: AllDone(WorkflowRepository.Plan));
        repo.Git.Git("checkout", "--quiet", "-b", "milestone/m1-core");
        repo.Git.Write("src/feature.txt", "milestone work\n");
        repo.Git.CommitAll("work", push: true);

        var tag = repo.Runner().CompleteMilestone();

        Assert.AreEqual("v0.1.0", tag);
        var pr = repo.IssuePullRequests.Single()!;
        Assert.AreEqual(("main", "milestone/m1-core", "M1 Milestone: M1"), (pr["base"]!.GetValue<string>(), pr["head"]!.GetValue<string>(), pr["title"]!.GetValue<string>()));
        Assert.AreEqual(string.Empty, repo.Git.GitIn(repo.Git.Root, "--git-dir", repo.Git.Origin, "tag").Trim(), "no tag before the merge");

        // The PR merges; CompleteMilestone runs again.
        repo.Git.Git("checkout", "--quiet", "main");
        repo.Git.Git("merge", "--quiet", "--ff-only", "milestone/m1-core");
        repo.Git.Git("push", "--quiet", "origin", "main");
        repo.Runner().CompleteMilestone();

        Assert.AreEqual("v0.1.0", repo.Git.GitIn(repo.Git.Root, "--git-dir", repo.Git.Origin, "tag").Trim());
        StringAssert.Contains(repo.PlanText, "**Status:** Complete\n\n## Issue Breakdown");
    }
}

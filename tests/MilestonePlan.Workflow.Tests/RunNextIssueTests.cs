using MilestonePlan.Workflow.Tests.Support;

namespace MilestonePlan.Workflow.Tests;

[TestClass]
public sealed class RunNextIssueTests
{
    [TestMethod]
    public void NextIssue_is_read_only_and_explains_the_others()
    {
        using var repo = new WorkflowRepository();
        var before = repo.Git.Snapshot();

        var decision = repo.Runner().NextIssue();

        Assert.AreEqual(1, decision.Next!.Number.Value);
        CollectionAssert.Contains(repo.Output, "Next issue: #01 Parser (P0) → feat/m1-01-parser");
        CollectionAssert.Contains(repo.Output, "  #02 waits for #01");
        Assert.AreEqual(before, repo.Git.Snapshot());
    }

    [TestMethod]
    public void Missing_base_branch_is_created_from_main_and_pushed_then_the_feature_branch_from_it()
    {
        using var repo = new WorkflowRepository();
        Assert.IsFalse(repo.Git.RemoteHas("milestone/m1-core"));

        var row = repo.Runner().RunNextIssue();

        Assert.AreEqual(1, row!.Number.Value);
        Assert.IsTrue(repo.Git.RemoteHas("milestone/m1-core"), "base branch pushed to origin");
        Assert.AreEqual("feat/m1-01-parser", repo.Git.Git("symbolic-ref", "--short", "HEAD").Trim());
        Assert.AreEqual(repo.Git.Git("rev-parse", "main").Trim(), repo.Git.Git("rev-parse", "milestone/m1-core").Trim());
        Assert.AreEqual(repo.Git.Git("rev-parse", "milestone/m1-core").Trim(), repo.Git.Git("merge-base", "HEAD", "milestone/m1-core").Trim());
        StringAssert.Contains(repo.PlanText, "**Status:** In Progress\n\n## Issue Breakdown");
        StringAssert.Contains(repo.PlanText, "**Last Updated:** 2026-11-24");
        CollectionAssert.Contains(repo.Output, "  - [ ] Parser works");
    }

    [TestMethod]
    public void Existing_remote_base_branch_is_used_and_synced()
    {
        using var repo = new WorkflowRepository();
        repo.Git.Git("checkout", "--quiet", "-b", "milestone/m1-core");
        repo.Git.Write("extra.txt", "on the base\n");
        repo.Git.CommitAll("base work", push: true);
        repo.Git.Git("checkout", "--quiet", "main");
        repo.Git.Git("branch", "-D", "milestone/m1-core");

        repo.Runner().RunNextIssue();

        Assert.IsTrue(File.Exists(Path.Combine(repo.Git.Path_, "extra.txt")), "feature branch starts from the synced base");
    }

    [TestMethod]
    [DataRow("dirty")]
    [DataRow("detached")]
    [DataRow("no-origin")]
    public void Unsafe_repository_states_are_refused_with_nothing_changed(string state)
    {
        using var repo = new WorkflowRepository();
        switch (state)
        {
            case "dirty":
                repo.Git.Write("scratch.txt", "uncommitted\n");
                break;
            case "detached":
                repo.Git.Git("checkout", "--quiet", "--detach");
                break;
            case "no-origin":
                repo.Git.Git("remote", "remove", "origin");
                break;
        }

        var before = repo.Git.Snapshot();
        var plan = repo.PlanText;
        var error = Assert.ThrowsExactly<WorkflowException>(() => repo.Runner().RunNextIssue());

        Assert.AreEqual("MP9001", error.Rule.Id);
        StringAssert.Contains(error.Message, "nothing was changed");
        Assert.AreEqual(before, repo.Git.Snapshot());
        Assert.AreEqual(plan, repo.PlanText);
    }

    [TestMethod]
    public void Unknown_milestone_is_an_error_listing_the_plans()
    {
        using var repo = new WorkflowRepository();
        var error = Assert.ThrowsExactly<WorkflowException>(() => repo.Runner(milestone: "m7").NextIssue());
        Assert.AreEqual("Workflow stopped: No plan for milestone m7. Plans found: m1", error.Message);
    }

    [TestMethod]
    public void Dry_run_changes_nothing()
    {
        using var repo = new WorkflowRepository();
        var before = repo.Git.Snapshot();
        var plan = File.ReadAllBytes(repo.PlanPath);

        repo.Runner(dryRun: true).RunNextIssue();

        Assert.AreEqual(before, repo.Git.Snapshot());
        CollectionAssert.AreEqual(plan, File.ReadAllBytes(repo.PlanPath));
        Assert.IsTrue(repo.Output.Any(l => l.StartsWith("would run: git branch milestone/m1-core refs/remotes/origin/main", StringComparison.Ordinal)), string.Join("\n", repo.Output));
        Assert.IsTrue(repo.Output.Any(l => l.StartsWith("would run: git push --quiet -u origin refs/heads/milestone/m1-core:refs/heads/milestone/m1-core", StringComparison.Ordinal)));
        Assert.IsTrue(repo.Output.Any(l => l.Contains("would edit docs/03-build-notes/m1/IMPLEMENTATION_PLAN.md line", StringComparison.Ordinal)));
        var diff = repo.Output.Single(l => l.Contains("(after edits)", StringComparison.Ordinal));
        StringAssert.Contains(diff, "**Status:** In Progress", "the dry run shows the edit itself");
    }

    [TestMethod]
    public void FixMilestonePlans_fixes_the_stale_count_and_dry_run_does_not()
    {
        using var repo = new WorkflowRepository(plan: WorkflowRepository.Plan.Replace("**Total Issues:** 3", "**Total Issues:** 5", StringComparison.Ordinal));
        var before = File.ReadAllBytes(repo.PlanPath);

        Assert.AreEqual(1, repo.Runner(dryRun: true).FixMilestonePlans());
        CollectionAssert.AreEqual(before, File.ReadAllBytes(repo.PlanPath));

        Assert.AreEqual(1, repo.Runner().FixMilestonePlans());
        StringAssert.Contains(repo.PlanText, "**Total Issues:** 3\n");
    }
}

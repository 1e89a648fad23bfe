using System.Text.Json.Nodes;
using MilestonePlan.Workflow.Actions;
using MilestonePlan.Workflow.Tests.Support;

namespace MilestonePlan.Workflow.Tests;

/// <summary>CompleteMilestone once the base is merged into main: tag, GitHub milestone, epic issue, each once.</summary>
[TestClass]
public sealed class CompleteMilestoneAfterMergeTests
{
    private static readonly string EpicPlan = CompleteMilestoneTests.AllDone(WorkflowRepository.Plan)
        .Replace("**Total Issues:** 3\n", "**Epic Issue:** #7\n**Total Issues:** 3\n", StringComparison.Ordinal);

    [TestMethod]
    public void A_second_run_after_the_merge_tags_closes_the_milestone_and_the_epic_once()
    {
        using var repo = Merged(EpicPlan);
        repo.Gh.Configure(s =>
        {
            s["milestones"] = new JsonArray("M0 - Bootstrap", new JsonObject { ["number"] = 4, ["title"] = "M1 - M1", ["state"] = "open" });
            s["issues"] = new JsonArray(Epic());
        });

        repo.Runner(milestone: "m1").CompleteMilestone();
        repo.Runner(milestone: "m1").CompleteMilestone();

        Assert.AreEqual("v0.1.0", repo.Git.GitIn(repo.Git.Root, "--git-dir", repo.Git.Origin, "tag").Trim());
        var calls = repo.Gh.Calls;
        Assert.AreEqual(1, calls.Count(c => c is ["api", "-X", "PATCH", "repos/{owner}/{repo}/milestones/4", "-f", "state=closed"]));
        Assert.AreEqual(1, calls.Count(c => c is ["issue", "comment", "7", "--body-file", _]));
        Assert.AreEqual(1, calls.Count(c => c is ["issue", "close", "7"]));
        var state = repo.Gh.State;
        Assert.AreEqual("closed", state["milestones"]![1]!["state"]!.GetValue<string>());
        Assert.AreEqual("open", state["milestones"]![0]!.GetValueKind() == System.Text.Json.JsonValueKind.String ? "open" : state["milestones"]![0]!["state"]!.GetValue<string>());
        var epic = state["issues"]![0]!;
        Assert.AreEqual("CLOSED", epic["state"]!.GetValue<string>());
        StringAssert.Contains(epic["comments"]!.AsArray().Single()!["body"]!.GetValue<string>(), "m1 is complete: `milestone/m1-core` is merged into `main` and tagged `v0.1.0`");
        CollectionAssert.IsSubsetOf(new[] { "Closed GitHub milestone #4 \"M1 - M1\"", "Commented on epic #7", "Closed epic #7",
            "v0.1.0 already exists on origin", "GitHub milestone #4 \"M1 - M1\" is already closed", "Epic #7 is already closed" }, repo.Output);
        StringAssert.Contains(repo.PlanText, "**Status:** Complete\n\n## Issue Breakdown");
    }

    [TestMethod]
    public void A_comment_already_made_is_not_made_again_and_the_property_names_the_milestone_by_number()
    {
        using var repo = Merged(EpicPlan);
        var epic = Epic();
        epic["comments"] = new JsonArray(new JsonObject { ["body"] = "done\n\n<!-- milestoneplan:complete m1 -->\n" });
        repo.Gh.Configure(s =>
        {
            s["milestones"] = new JsonArray(new JsonObject { ["number"] = 9, ["title"] = "Release one" });
            s["issues"] = new JsonArray(epic);
        });

        new WorkflowRunner(repo.Settings(new() { ["Milestone"] = "m1", ["MilestonePlanCheckCommand"] = "none", ["MilestonePlanGitHubMilestone"] = "9" }),
            repo.Gh.Runner, repo.Output.Add).CompleteMilestone();

        Assert.IsFalse(repo.Gh.Calls.Any(c => c is ["issue", "comment", ..]), "the comment was already there");
        Assert.AreEqual(1, repo.Gh.Calls.Count(c => c is ["issue", "close", "7"]));
        Assert.AreEqual("closed", repo.Gh.State["milestones"]![0]!["state"]!.GetValue<string>());
    }

    [TestMethod]
    public void A_missing_GitHub_milestone_and_epic_are_said_not_failed()
    {
        using var repo = Merged(CompleteMilestoneTests.AllDone(WorkflowRepository.Plan));
        repo.Gh.Configure(s => s["milestones"] = new JsonArray("M2 - Later"));

        repo.Runner(milestone: "m1").CompleteMilestone();

        CollectionAssert.Contains(repo.Output, "No GitHub milestone \"M1 - M1\"; none closed (set MilestonePlanGitHubMilestone to its title or number)");
        CollectionAssert.Contains(repo.Output, "No epic issue number (the plan's Epic Issue field or 00-epic.md github_issue); no epic to close");
        Assert.IsFalse(repo.Gh.Calls.Any(c => c is ["api", "-X", ..] or ["issue", "close" or "comment", ..]));
        Assert.AreEqual("v0.1.0", repo.Git.GitIn(repo.Git.Root, "--git-dir", repo.Git.Origin, "tag").Trim());
        StringAssert.Contains(repo.PlanText, "**Status:** Complete\n");
    }

    [TestMethod]
    public void A_dry_run_after_the_merge_prints_every_command_and_changes_nothing()
    {
        using var repo = Merged(EpicPlan);
        repo.Gh.Configure(s =>
        {
            s["milestones"] = new JsonArray(new JsonObject { ["number"] = 4, ["title"] = "M1 - M1" });
            s["issues"] = new JsonArray(Epic());
        });
        var before = repo.Gh.State.ToJsonString();
        var plan = repo.DiskPlanText;

        repo.Runner(dryRun: true, milestone: "m1").CompleteMilestone();

        var printed = string.Join("\n", repo.Output);
        foreach (var command in new[]
        {
            "would run: git tag --annotate v0.1.0 --message \"M1: M1\" refs/remotes/origin/main",
            "would run: git push --quiet origin refs/tags/v0.1.0:refs/tags/v0.1.0",
            "would run: gh api -X PATCH repos/{owner}/{repo}/milestones/4 -f state=closed",
            "would run: gh issue comment 7 --body-file <body>", "would run: gh issue close 7",
            "would edit docs/03-build-notes/m1/IMPLEMENTATION_PLAN.md line 11: Status → Complete",
        })
        {
            StringAssert.Contains(printed, command);
        }

        Assert.AreEqual(before, repo.Gh.State.ToJsonString(), "GitHub unchanged");
        Assert.AreEqual(string.Empty, repo.Git.GitIn(repo.Git.Root, "--git-dir", repo.Git.Origin, "tag").Trim(), "no tag");
        Assert.AreEqual(plan, repo.DiskPlanText);
        Assert.IsFalse(repo.Gh.Calls.Any(c => c is ["api", "-X", ..] or ["issue", "close" or "comment", ..]));
    }

    private static JsonObject Epic() => new()
    {
        ["number"] = 7, ["title"] = "Epic: M1 — Core", ["body"] = "the epic", ["state"] = "OPEN",
        ["url"] = "https://github.com/example/repo/issues/7",
    };

    /// <summary>A repository whose milestone branch is already merged into main on origin.</summary>
    private static WorkflowRepository Merged(string plan)
    {
        var repo = new WorkflowRepository(plan: plan);
        repo.Git.Git("checkout", "--quiet", "-b", "milestone/m1-core");
        repo.Git.Write("src/feature.txt", "milestone work\n");
        repo.Git.CommitAll("work", push: true);
        repo.Git.Git("checkout", "--quiet", "main");
        repo.Git.Git("merge", "--quiet", "--ff-only", "milestone/m1-core");
        repo.Git.Git("push", "--quiet", "origin", "main");
        return repo;
    }
}

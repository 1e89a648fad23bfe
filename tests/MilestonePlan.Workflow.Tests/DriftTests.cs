using MilestonePlan.Workflow.Tests.Support;

namespace MilestonePlan.Workflow.Tests;

[TestClass]
public sealed class DriftTests
{
    [TestMethod]
    public void MP5007_unmerged_done_branch_and_open_PR_without_branch()
    {
        var plan = WorkflowRepository.Plan
            .Replace("* [ ] #01 — Parser", "* [x] #01 — Parser", StringComparison.Ordinal)
            .Replace("### Open PRs (autopilot)\n\n* (none)", "### Open PRs (autopilot)\n\n* [PR #5](https://github.com/example/repo/pull/5) — Rules (#02)", StringComparison.Ordinal)
            .Replace("**Milestone Branch:** `milestone/m1-core` (base branch for PRs; create from `main` if missing)", "**Milestone Branch:** `main`", StringComparison.Ordinal);
        using var repo = new WorkflowRepository(plan: plan);
        repo.Git.Git("checkout", "--quiet", "-b", "feat/m1-01-parser");
        repo.Git.Write("src/unmerged.txt", "never merged\n");
        repo.Git.CommitAll("unmerged work", push: true);
        repo.Git.Git("checkout", "--quiet", "main");

        var runner = repo.Runner();
        runner.ReconcileMilestone();

        CollectionAssert.AreEquivalent(
            new[]
            {
                "MP5007 #01 is done but feat/m1-01-parser is not merged into main",
                "MP5007 #02 has an open PR but its branch feat/m1-02-rules is not on origin",
            },
            runner.Drift.Select(d => $"{d.Id} {d.Message}").ToArray());
    }

    [TestMethod]
    public void Merged_deleted_or_local_only_branches_are_not_drift()
    {
        var plan = WorkflowRepository.Plan.Replace("* [ ] #01 — Parser", "* [x] #01 — Parser", StringComparison.Ordinal)
            .Replace("**Milestone Branch:** `milestone/m1-core` (base branch for PRs; create from `main` if missing)", "**Milestone Branch:** `main`", StringComparison.Ordinal);
        using var repo = new WorkflowRepository(plan: plan);
        // A squash merge leaves the local branch behind, never an ancestor of the base: not drift.
        repo.Git.Git("checkout", "--quiet", "-b", "feat/m1-01-parser");
        repo.Git.Write("src/squashed.txt", "merged by squash\n");
        repo.Git.CommitAll("squashed elsewhere");
        repo.Git.Git("checkout", "--quiet", "main");

        var runner = repo.Runner();
        runner.ReconcileMilestone();

        Assert.IsEmpty(runner.Drift);
    }
}

using MilestonePlan.Core.Model;
using MilestonePlan.Workflow.Git;
using MilestonePlan.Workflow.Processes;
using MilestonePlan.Workflow.Tests.Support;

namespace MilestonePlan.Workflow.Tests.Safety;

/// <summary>
/// PRODUCT.md section 7, "never rewrites history": no plan cell can make a push forced, an option, or a push to the
/// default branch; an unusable cell stops the target with the plan's own diagnostic and nothing is run.
/// </summary>
[TestClass]
public sealed class BranchSafetyTests
{
    private static string PlanWith(string milestoneBranch = "`milestone/m1-core`", string featureBranch = "`feat/m1-01-parser`") =>
        WorkflowRepository.Plan
            .Replace("**Milestone Branch:** `milestone/m1-core`", "**Milestone Branch:** " + milestoneBranch, StringComparison.Ordinal)
            .Replace("| `feat/m1-01-parser` |", "| " + featureBranch + " |", StringComparison.Ordinal);

    [TestMethod]
    [DataRow("`+main`", "starts with '+'")]
    [DataRow("`+refs/heads/main`", "starts with '+'")]
    [DataRow("`-main`", "starts with '-'")]
    [DataRow("`--force`", "starts with '-'")]
    [DataRow("`HEAD`", "names the checked-out commit")]
    [DataRow("`@`", "names the checked-out commit")]
    [DataRow("`refs/heads/main`", "starts with 'refs/'")]
    [DataRow("`main:refs/heads/x`", "holds ':'")]
    [DataRow("`milestone/m{n}-<short-name>`", "placeholder")]
    public void An_unusable_Milestone_Branch_stops_every_branch_target_with_MP4003_and_origin_is_unchanged(string cell, string reason)
    {
        using var repo = new WorkflowRepository(plan: PlanWith(milestoneBranch: cell));
        // Another clone pushed to main meanwhile: a force push of a stale main would lose this commit.
        repo.Git.Git("checkout", "--quiet", "-b", "other");
        repo.Git.Write("other.txt", "someone else's work\n");
        repo.Git.CommitAll("other work");
        repo.Git.Git("push", "--quiet", "origin", "refs/heads/other:refs/heads/main");
        repo.Git.Git("checkout", "--quiet", "main");
        repo.Git.Git("branch", "-D", "other");
        var before = repo.Git.Snapshot();

        foreach (var target in new Action<Actions.WorkflowRunner>[] { r => r.NextIssue(), r => r.RunNextIssue(), r => r.SubmitIssue(), r => r.ReconcileMilestone(), r => r.CompleteMilestone() })
        {
            var error = Assert.ThrowsExactly<WorkflowException>(() => target(repo.Runner()));

            Assert.AreEqual("MP4003", error.Rule.Id, error.Message);
            StringAssert.Contains(error.Message, reason);
            Assert.AreEqual(repo.PlanPath, error.File);
            Assert.AreEqual(8, error.Span!.Value.Line, "the Milestone Branch line");
        }

        Assert.AreEqual(before, repo.Git.Snapshot(), "no ref moved, locally or on origin");
        Assert.AreEqual(0, repo.IssueGhCalls.Count, "gh was never asked");
    }

    [TestMethod]
    [DataRow("`+feat/m1-01-parser`", "starts with '+'")]
    [DataRow("`-D`", "starts with '-'")]
    [DataRow("`main`", "main line")]
    [DataRow("`MASTER`", "main line")]
    [DataRow("`milestone/m1-core`", "base branch")]
    [DataRow("`feat/a..b`", "'..'")]
    [DataRow("`feat/x.lock`", ".lock")]
    public void An_unusable_Feature_Branch_stops_the_targets_with_MP4001_and_nothing_runs(string cell, string reason)
    {
        using var repo = new WorkflowRepository(plan: PlanWith(featureBranch: cell));
        var before = repo.Git.Snapshot();

        var error = Assert.ThrowsExactly<WorkflowException>(() => repo.Runner().RunNextIssue());

        Assert.AreEqual("MP4001", error.Rule.Id);
        StringAssert.Contains(error.Message, reason);
        Assert.AreEqual(18, error.Span!.Value.Line, "the row of #01");
        Assert.AreEqual(before, repo.Git.Snapshot());
    }

    [TestMethod]
    public void Only_an_empty_cell_takes_the_default()
    {
        using var repo = new WorkflowRepository(plan: PlanWith(featureBranch: " "));

        repo.Runner().RunNextIssue();

        Assert.AreEqual("feat/m1-01-parser", repo.Git.Git("symbolic-ref", "--short", "HEAD").Trim(), "generated from the title");
    }

    [TestMethod]
    public void The_remotes_default_branch_is_never_pushed_to_even_when_it_is_not_called_main()
    {
        using var repo = new TempGitRepository();
        repo.Git("push", "--quiet", "origin", "refs/heads/main:refs/heads/trunk");
        repo.GitOrigin("symbolic-ref", "HEAD", "refs/heads/trunk");
        repo.Git("branch", "trunk", "main");
        var git = new GitClient(new ProcessRunner(), repo.Path_, TimeSpan.FromMinutes(1));
        var before = repo.GitOrigin("for-each-ref");

        Assert.AreEqual("trunk", git.DefaultBranch()!.Value, "asked the remote (no refs/remotes/origin/HEAD in this clone)");
        var error = Assert.ThrowsExactly<WorkflowException>(() => git.Push(BranchName.TryCreate("trunk")!));
        StringAssert.Contains(error.Message, "default branch");
        Assert.ThrowsExactly<WorkflowException>(() => git.Push(BranchName.TryCreate("Main")!));
        Assert.AreEqual(before, repo.GitOrigin("for-each-ref"));
    }

    [TestMethod]
    public void A_push_names_the_ref_in_full_so_a_tag_of_the_same_name_is_not_pushed_instead()
    {
        using var repo = new TempGitRepository();
        var git = new GitClient(new ProcessRunner(), repo.Path_, TimeSpan.FromMinutes(1));
        repo.Git("tag", "feat/m1-01-x");
        repo.Git("checkout", "--quiet", "-b", "feat/m1-01-x");
        repo.Write("a.txt", "a\n");
        repo.CommitAll("work");

        git.Push(BranchName.TryCreate("feat/m1-01-x")!);

        Assert.AreEqual(repo.Git("rev-parse", "HEAD").Trim(), repo.GitOrigin("rev-parse", "refs/heads/feat/m1-01-x").Trim());
        Assert.AreEqual(string.Empty, repo.GitOrigin("tag", "--list").Trim(), "the tag stayed local");
        Assert.AreEqual("origin", repo.Git("config", "branch.feat/m1-01-x.remote").Trim(), "upstream set");
    }
}

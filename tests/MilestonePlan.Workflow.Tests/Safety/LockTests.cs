using MilestonePlan.Workflow.Actions;
using MilestonePlan.Workflow.Tests.Support;

namespace MilestonePlan.Workflow.Tests.Safety;

/// <summary>PRODUCT.md section 7: two workflow runs on one repository at once: the second refuses; a stale lock is taken over.</summary>
[TestClass]
public sealed class LockTests
{
    [TestMethod]
    public void A_second_run_while_the_first_holds_the_lock_refuses_and_changes_nothing()
    {
        using var repo = new WorkflowRepository();
        var gitDirectory = Path.Combine(repo.Git.Path_, ".git");
        var before = repo.Git.Snapshot();

        using (WorkflowLock.Acquire(gitDirectory, "SubmitIssue"))
        {
            var error = Assert.ThrowsExactly<WorkflowException>(() => repo.Runner().Run("RunNextIssue"));

            Assert.AreEqual("MP9001", error.Rule.Id);
            StringAssert.Contains(error.Message, "another MilestonePlan workflow run holds");
            Assert.AreEqual(before, repo.Git.Snapshot());
            Assert.IsNotNull(repo.Runner().Run("NextIssue"), "a read-only target does not need the lock");
        }

        repo.Runner().Run("RunNextIssue");
        Assert.AreEqual("feat/m1-01-parser", repo.Git.Git("symbolic-ref", "--short", "HEAD").Trim(), "the lock is free again");
        Assert.IsFalse(File.Exists(Path.Combine(gitDirectory, WorkflowLock.FileName)), "no lock file left behind");
    }

    [TestMethod]
    public void A_lock_file_left_by_a_crashed_run_is_taken_over()
    {
        using var repo = new WorkflowRepository();
        File.WriteAllText(Path.Combine(repo.Git.Path_, ".git", WorkflowLock.FileName), "pid 999999, RunNextIssue, since 2026-01-01 00:00:00Z\n");

        repo.Runner().Run("RunNextIssue");

        Assert.AreEqual("feat/m1-01-parser", repo.Git.Git("symbolic-ref", "--short", "HEAD").Trim());
    }

    [TestMethod]
    public void A_dry_run_does_not_need_the_lock()
    {
        using var repo = new WorkflowRepository();
        using (WorkflowLock.Acquire(Path.Combine(repo.Git.Path_, ".git"), "SubmitIssue"))
        {
            repo.Runner(dryRun: true).Run("RunNextIssue");
        }

        Assert.IsTrue(repo.Output.Any(l => l.StartsWith("would run: git", StringComparison.Ordinal)));
    }
}

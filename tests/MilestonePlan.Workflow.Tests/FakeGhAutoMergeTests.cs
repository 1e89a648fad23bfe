using MilestonePlan.Workflow.Tests.Support;

namespace MilestonePlan.Workflow.Tests;

/// <summary>
/// Auto-merge by GitHub's rules in the fake (autoMergeMode "checks" and "refuse"): it waits for the checks, merges
/// for real in the origin on the look that sees them pass, never while they fail or while the PR conflicts, and a
/// repository without auto-merge refuses it with GitHub's message.
/// </summary>
[TestClass]
public sealed class FakeGhAutoMergeTests
{
    private const string Fields = "state,mergeStateStatus,mergeable,autoMergeRequest,mergeCommit";

    [TestMethod]
    public void Auto_merge_waits_for_pending_checks_and_merges_on_the_look_that_sees_them_pass()
    {
        using var repo = new TempGitRepository();
        using var gh = new FakeGhEnvironment();
        gh.AutoMergeWhenChecksPass();
        gh.ChecksPassAfter(2);
        gh.OpenPullRequest(repo, "feat/a", "Add a", ("a.txt", "a\n"));

        var enable = gh.Gh(repo, "pr", "merge", "1", "--auto", "--squash", "--delete-branch");
        var looks = Enumerable.Range(0, 3).Select(_ => gh.View(repo, 1, Fields)).ToList();

        Assert.IsTrue(enable.Succeeded, enable.Describe());
        Assert.AreEqual("✓ Pull request #1 will be automatically merged via squash when all requirements are met\n", enable.StandardError);
        CollectionAssert.AreEqual(new[] { "OPEN", "OPEN", "MERGED" }, looks.Select(l => l.Text("state")).ToArray());
        Assert.AreEqual(("BLOCKED", "SQUASH"), (looks[0].Text("mergeStateStatus"), looks[0]["autoMergeRequest"]!.Text("mergeMethod")));
        Assert.IsNull(looks[2]["autoMergeRequest"]);
        Assert.AreEqual(repo.GitOrigin("rev-parse", "main").Trim(), looks[2]["mergeCommit"]!.Text("oid"));
        CollectionAssert.AreEqual(new[] { "Add a (#1)", "initial commit" }, repo.OriginSubjects());
        Assert.IsFalse(repo.RemoteHas("feat/a"), "--delete-branch given when auto-merge was enabled");
    }

    [TestMethod]
    public void Auto_on_a_PR_that_is_already_clean_merges_at_once_as_gh_does()
    {
        using var repo = new TempGitRepository();
        using var gh = new FakeGhEnvironment();
        gh.AutoMergeWhenChecksPass();
        gh.ChecksPassAfter(0);
        gh.OpenPullRequest(repo, "feat/a", "Add a", ("a.txt", "a\n"));

        var merge = gh.Gh(repo, "pr", "merge", "1", "--auto", "--squash");

        Assert.IsTrue(merge.Succeeded, merge.Describe());
        Assert.AreEqual("MERGED", gh.PullRequest(1).Text("state"), "merged without a look: gh merged it directly");
        CollectionAssert.AreEqual(new[] { "Add a (#1)", "initial commit" }, repo.OriginSubjects());
    }

    [TestMethod]
    public void Failing_checks_keep_auto_merge_waiting_and_nothing_merges()
    {
        using var repo = new TempGitRepository();
        using var gh = new FakeGhEnvironment();
        gh.AutoMergeWhenChecksPass();
        gh.ChecksFailAfter(1);
        gh.OpenPullRequest(repo, "feat/a", "Add a", ("a.txt", "a\n"));
        Assert.IsTrue(gh.Gh(repo, "pr", "merge", "1", "--auto", "--squash").Succeeded);

        var looks = Enumerable.Range(0, 4).Select(_ => gh.View(repo, 1, Fields)).ToList();

        Assert.IsTrue(looks.All(l => l.Text("state") == "OPEN" && l.Text("mergeStateStatus") == "BLOCKED" && l["autoMergeRequest"] is not null));
        CollectionAssert.AreEqual(new[] { "initial commit" }, repo.OriginSubjects());
    }

    [TestMethod]
    public void A_direct_merge_of_a_blocked_PR_is_refused_before_anything_is_sent_unless_admin()
    {
        using var repo = new TempGitRepository();
        using var gh = new FakeGhEnvironment();
        gh.AutoMergeWhenChecksPass();
        gh.ChecksStayPending();
        gh.OpenPullRequest(repo, "feat/a", "Add a", ("a.txt", "a\n"));

        var refused = gh.Gh(repo, "pr", "merge", "1", "--squash");
        var admin = gh.Gh(repo, "pr", "merge", "1", "--squash", "--admin");

        Assert.AreEqual(1, refused.ExitCode);
        Assert.AreEqual(
            "X Pull request #1 is not mergeable: the base branch policy prohibits the merge.\n"
            + "To have the pull request merged after all the requirements have been met, add the `--auto` flag.\n"
            + "To use administrator privileges to immediately merge the pull request, add the `--admin` flag.\n",
            refused.StandardError);
        Assert.IsTrue(admin.Succeeded, admin.Describe());
        CollectionAssert.AreEqual(new[] { "Add a (#1)", "initial commit" }, repo.OriginSubjects());
    }

    [TestMethod]
    public void A_repository_without_auto_merge_refuses_it_with_GitHubs_message_and_exit_code_1()
    {
        using var repo = new TempGitRepository();
        using var gh = new FakeGhEnvironment();
        gh.RefuseAutoMerge();
        gh.ChecksPassAfter(1);
        gh.OpenPullRequest(repo, "feat/a", "Add a", ("a.txt", "a\n"));

        var refused = gh.Gh(repo, "pr", "merge", "1", "--auto", "--squash", "--delete-branch");
        var view = gh.View(repo, 1, Fields);

        Assert.AreEqual(1, refused.ExitCode);
        Assert.AreEqual("GraphQL: Auto merge is not allowed for this repository (enablePullRequestAutoMerge)\n", refused.StandardError);
        Assert.AreEqual("OPEN", view.Text("state"));
        Assert.IsNull(view["autoMergeRequest"]);
        CollectionAssert.AreEqual(new[] { "initial commit" }, repo.OriginSubjects());
        Assert.IsTrue(repo.RemoteHas("feat/a"));
    }

    [TestMethod]
    public void Without_auto_merge_a_PR_whose_checks_already_passed_is_merged_by_gh_directly()
    {
        using var repo = new TempGitRepository();
        using var gh = new FakeGhEnvironment();
        gh.RefuseAutoMerge();
        gh.ChecksPassAfter(0);
        gh.OpenPullRequest(repo, "feat/a", "Add a", ("a.txt", "a\n"));

        var merge = gh.Gh(repo, "pr", "merge", "1", "--auto", "--squash");

        Assert.IsTrue(merge.Succeeded, "gh asks for no auto-merge on a CLEAN PR, so the setting never comes up: " + merge.Describe());
        CollectionAssert.AreEqual(new[] { "Add a (#1)", "initial commit" }, repo.OriginSubjects());
    }

    [TestMethod]
    public void A_base_that_moved_under_the_PR_makes_it_dirty_and_auto_merge_never_merges_it()
    {
        using var repo = new TempGitRepository();
        using var gh = new FakeGhEnvironment();
        gh.AutoMergeWhenChecksPass();
        gh.ChecksPassAfter(1);
        gh.OpenPullRequest(repo, "feat/a", "Edit readme", ("README.md", "# from the branch\n"));
        repo.SomeoneElsePushes("main", "README.md", "# from someone else\n");
        var mainBefore = repo.GitOrigin("rev-parse", "main").Trim();

        var enable = gh.Gh(repo, "pr", "merge", "1", "--auto", "--squash", "--delete-branch");
        var looks = Enumerable.Range(0, 3).Select(_ => gh.View(repo, 1, Fields)).ToList();
        var direct = gh.Gh(repo, "pr", "merge", "1", "--squash");

        Assert.IsTrue(enable.Succeeded, "a DIRTY PR is not immediately mergeable, so gh enables auto-merge: " + enable.Describe());
        Assert.IsTrue(looks.All(l => (l.Text("state"), l.Text("mergeStateStatus"), l.Text("mergeable")) == ("OPEN", "DIRTY", "CONFLICTING")));
        Assert.IsTrue(looks.All(l => l["autoMergeRequest"] is not null), "auto-merge stays enabled and waits");
        Assert.AreEqual(1, direct.ExitCode);
        StringAssert.StartsWith(direct.StandardError, "X Pull request #1 is not mergeable: the merge commit cannot be cleanly created.\n");
        Assert.AreEqual(mainBefore, repo.GitOrigin("rev-parse", "main").Trim());
        Assert.IsTrue(repo.RemoteHas("feat/a"));
    }

    [TestMethod]
    public void A_head_declared_conflicting_is_dirty_whatever_the_checks_say()
    {
        using var repo = new TempGitRepository();
        using var gh = new FakeGhEnvironment();
        gh.ChecksPassAfter(0);
        gh.ConflictOn("feat/b");
        gh.OpenPullRequest(repo, "feat/a", "A", ("a.txt", "a\n"));
        gh.OpenPullRequest(repo, "feat/b", "B", ("b.txt", "b\n"));

        Assert.AreEqual("CLEAN", gh.View(repo, 1, "mergeStateStatus").Text("mergeStateStatus"));
        Assert.AreEqual("DIRTY", gh.View(repo, 2, "mergeStateStatus").Text("mergeStateStatus"));
    }
}

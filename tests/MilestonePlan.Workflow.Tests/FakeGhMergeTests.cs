using System.Text.Json.Nodes;
using MilestonePlan.Workflow.Tests.Support;

namespace MilestonePlan.Workflow.Tests;

/// <summary>
/// The fake's merges happen in git, in the bare origin, as GitHub's do: the workflow reads merged history afterwards,
/// so a merge that only flipped a JSON state would let it pass here and fail for real.
/// </summary>
[TestClass]
public sealed class FakeGhMergeTests
{
    /// <summary>main advances in origin with a change to <paramref name="file"/> (to make a later merge conflict).</summary>
    private static void AdvanceMain(TempGitRepository repo, string file, string text)
    {
        repo.Write(file, text);
        repo.CommitAll("main changes " + file, push: true);
    }

    [TestMethod]
    public void A_squash_merge_lands_one_commit_on_the_base_with_the_heads_tree_and_the_PRs_title()
    {
        using var repo = new TempGitRepository();
        using var gh = new FakeGhEnvironment();
        var number = gh.OpenPullRequest(repo, "feat/a", "Add parser", ("a.txt", "one\n"), ("b.txt", "two\n"));
        var oldTip = repo.GitOrigin("rev-parse", "main").Trim();

        var merge = gh.Gh(repo, "pr", "merge", number.ToString(System.Globalization.CultureInfo.InvariantCulture), "--squash");

        Assert.IsTrue(merge.Succeeded, merge.Describe());
        var newTip = repo.GitOrigin("rev-parse", "main").Trim();
        Assert.AreEqual(oldTip, repo.GitOrigin("rev-parse", "main^").Trim(), "one commit on top of the old base tip");
        Assert.HasCount(2, repo.GitOrigin("rev-list", "--parents", "-n", "1", "main").Split(' ', StringSplitOptions.RemoveEmptyEntries), "a squash commit has one parent");
        Assert.AreEqual(repo.GitOrigin("rev-parse", "feat/a^{tree}").Trim(), repo.GitOrigin("rev-parse", "main^{tree}").Trim());
        Assert.AreEqual("Add parser (#1)|fake-gh|fake-gh", repo.GitOrigin("log", "-1", "--format=%s|%an|%cn", "main").Trim());
        var pr = gh.PullRequest(number);
        Assert.AreEqual(("MERGED", newTip), (pr["state"]!.GetValue<string>(), pr["mergeCommit"]!["oid"]!.GetValue<string>()));
        Assert.IsTrue(repo.RemoteHas("feat/a"), "no --delete-branch: the head branch stays");
    }

    [TestMethod]
    public void Delete_branch_deletes_the_head_branch_in_origin()
    {
        using var repo = new TempGitRepository();
        using var gh = new FakeGhEnvironment();
        gh.OpenPullRequest(repo, "feat/a", "Add parser", ("a.txt", "one\n"));

        var merge = gh.Gh(repo, "pr", "merge", "1", "--squash", "--delete-branch");

        Assert.IsTrue(merge.Succeeded, merge.Describe());
        Assert.IsFalse(repo.RemoteHas("feat/a"));
        Assert.AreEqual("one\n", repo.GitOrigin("show", "main:a.txt"));
    }

    [TestMethod]
    public void A_conflicting_PR_waiting_for_auto_merge_stays_open_and_dirty_and_origin_is_unchanged()
    {
        using var repo = new TempGitRepository();
        using var gh = new FakeGhEnvironment();
        gh.OpenPullRequest(repo, "feat/a", "Edit readme", ("README.md", "# from the branch\n"));
        AdvanceMain(repo, "README.md", "# from main\n");
        Assert.IsTrue(gh.Gh(repo, "pr", "merge", "1", "--auto", "--squash", "--delete-branch").Succeeded);
        var before = repo.GitOrigin("for-each-ref");

        var pending = gh.Gh(repo, "fake", "merge-pending");
        var view = gh.Gh(repo, "pr", "view", "1", "--json", "state,mergeStateStatus,mergeable");

        Assert.AreEqual(1, pending.ExitCode, pending.Describe());
        StringAssert.Contains(pending.StandardError, "Pull request #1 is not mergeable: the merge commit cannot be cleanly created");
        Assert.AreEqual(before, repo.GitOrigin("for-each-ref"), "no ref moved, the head branch was not deleted");
        var json = JsonNode.Parse(view.StandardOutput)!;
        Assert.AreEqual(("OPEN", "DIRTY", "CONFLICTING"),
            (json["state"]!.GetValue<string>(), json["mergeStateStatus"]!.GetValue<string>(), json["mergeable"]!.GetValue<string>()));
    }

    [TestMethod]
    public void A_conflicting_PR_merged_at_once_fails_like_GitHub_and_origin_is_unchanged()
    {
        using var repo = new TempGitRepository();
        using var gh = new FakeGhEnvironment();
        gh.OpenPullRequest(repo, "feat/a", "Edit readme", ("README.md", "# from the branch\n"));
        AdvanceMain(repo, "README.md", "# from main\n");
        gh.Configure(s => s["autoMergeMode"] = "immediate");
        var before = repo.GitOrigin("for-each-ref");

        var merge = gh.Gh(repo, "pr", "merge", "1", "--auto", "--squash", "--delete-branch");

        Assert.AreEqual(1, merge.ExitCode);
        StringAssert.Contains(merge.StandardError, "Pull request #1 is not mergeable: the merge commit cannot be cleanly created");
        Assert.AreEqual(before, repo.GitOrigin("for-each-ref"));
        Assert.AreEqual("OPEN", gh.PullRequest(1)["state"]!.GetValue<string>());
    }

    [TestMethod]
    public void Merge_pending_merges_every_waiting_PR_in_number_order_and_only_when_told()
    {
        using var repo = new TempGitRepository();
        using var gh = new FakeGhEnvironment();
        gh.OpenPullRequest(repo, "feat/a", "A", ("a.txt", "a\n"));
        gh.OpenPullRequest(repo, "feat/b", "B", ("b.txt", "b\n"));
        Assert.IsTrue(gh.Gh(repo, "pr", "merge", "2", "--auto", "--squash", "--delete-branch").Succeeded);
        Assert.IsTrue(gh.Gh(repo, "pr", "merge", "1", "--auto", "--squash", "--delete-branch").Succeeded);
        gh.Gh(repo, "pr", "view", "1", "--json", "state");
        Assert.AreEqual(("OPEN", "OPEN"), (gh.PullRequest(1)["state"]!.GetValue<string>(), gh.PullRequest(2)["state"]!.GetValue<string>()), "pending: nothing merges by itself");
        CollectionAssert.AreEqual(new[] { "initial commit" }, repo.OriginSubjects());

        var pending = gh.Gh(repo, "fake", "merge-pending");

        Assert.IsTrue(pending.Succeeded, pending.Describe());
        CollectionAssert.AreEqual(new[] { "B (#2)", "A (#1)", "initial commit" }, repo.OriginSubjects());
        Assert.AreEqual("README.md\na.txt\nb.txt\n", repo.GitOrigin("ls-tree", "--name-only", "main"));
        Assert.IsFalse(repo.RemoteHas("feat/a") || repo.RemoteHas("feat/b"), "each PR's --delete-branch is honoured");
        Assert.AreEqual(("MERGED", "MERGED"), (gh.PullRequest(1)["state"]!.GetValue<string>(), gh.PullRequest(2)["state"]!.GetValue<string>()));
    }

    [TestMethod]
    public void Merge_pending_with_a_number_merges_only_that_PR()
    {
        using var repo = new TempGitRepository();
        using var gh = new FakeGhEnvironment();
        gh.OpenPullRequest(repo, "feat/a", "A", ("a.txt", "a\n"));
        gh.OpenPullRequest(repo, "feat/b", "B", ("b.txt", "b\n"));
        gh.Gh(repo, "pr", "merge", "1", "--auto", "--squash");
        gh.Gh(repo, "pr", "merge", "2", "--auto", "--squash");

        var pending = gh.Gh(repo, "fake", "merge-pending", "2");
        var again = gh.Gh(repo, "fake", "merge-pending", "2");

        Assert.IsTrue(pending.Succeeded, pending.Describe());
        CollectionAssert.AreEqual(new[] { "B (#2)", "initial commit" }, repo.OriginSubjects());
        Assert.AreEqual("OPEN", gh.PullRequest(1)["state"]!.GetValue<string>());
        Assert.AreEqual(1, again.ExitCode, "#2 no longer waits for auto-merge");
    }

    [TestMethod]
    public void In_onview_mode_a_waiting_PR_merges_when_the_workflow_next_looks_at_it()
    {
        using var repo = new TempGitRepository();
        using var gh = new FakeGhEnvironment();
        gh.Configure(s => s["autoMergeMode"] = "onview");
        gh.OpenPullRequest(repo, "feat/a", "A", ("a.txt", "a\n"));

        var merge = gh.Gh(repo, "pr", "merge", "1", "--auto", "--squash", "--delete-branch");
        var stateAfterMerge = gh.PullRequest(1)["state"]!.GetValue<string>();
        var view = gh.Gh(repo, "pr", "view", "1", "--json", "state,mergeCommit,autoMergeRequest");

        Assert.IsTrue(merge.Succeeded, merge.Describe());
        Assert.AreEqual("OPEN", stateAfterMerge, "enabling auto-merge does not merge yet");
        var json = JsonNode.Parse(view.StandardOutput)!;
        Assert.AreEqual("MERGED", json["state"]!.GetValue<string>());
        Assert.AreEqual(repo.GitOrigin("rev-parse", "main").Trim(), json["mergeCommit"]!["oid"]!.GetValue<string>());
        Assert.IsNull(json["autoMergeRequest"], "a merged PR no longer waits for auto-merge");
        Assert.IsFalse(repo.RemoteHas("feat/a"));
    }

    [TestMethod]
    public void Fake_only_commands_do_not_open_the_door_to_unknown_commands_or_flags()
    {
        using var repo = new TempGitRepository();
        using var gh = new FakeGhEnvironment();

        var unknown = gh.Gh(repo, "fake", "merge-all");
        var flag = gh.Gh(repo, "fake", "merge-pending", "--squash");

        StringAssert.StartsWith(unknown.StandardError, "unknown command \"merge-all\" for \"gh fake\"");
        StringAssert.StartsWith(flag.StandardError, "unknown flag: --squash");
        Assert.AreEqual((1, 1), (unknown.ExitCode, flag.ExitCode));
    }
}

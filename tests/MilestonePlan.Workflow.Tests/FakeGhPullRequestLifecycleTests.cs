using System.Text.Json.Nodes;
using MilestonePlan.Workflow.Tests.Support;

namespace MilestonePlan.Workflow.Tests;

/// <summary>
/// A PR's life in the fake beyond merging: drafts (`pr create --draft`, `pr ready [--undo]`), a person closing it or
/// deleting its branch, `pr close` and `pr comment`, with gh's messages, exit codes and flags.
/// </summary>
[TestClass]
public sealed class FakeGhPullRequestLifecycleTests
{
    private const string Fields = "state,closed,closedAt,mergedAt,autoMergeRequest,mergeStateStatus,headRefName,isDraft";

    [TestMethod]
    public void A_PR_a_person_closed_is_closed_unmerged_without_auto_merge_and_its_branch_stays()
    {
        using var repo = new TempGitRepository();
        using var gh = new FakeGhEnvironment();
        gh.OpenPullRequest(repo, "feat/a", "A", ("a.txt", "a\n"));
        Assert.IsTrue(gh.Gh(repo, "pr", "merge", "1", "--auto", "--squash", "--delete-branch").Succeeded);

        gh.ClosePullRequest(repo.Path_, 1);
        var view = gh.View(repo, 1, Fields);
        var merge = gh.Gh(repo, "pr", "merge", "1", "--squash");
        var pending = gh.Gh(repo, "fake", "merge-pending");

        Assert.AreEqual(("CLOSED", true, "2026-11-24T12:00:00Z"), (view.Text("state"), view["closed"]!.GetValue<bool>(), view.Text("closedAt")));
        Assert.IsNull(view["mergedAt"]);
        Assert.IsNull(view["autoMergeRequest"], "GitHub turns auto-merge off on a closed PR");
        Assert.AreEqual("UNKNOWN", view.Text("mergeStateStatus"));
        Assert.IsTrue(repo.RemoteHas("feat/a"));
        Assert.AreEqual((1, "! Pull request #1 (A) can't be merged because it is closed\n"), (merge.ExitCode, merge.StandardError));
        Assert.AreEqual("merged 0 pull request(s)\n", pending.StandardOutput);
        Assert.AreEqual("""[{"number":1,"state":"CLOSED"}]""" + "\n", gh.Gh(repo, "pr", "list", "--state", "closed", "--json", "number,state").StandardOutput);
        Assert.AreEqual("[]\n", gh.Gh(repo, "pr", "list", "--json", "number").StandardOutput);
    }

    [TestMethod]
    public void Deleting_the_head_branch_of_an_open_PR_closes_it_and_it_keeps_its_head_name()
    {
        using var repo = new TempGitRepository();
        using var gh = new FakeGhEnvironment();
        gh.OpenPullRequest(repo, "feat/a", "A", ("a.txt", "a\n"));

        gh.DeleteHeadBranch(repo.Path_, 1);
        var view = gh.View(repo, 1, Fields);

        Assert.IsFalse(repo.RemoteHas("feat/a"));
        Assert.AreEqual(("CLOSED", "feat/a"), (view.Text("state"), view.Text("headRefName")));
        Assert.IsNull(view["mergedAt"]);
    }

    [TestMethod]
    public void Pr_close_comments_closes_and_deletes_the_remote_branch_with_gh_messages()
    {
        using var repo = new TempGitRepository();
        using var gh = new FakeGhEnvironment();
        gh.OpenPullRequest(repo, "feat/a", "A", ("a.txt", "a\n"));
        gh.OpenPullRequest(repo, "feat/b", "B", ("b.txt", "b\n"));
        gh.Configure(s => s["autoMergeMode"] = "immediate");
        Assert.IsTrue(gh.Gh(repo, "pr", "merge", "2", "--squash").Succeeded);

        var close = gh.Gh(repo, "pr", "close", "1", "--comment", "Superseded", "--delete-branch");
        var again = gh.Gh(repo, "pr", "close", "1");
        var merged = gh.Gh(repo, "pr", "close", "2");
        var none = gh.Gh(repo, "pr", "close");

        Assert.AreEqual((0, "✓ Closed pull request #1 (A)\n✓ Deleted branch feat/a\n"), (close.ExitCode, close.StandardError));
        Assert.IsFalse(repo.RemoteHas("feat/a"));
        Assert.AreEqual("Superseded", gh.View(repo, 1, "comments")["comments"]![0]!.Text("body"));
        Assert.AreEqual((0, "! Pull request #1 (A) is already closed\n"), (again.ExitCode, again.StandardError));
        Assert.AreEqual((1, "X Pull request #2 (B) can't be closed because it was already merged\n"), (merged.ExitCode, merged.StandardError));
        Assert.AreEqual(1, none.ExitCode);
        StringAssert.StartsWith(none.StandardError, "cannot close pull request: number, url, or branch required\n");
    }

    [TestMethod]
    [DataRow("pending")]
    [DataRow("checks")]
    public void A_draft_reads_as_a_draft_and_GitHub_refuses_auto_merge_on_it(string mode)
    {
        using var repo = new TempGitRepository();
        using var gh = new FakeGhEnvironment();
        gh.Configure(s => s["autoMergeMode"] = mode);
        gh.ChecksPassAfter(0);
        gh.OpenPullRequest(repo, "feat/a", "A", draft: true, ("a.txt", "a\n"));

        var view = gh.View(repo, 1, Fields);
        var auto = gh.Gh(repo, "pr", "merge", "1", "--auto", "--squash");

        Assert.AreEqual((true, "DRAFT"), (view["isDraft"]!.GetValue<bool>(), view.Text("mergeStateStatus")));
        Assert.AreEqual((1, "GraphQL: Pull request is in draft state (enablePullRequestAutoMerge)\n"), (auto.ExitCode, auto.StandardError));
        Assert.IsNull(gh.View(repo, 1, Fields)["autoMergeRequest"]);
        CollectionAssert.AreEqual(new[] { "initial commit" }, repo.OriginSubjects());
    }

    [TestMethod]
    public void Pr_ready_marks_a_draft_ready_and_says_so_once()
    {
        using var repo = new TempGitRepository();
        using var gh = new FakeGhEnvironment();
        gh.ChecksPassAfter(0);
        gh.OpenPullRequest(repo, "feat/a", "A", draft: true, ("a.txt", "a\n"));

        var ready = gh.Gh(repo, "pr", "ready", "1");
        var again = gh.Gh(repo, "pr", "ready", "1");
        var view = gh.View(repo, 1, Fields);

        Assert.AreEqual((0, "✓ Pull request #1 is marked as \"ready for review\"\n"), (ready.ExitCode, ready.StandardError));
        Assert.AreEqual((0, "! Pull request #1 is already \"ready for review\"\n"), (again.ExitCode, again.StandardError));
        Assert.AreEqual((false, "CLEAN"), (view["isDraft"]!.GetValue<bool>(), view.Text("mergeStateStatus")));
    }

    [TestMethod]
    public void Pr_ready_undo_turns_a_PR_back_into_a_draft_and_GitHub_turns_its_auto_merge_off()
    {
        using var repo = new TempGitRepository();
        using var gh = new FakeGhEnvironment();
        gh.OpenPullRequest(repo, "feat/a", "A", ("a.txt", "a\n"));
        Assert.IsTrue(gh.Gh(repo, "pr", "merge", "1", "--auto", "--squash").Succeeded);

        var undo = gh.Gh(repo, "pr", "ready", "1", "--undo");
        var again = gh.Gh(repo, "pr", "ready", "1", "--undo");
        var view = gh.View(repo, 1, Fields);
        gh.ClosePullRequest(repo.Path_, 1);
        var closed = gh.Gh(repo, "pr", "ready", "1");

        Assert.AreEqual((0, "✓ Pull request #1 is converted to \"draft\"\n"), (undo.ExitCode, undo.StandardError));
        Assert.AreEqual((0, "! Pull request #1 is already \"in draft\"\n"), (again.ExitCode, again.StandardError));
        Assert.IsTrue(view["isDraft"]!.GetValue<bool>());
        Assert.IsNull(view["autoMergeRequest"]);
        Assert.AreEqual((1, "X Pull request #1 is closed. Only draft pull requests can be marked as \"ready for review\"\n"), (closed.ExitCode, closed.StandardError));
    }

    [TestMethod]
    public void A_drafts_merge_state_can_read_UNKNOWN_as_GitHub_is_also_reported_to_answer()
    {
        using var repo = new TempGitRepository();
        using var gh = new FakeGhEnvironment();
        gh.DraftMergeStateReads("UNKNOWN");
        gh.OpenPullRequest(repo, "feat/a", "A", draft: true, ("a.txt", "a\n"));

        var view = gh.View(repo, 1, Fields);

        Assert.AreEqual((true, "UNKNOWN"), (view["isDraft"]!.GetValue<bool>(), view.Text("mergeStateStatus")));
    }

    [TestMethod]
    public void Pr_comment_posts_the_body_file_prints_the_comments_URL_and_edit_last_edits_it()
    {
        using var repo = new TempGitRepository();
        using var gh = new FakeGhEnvironment();
        gh.OpenPullRequest(repo, "feat/a", "A", ("a.txt", "a\n"));
        var body = Path.Combine(gh.Folder, "comment.md");
        File.WriteAllText(body, "Stopped: checks failed.\n");

        var comment = gh.Gh(repo, "pr", "comment", "1", "--body-file", body);
        var edit = gh.Gh(repo, "pr", "comment", "1", "--edit-last", "--body", "Stopped for good.");
        var comments = gh.View(repo, 1, "comments")["comments"]!.AsArray();

        Assert.AreEqual((0, "https://github.com/example/repo/pull/1#issuecomment-1000\n"), (comment.ExitCode, comment.StandardOutput));
        Assert.AreEqual(comment.StandardOutput, edit.StandardOutput);
        Assert.HasCount(1, comments);
        Assert.AreEqual(("Stopped for good.", "fake-user"), (comments[0]!.Text("body"), comments[0]!["author"]!.Text("login")));
    }

    [TestMethod]
    [DataRow("", "flags required when not running interactively")]
    [DataRow("--body|x|--body-file|f", "specify only one of `--body`, `--body-file`, `--editor`, or `--web`")]
    [DataRow("--body| ", "GraphQL: Body cannot be blank (addComment)")]
    [DataRow("--edit-last|--body|x", "no comments found for current user")]
    public void Pr_comment_refuses_what_gh_refuses(string arguments, string message)
    {
        using var repo = new TempGitRepository();
        using var gh = new FakeGhEnvironment();
        gh.OpenPullRequest(repo, "feat/a", "A", ("a.txt", "a\n"));

        var comment = gh.Gh(repo, ["pr", "comment", "1", .. arguments.Split('|', StringSplitOptions.RemoveEmptyEntries)]);

        Assert.AreEqual(1, comment.ExitCode);
        StringAssert.StartsWith(comment.StandardError, message + "\n");
        Assert.IsNull(gh.PullRequest(1)["comments"]);
    }

    [TestMethod]
    [DataRow("close|1|--force", "--force")]
    [DataRow("comment|1|--message|x", "--message")]
    [DataRow("ready|1|--draft", "--draft")]
    [DataRow("view|1|--checks", "--checks")]
    [DataRow("merge|1|--auto-merge", "--auto-merge")]
    public void Flags_the_real_gh_lacks_are_rejected_as_gh_rejects_them(string arguments, string flag)
    {
        using var repo = new TempGitRepository();
        using var gh = new FakeGhEnvironment();
        gh.OpenPullRequest(repo, "feat/a", "A", ("a.txt", "a\n"));
        var before = gh.State.ToJsonString();

        var result = gh.Gh(repo, ["pr", .. arguments.Split('|')]);

        Assert.AreEqual(1, result.ExitCode);
        StringAssert.StartsWith(result.StandardError, $"unknown flag: {flag}\n");
        Assert.AreEqual(before, gh.State.ToJsonString(), "nothing changed");
    }
}

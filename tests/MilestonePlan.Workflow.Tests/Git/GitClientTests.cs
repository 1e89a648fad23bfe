using MilestonePlan.Core.Model;
using MilestonePlan.Workflow.Git;
using MilestonePlan.Workflow.Processes;
using MilestonePlan.Workflow.Tests.Processes;
using MilestonePlan.Workflow.Tests.Support;

namespace MilestonePlan.Workflow.Tests.Git;

/// <summary>GitClient against real git in a temp repository with a bare origin.</summary>
[TestClass]
public sealed class GitClientTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(1);

    private static BranchName B(string name) => BranchName.TryCreate(name) ?? throw new ArgumentException(name);

    private static GitClient Client(TempGitRepository repo) => new(new ProcessRunner(), repo.Path_, Timeout);

    [TestMethod]
    public void A_fresh_clone_is_a_clean_work_tree_on_main_with_origin()
    {
        using var repo = new TempGitRepository();
        var git = Client(repo);

        Assert.IsTrue(git.IsInsideWorkTree());
        Assert.AreEqual(Path.GetFullPath(repo.Path_), Path.GetFullPath(git.TopLevel()));
        Assert.AreEqual("main", git.CurrentBranch());
        Assert.IsTrue(git.IsWorkTreeClean());
        Assert.IsTrue(git.HasRemote("origin"));
        Assert.IsFalse(git.HasRemote("upstream"));
        Assert.IsTrue(git.LocalBranchExists(B("main")));
        Assert.IsTrue(git.RemoteBranchExists(B("main")));
        Assert.IsFalse(git.LocalBranchExists(B("feat/m1-01-x")));
        Assert.IsFalse(git.RemoteBranchExists(B("feat/m1-01-x")));
        Assert.IsNotNull(git.ResolveCommit("main"));
        Assert.IsNull(git.ResolveCommit("no-such-branch"));
    }

    [TestMethod]
    public void A_folder_outside_any_repository_is_not_a_work_tree()
    {
        using var folder = new TempFolder();
        Assert.IsFalse(new GitClient(new ProcessRunner(), folder.Path, Timeout).IsInsideWorkTree());
    }

    [TestMethod]
    public void Modified_staged_and_untracked_files_make_the_tree_dirty()
    {
        using var repo = new TempGitRepository();
        var git = Client(repo);

        repo.Write("new file ü.txt", "x");
        Assert.IsFalse(git.IsWorkTreeClean());
        CollectionAssert.AreEqual(new[] { "?? new file ü.txt" }, git.Changes().ToArray());

        File.Delete(Path.Combine(repo.Path_, "new file ü.txt"));
        repo.Write("README.md", "changed\n");
        CollectionAssert.AreEqual(new[] { " M README.md" }, git.Changes().ToArray());

        repo.Git("add", "README.md");
        CollectionAssert.AreEqual(new[] { "M  README.md" }, git.Changes().ToArray());
    }

    [TestMethod]
    public void A_detached_HEAD_has_no_current_branch()
    {
        using var repo = new TempGitRepository();
        repo.Git("checkout", "--quiet", "--detach");

        Assert.IsNull(Client(repo).CurrentBranch());
    }

    [TestMethod]
    public void A_branch_created_from_main_is_pushed_with_upstream_and_the_checkout_stays()
    {
        using var repo = new TempGitRepository();
        var git = Client(repo);

        git.Fetch();
        git.CreateBranch(B("milestone/m1-core"), GitClient.RemoteTracking(B("main")));
        git.Push(B("milestone/m1-core"));

        Assert.IsTrue(git.LocalBranchExists(B("milestone/m1-core")));
        Assert.IsTrue(git.RemoteBranchExists(B("milestone/m1-core")));
        Assert.IsTrue(repo.RemoteHas("milestone/m1-core"));
        Assert.AreEqual("main", git.CurrentBranch());
        Assert.AreEqual("origin/milestone/m1-core", repo.Git("rev-parse", "--abbrev-ref", "milestone/m1-core@{upstream}").Trim());
        Assert.AreEqual(repo.Git("rev-parse", "main").Trim(), repo.GitOrigin("rev-parse", "refs/heads/milestone/m1-core").Trim());
    }

    [TestMethod]
    public void A_feature_branch_is_checked_out_committed_and_pushed()
    {
        using var repo = new TempGitRepository();
        var git = Client(repo);

        git.CheckoutNew(B("feat/m1-01-parser"), "main");
        repo.Write("src/Parser.cs", "class Parser { }\n");
        repo.CommitAll("parser");
        git.Push(B("feat/m1-01-parser"), setUpstream: true);

        Assert.AreEqual("feat/m1-01-parser", git.CurrentBranch());
        Assert.AreEqual(repo.Git("rev-parse", "HEAD").Trim(), repo.GitOrigin("rev-parse", "refs/heads/feat/m1-01-parser").Trim());
        git.Checkout(B("main"));
        Assert.AreEqual("main", git.CurrentBranch());
    }

    [TestMethod]
    public void Pushing_main_is_refused_before_git_runs()
    {
        using var repo = new TempGitRepository();
        repo.Write("README.md", "local change\n");
        repo.CommitAll("local");
        var before = repo.GitOrigin("rev-parse", "refs/heads/main");

        var error = Assert.ThrowsExactly<WorkflowException>(() => Client(repo).Push(B("main"), setUpstream: false));

        Assert.AreEqual("MP9001", error.Rule.Id);
        StringAssert.Contains(error.Message, "refusing to push 'main'");
        Assert.AreEqual(before, repo.GitOrigin("rev-parse", "refs/heads/main"));
    }

    [TestMethod]
    public void A_missing_remote_is_detected_and_commands_needing_it_fail_with_gits_stderr()
    {
        using var repo = new TempGitRepository();
        repo.Git("remote", "remove", "origin");
        var git = Client(repo);

        Assert.IsFalse(git.HasRemote("origin"));
        var fetch = Assert.ThrowsExactly<WorkflowException>(() => git.Fetch());
        StringAssert.Contains(fetch.Message, "git fetch --quiet origin");
        StringAssert.Contains(fetch.Message, "'origin' does not appear to be a git repository");
        // Not knowing is not "no": a remote that cannot be asked is an error, not a missing branch.
        Assert.ThrowsExactly<WorkflowException>(() => git.RemoteBranchExists(B("main")));
    }

    [TestMethod]
    public void Merge_conflicts_are_found_without_touching_the_work_tree()
    {
        using var repo = new TempGitRepository();
        repo.Write("shared ü.txt", "base\n");
        repo.Write("other.txt", "base\n");
        repo.CommitAll("base");
        repo.Git("checkout", "--quiet", "-b", "feat/conflict");
        repo.Write("shared ü.txt", "feature\n");
        repo.CommitAll("feature side");
        repo.Git("checkout", "--quiet", "-b", "feat/clean", "main");
        repo.Write("other.txt", "clean change\n");
        repo.CommitAll("clean side");
        repo.Git("checkout", "--quiet", "main");
        repo.Write("shared ü.txt", "main\n");
        repo.CommitAll("main side");
        var git = Client(repo);
        var before = repo.Snapshot();

        Assert.IsTrue(git.HasMergeConflict("main", "feat/conflict"));
        CollectionAssert.AreEqual(new[] { "shared ü.txt" }, git.ConflictedFiles("main", "feat/conflict").ToArray());
        Assert.IsFalse(git.HasMergeConflict("main", "feat/clean"));
        Assert.AreEqual(before, repo.Snapshot());
        // git exits 1 for both "conflict" and "unknown revision"; the second must not read as either answer.
        var error = Assert.ThrowsExactly<WorkflowException>(() => git.HasMergeConflict("main", "no-such-branch"));
        StringAssert.Contains(error.Message, "no-such-branch");
    }

    [TestMethod]
    public void Name_status_and_numstat_cover_add_modify_delete_rename_binary_and_odd_names()
    {
        using var repo = new TempGitRepository();
        repo.Write("old/name.txt", string.Join("\n", Enumerable.Range(1, 20).Select(i => $"line {i}")) + "\n");
        repo.Write("gone.txt", "bye\n");
        repo.CommitAll("base", push: true);
        repo.Git("checkout", "--quiet", "-b", "feat/m1-01-x");
        Directory.CreateDirectory(Path.Combine(repo.Path_, "new"));
        repo.Git("mv", "old/name.txt", "new/name.txt");
        File.Delete(Path.Combine(repo.Path_, "gone.txt"));
        repo.Write("README.md", "# changed\n");
        repo.Write("src/new file ü.cs", "a\nb\nc\n");
        File.WriteAllBytes(Path.Combine(repo.Path_, "image.bin"), [0, 1, 2, 0, 255]);
        repo.CommitAll("feature");
        var git = Client(repo);

        var status = git.DiffNameStatus("main", "feat/m1-01-x").OrderBy(s => s.Path, StringComparer.Ordinal).ToList();
        var counts = git.DiffNumStat("main", "feat/m1-01-x").OrderBy(s => s.Path, StringComparer.Ordinal).ToList();

        CollectionAssert.AreEqual(new[]
        {
            new GitFileStatus('M', "README.md"),
            new GitFileStatus('D', "gone.txt"),
            new GitFileStatus('A', "image.bin"),
            new GitFileStatus('R', "new/name.txt", "old/name.txt", 100),
            new GitFileStatus('A', "src/new file ü.cs"),
        }, status);
        CollectionAssert.AreEqual(new[]
        {
            new GitLineCount("README.md", 1, 1, false),
            new GitLineCount("gone.txt", 0, 1, false),
            new GitLineCount("image.bin", 0, 0, true),
            new GitLineCount("new/name.txt", 0, 0, false, "old/name.txt"),
            new GitLineCount("src/new file ü.cs", 3, 0, false),
        }, counts);
    }

    [TestMethod]
    public void Show_returns_the_stored_bytes_null_for_a_missing_file_and_fails_for_a_missing_revision()
    {
        using var repo = new TempGitRepository();
        const string content = "\uFEFFnamespace X;\r\n// ü ✓\r\nclass Y { }";
        File.WriteAllText(Path.Combine(repo.Path_, "Y.cs"), content, new System.Text.UTF8Encoding(false));
        repo.CommitAll("y");
        var git = Client(repo);

        Assert.AreEqual(content, git.Show("HEAD", "Y.cs"));
        Assert.IsNull(git.Show("HEAD", "Missing.cs"));
        Assert.IsNull(git.Show("HEAD~1", "Y.cs"), "not there before it was added");
        Assert.ThrowsExactly<WorkflowException>(() => git.Show("no-such-branch", "Y.cs"));
    }

    [TestMethod]
    public void Ancestry_is_answered_and_an_unknown_revision_is_an_error()
    {
        using var repo = new TempGitRepository();
        repo.Git("checkout", "--quiet", "-b", "feat/x");
        repo.Write("x.txt", "x\n");
        repo.CommitAll("x");
        var git = Client(repo);

        Assert.IsTrue(git.IsAncestor("main", "feat/x"));
        Assert.IsFalse(git.IsAncestor("feat/x", "main"));
        Assert.ThrowsExactly<WorkflowException>(() => git.IsAncestor("no-such-branch", "main"));
    }

    [TestMethod]
    public void An_annotated_tag_is_created_and_pushed()
    {
        using var repo = new TempGitRepository();
        var git = Client(repo);

        git.CreateTag("v0.1.0", "main", "M1: first milestone ü");
        git.PushTag("v0.1.0");

        Assert.AreEqual("tag\n", repo.Git("cat-file", "-t", "v0.1.0"));
        Assert.IsTrue(git.RemoteTagExists("v0.1.0"));
        Assert.IsFalse(git.RemoteTagExists("v0.2.0"));
        Assert.AreEqual(repo.Git("rev-parse", "v0.1.0").Trim(), repo.GitOrigin("rev-parse", "refs/tags/v0.1.0").Trim());
    }

    [TestMethod]
    public void Pull_fast_forwards_and_refuses_a_diverged_branch_with_gits_reason()
    {
        using var repo = new TempGitRepository();
        var other = Path.Combine(repo.Root, "other");
        repo.GitIn(repo.Root, "clone", "--quiet", repo.Origin, other);
        repo.GitIn(other, "-c", "user.name=Other", "-c", "user.email=other@example.invalid", "commit", "--quiet", "--allow-empty", "-m", "upstream work");
        repo.GitIn(other, "push", "--quiet", "origin", "main");
        var git = Client(repo);

        git.Fetch();
        git.PullFastForward(B("main"));
        Assert.AreEqual(repo.GitIn(other, "rev-parse", "HEAD"), repo.Git("rev-parse", "HEAD"));

        repo.GitIn(other, "-c", "user.name=Other", "-c", "user.email=other@example.invalid", "commit", "--quiet", "--allow-empty", "-m", "more");
        repo.GitIn(other, "push", "--quiet", "origin", "main");
        repo.Write("local.txt", "diverge\n");
        repo.CommitAll("local");
        var error = Assert.ThrowsExactly<WorkflowException>(() => git.PullFastForward(B("main")));
        StringAssert.Contains(error.Message, "git pull --ff-only --quiet origin refs/heads/main");
        StringAssert.Contains(error.Message, "fast-forward");
    }

    [TestMethod]
    public void A_dry_run_prints_the_changing_commands_and_runs_none()
    {
        using var repo = new TempGitRepository();
        var said = new List<string>();
        IGit git = new DryRunGit(Client(repo), said.Add);
        var before = repo.Snapshot();

        git.CreateBranch(B("feat/m1-01-x"), "main");
        git.Push(B("feat/m1-01-x"));
        git.CreateTag("v0.1.0", "main", "tag message");

        Assert.AreEqual(before, repo.Snapshot());
        CollectionAssert.AreEqual(new[]
        {
            "would run: git branch feat/m1-01-x main",
            "would run: git push --quiet -u origin refs/heads/feat/m1-01-x:refs/heads/feat/m1-01-x",
            "would run: git tag --annotate v0.1.0 --message \"tag message\" main",
        }, said);
        Assert.IsFalse(git.LocalBranchExists(B("feat/m1-01-x")), "questions still run in a dry run");
    }

    [TestMethod]
    public void A_missing_git_is_an_MP9001_error_naming_git()
    {
        using var folder = new TempFolder();
        var git = new GitClient(new EnvironmentRunner(new Dictionary<string, string> { ["PATH"] = folder.Path }), folder.Path, Timeout);

        var error = Assert.ThrowsExactly<WorkflowException>(() => git.IsInsideWorkTree());

        Assert.AreEqual("MP9001", error.Rule.Id);
        StringAssert.Contains(error.Message, "git was not found on PATH");
    }

    [TestMethod]
    public void A_change_too_large_to_read_as_a_patch_fails_closed()
    {
        // An agent's change of a few hundred kilobytes against a 64 KiB limit stands for a multi-gigabyte one against
        // the real 64 MiB: the patch the secret scanner reads is not judged on a part, the submit stops with the reason.
        using var repo = new TempGitRepository();
        repo.Write("README.md", "base\n");
        repo.CommitAll("base", push: true);
        repo.Git("checkout", "--quiet", "-b", "feat/m1-01-big");
        repo.Write("data/generated.txt", string.Concat(Enumerable.Repeat("line of generated data 0123456789\n", 10_000)));
        repo.CommitAll("big");
        var git = new GitClient(new ProcessRunner(maxOutputBytes: 64 * 1024), repo.Path_, Timeout);

        var e = Assert.ThrowsExactly<Workflow.WorkflowException>(() => git.DiffAddedLines("main", "HEAD"));

        StringAssert.Contains(e.Message, "wrote more than 0.06 MiB of output and was ended");
        Assert.HasCount(1, Client(repo).DiffAddedLines("main", "HEAD"), "under the real limit the same patch is read");
    }
}

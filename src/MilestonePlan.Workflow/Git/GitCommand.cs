using MilestonePlan.Core.Model;

namespace MilestonePlan.Workflow.Git;

/// <summary>
/// The argument lists of the git commands that change the repository, built in one place: <see cref="GitClient"/>
/// runs them and <see cref="DryRunGit"/> prints them, so what a dry run prints is what a real run would run.
/// </summary>
internal static class GitCommand
{
    public static string[] Add(IReadOnlyList<string> paths) => ["add", "--all", "--", .. paths];

    public static string[] AddAll() => ["add", "--all"];

    public static string[] Stash(string message) => ["stash", "push", "--include-untracked", "--message", message];

    /// <summary>One -m per paragraph, never a shell; hooks skipped (the workflow's checks are its own).</summary>
    public static string[] Commit(IReadOnlyList<string> paragraphs) => ["commit", "--quiet", "--no-verify", .. paragraphs.SelectMany(p => new[] { "-m", p })];

    /// <summary>What a dry run has always shown for a merge (the real one adds --quiet and --no-verify).</summary>
    public static string[] MergeShown(string revision) => ["merge", "--no-edit", revision];

    public static string[] Merge(string revision) => ["merge", "--quiet", "--no-edit", "--no-verify", revision];

    public static string[] Fetch(string remote) => ["fetch", "--quiet", remote];

    public static string[] CreateBranch(BranchName branch, string startPoint) => ["branch", branch.Value, startPoint];

    public static string[] Checkout(BranchName branch) => ["checkout", "--quiet", branch.Value, "--"];

    public static string[] CheckoutNew(BranchName branch, string startPoint) => ["checkout", "--quiet", "-b", branch.Value, startPoint, "--"];

    /// <summary>A second work tree at <paramref name="path"/> (absolute, chosen by the workflow) with a detached HEAD at a commit id; the branch is checked out in it next.</summary>
    public static string[] AddWorktree(string path, string commit) => ["worktree", "add", "--quiet", "--detach", path, commit];

    /// <summary>Refused by git when the work tree has uncommitted changes: nothing of an agent's work is thrown away.</summary>
    public static string[] RemoveWorktree(string path) => ["worktree", "remove", path];

    public static string[] PruneWorktrees() => ["worktree", "prune"];

    public static string[] PullFastForward(BranchName branch, string remote) => ["pull", "--ff-only", "--quiet", remote, branch.FullRef];

    /// <summary>Named in full (`refs/heads/X:refs/heads/X`), never forced.</summary>
    public static string[] Push(BranchName branch, bool setUpstream, string remote) =>
        setUpstream ? ["push", "--quiet", "-u", remote, branch.PushRefspec] : ["push", "--quiet", remote, branch.PushRefspec];

    /// <summary>An annotated tag (it records who tagged and when, unlike a lightweight one).</summary>
    public static string[] CreateTag(string tag, string commit, string message) => ["tag", "--annotate", tag, "--message", message, commit];

    public static string[] PushTag(string tag, string remote) => ["push", "--quiet", remote, $"refs/tags/{tag}:refs/tags/{tag}"];

    public static string[] UpdateRef(string reference, string newValue, string oldValue, string message) =>
        ["update-ref", "-m", message, reference, newValue, oldValue];

    /// <summary>
    /// Main, master and the remote's default branch are never pushed to (PRODUCT.md section 7): refused by the real
    /// client and by a dry run alike, so a dry run does not promise a push the real run would refuse.
    /// </summary>
    public static void RefusePushTo(BranchName branch, BranchName? defaultBranch)
    {
        if (branch.IsMainLine || (defaultBranch is { } main && string.Equals(main.Value, branch.Value, StringComparison.OrdinalIgnoreCase)))
        {
            throw WorkflowException.Tool($"refusing to push '{branch}': the workflow never pushes to main, master or the repository's default branch");
        }
    }
}

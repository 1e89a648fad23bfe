using MilestonePlan.Core.Model;
using MilestonePlan.Workflow.Processes;

namespace MilestonePlan.Workflow.Git;

/// <summary>
/// A dry run's git: every question goes to the real git (a dry run shows what this repository would do), every
/// change is printed as the exact command line (`would run: git ...`, the argument lists of <see cref="GitCommand"/>)
/// and not run. The refusals that do not depend on the change having happened (never push to main) still hold.
/// </summary>
internal sealed class DryRunGit(IGit git, Action<string> say) : IGit
{
    public string Repository => git.Repository;

    public bool IsInsideWorkTree() => git.IsInsideWorkTree();

    public Version? Version() => git.Version();

    public string TopLevel() => git.TopLevel();

    public string? GitDirectory() => git.GitDirectory();

    public string? CurrentBranch() => git.CurrentBranch();

    public string? ResolveCommit(string revision) => git.ResolveCommit(revision);

    public IReadOnlyList<string> Changes() => git.Changes();

    public bool IsWorkTreeClean() => git.IsWorkTreeClean();

    public bool HasRemote(string name) => git.HasRemote(name);

    public bool LocalBranchExists(BranchName branch) => git.LocalBranchExists(branch);

    public bool RemoteBranchExists(BranchName branch, string remote = "origin") => git.RemoteBranchExists(branch, remote);

    public bool RemoteTagExists(string tag, string remote = "origin") => git.RemoteTagExists(tag, remote);

    public BranchName? DefaultBranch(string remote = "origin") => git.DefaultBranch(remote);

    public bool HasStagedChanges() => git.HasStagedChanges();

    public string? ResolveTree(string revision) => git.ResolveTree(revision);

    public string Head() => git.Head();

    public bool IsAncestor(string ancestor, string descendant) => git.IsAncestor(ancestor, descendant);

    public bool HasMergeConflict(string baseRef, string head) => git.HasMergeConflict(baseRef, head);

    public IReadOnlyList<string> ConflictedFiles(string baseRef, string head) => git.ConflictedFiles(baseRef, head);

    public string Diff(string baseRef, string head, params string[] options) => git.Diff(baseRef, head, options);

    public IReadOnlyList<GitFileStatus> DiffNameStatus(string baseRef, string head) => git.DiffNameStatus(baseRef, head);

    public IReadOnlyList<GitLineCount> DiffNumStat(string baseRef, string head) => git.DiffNumStat(baseRef, head);

    public IReadOnlyList<GitFileMode> DiffRaw(string baseRef, string head) => git.DiffRaw(baseRef, head);

    public Dictionary<string, List<(int Line, string Text)>> DiffAddedLines(string baseRef, string head) => git.DiffAddedLines(baseRef, head);

    public string? Show(string revision, string path) => git.Show(revision, path);

    public IReadOnlyList<(string Commit, IReadOnlyList<string> Parents)> CommitsBetween(string baseRef, string head) => git.CommitsBetween(baseRef, head);

    public string CommitMessage(string commit) => git.CommitMessage(commit);

    public Dictionary<string, List<(int Line, string Text)>> CommitAddedLines(string? parent, string commit) => git.CommitAddedLines(parent, commit);

    public void Fetch(string remote = "origin") => Print(GitCommand.Fetch(remote));

    public void CreateBranch(BranchName branch, string startPoint) => Print(GitCommand.CreateBranch(branch, startPoint));

    public void Checkout(BranchName branch) => Print(GitCommand.Checkout(branch));

    public void CheckoutNew(BranchName branch, string startPoint) => Print(GitCommand.CheckoutNew(branch, startPoint));

    public IReadOnlyList<(string Path, string? Branch)> Worktrees() => git.Worktrees();

    public void AddWorktree(string path, string commit) => Print(GitCommand.AddWorktree(path, commit));

    public void RemoveWorktree(string path) => Print(GitCommand.RemoveWorktree(path));

    public void PruneWorktrees() => Print(GitCommand.PruneWorktrees());

    public void PullFastForward(BranchName branch, string remote = "origin") => Print(GitCommand.PullFastForward(branch, remote));

    public void Push(BranchName branch) => Push(branch, setUpstream: true);

    public void Push(BranchName branch, bool setUpstream, string remote = "origin")
    {
        GitCommand.RefusePushTo(branch, git.DefaultBranch(remote));
        Print(GitCommand.Push(branch, setUpstream, remote));
    }

    public void CreateTag(string tag, string commit, string message) => Print(GitCommand.CreateTag(tag, commit, message));

    public void PushTag(string tag, string remote = "origin") => Print(GitCommand.PushTag(tag, remote));

    public void Add(IReadOnlyList<string> paths)
    {
        if (paths.Count > 0)
        {
            Print(GitCommand.Add(paths));
        }
    }

    public void AddAll() => Print(GitCommand.AddAll());

    /// <summary>Like the real stash: nothing to keep is false; otherwise the stash is printed and "kept".</summary>
    public bool StashAll(string message)
    {
        if (git.IsWorkTreeClean())
        {
            return false;
        }

        Print(GitCommand.Stash(message));
        return true;
    }

    /// <summary>
    /// Printed without the real client's refusal to commit on a main line: in a dry run nothing was checked out, so
    /// the branch git names is not the one the commit would land on.
    /// </summary>
    public void Commit(IReadOnlyList<string> paragraphs) => Print(GitCommand.Commit(paragraphs));

    /// <summary>A dry run cannot know whether the merge would conflict (nothing was checked out): it says the merge and goes on.</summary>
    public bool TryMerge(string revision)
    {
        Print(GitCommand.MergeShown(revision));
        return true;
    }

    public void UpdateRef(string reference, string newValue, string oldValue, string message) =>
        Print(GitCommand.UpdateRef(reference, newValue, oldValue, message));

    private void Print(string[] arguments) => say("would run: " + CommandLine.Display("git", arguments));
}

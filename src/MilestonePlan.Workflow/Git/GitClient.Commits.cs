using MilestonePlan.Core.Model;

namespace MilestonePlan.Workflow.Git;

/// <summary>Commits and merges: the only place the workflow records work in git.</summary>
internal sealed partial class GitClient
{
    /// <summary>Stages exactly these paths (after `--`, so no path is read as an option); others are left alone.</summary>
    public void Add(IReadOnlyList<string> paths)
    {
        if (paths.Count > 0)
        {
            Mutate(GitCommand.Add(paths));
        }
    }

    /// <summary>Stages every change of the work tree, new files included (ignored files stay out).</summary>
    public void AddAll() => Mutate(GitCommand.AddAll());

    /// <summary>
    /// Puts every uncommitted change, new files included, in the stash under <paramref name="message"/> (kept, never
    /// pushed; the work tree is clean after). False when there was nothing to keep.
    /// </summary>
    public bool StashAll(string message)
    {
        if (IsWorkTreeClean())
        {
            return false;
        }

        Mutate(GitCommand.Stash(message));
        return true;
    }

    /// <summary>True when the index holds something to commit.</summary>
    public bool HasStagedChanges()
    {
        string[] arguments = ["diff", "--cached", "--quiet"];
        return !Answer(arguments, TryRun(arguments), no: 1);
    }

    /// <summary>
    /// Commits the index on the checked-out branch, refusing main lines and the default branch as the push does: no
    /// workflow commit ever lands on them. The message is given as arguments (one -m per paragraph), never a shell.
    /// Hooks are skipped (`--no-verify`): the workflow's checks are its own, and a repository's hook is not run unasked.
    /// </summary>
    public void Commit(IReadOnlyList<string> paragraphs)
    {
        var branch = CurrentBranch() is { } name ? BranchName.TryCreate(name) : null;
        if ((branch is null || branch.IsMainLine
            || (DefaultBranch() is { } main && string.Equals(main.Value, branch.Value, StringComparison.OrdinalIgnoreCase))))
        {
            throw WorkflowException.Tool($"refusing to commit on '{branch?.Value ?? "a detached HEAD"}': the workflow commits only on its own branches");
        }

        Mutate(GitCommand.Commit(paragraphs));
    }

    /// <summary>
    /// Merges <paramref name="revision"/> into the checked-out branch (a fast-forward when it can, a merge commit when
    /// not; never a rebase, so nothing already pushed is rewritten). On a conflict the merge is undone and false is
    /// returned: the work tree is left as it was.
    /// </summary>
    public bool TryMerge(string revision)
    {
        var result = TryRun(GitCommand.Merge(revision));
        if (result.Succeeded)
        {
            return true;
        }

        if (result.NotFound || result.TimedOut)
        {
            throw Failure(["merge", revision], result);
        }

        Run("merge", "--abort");
        return false;
    }

    /// <summary>`git update-ref -m`: moves <paramref name="reference"/> only if it still points at <paramref name="oldValue"/>.</summary>
    public void UpdateRef(string reference, string newValue, string oldValue, string message) =>
        Mutate(GitCommand.UpdateRef(reference, newValue, oldValue, message));

    /// <summary>The tree a revision holds (same tree: same content, whatever the history).</summary>
    public string? ResolveTree(string revision)
    {
        string[] arguments = ["rev-parse", "--verify", "--quiet", "--end-of-options", revision + "^{tree}"];
        var result = TryRun(arguments);
        return Answer(arguments, result, no: 1) ? result.StandardOutput.Trim() : null;
    }

    /// <summary>The commit the checked-out branch points at.</summary>
    public string Head() => Run("rev-parse", "--verify", "HEAD^{commit}").StandardOutput.Trim();
}

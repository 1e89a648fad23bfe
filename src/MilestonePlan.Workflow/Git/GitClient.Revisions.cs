using MilestonePlan.Core.Model;
using MilestonePlan.Workflow.Processes;

namespace MilestonePlan.Workflow.Git;

/// <summary>Comparing revisions: ancestry, conflicts, and the -z diffs the change set is read from.</summary>
internal sealed partial class GitClient
{
    // ---- Comparing revisions ------------------------------------------------------------------------------------

    /// <summary>True when <paramref name="ancestor"/> is reachable from <paramref name="descendant"/>; throws for an unknown revision.</summary>
    public bool IsAncestor(string ancestor, string descendant)
    {
        string[] arguments = ["merge-base", "--is-ancestor", ancestor, descendant];
        return Answer(arguments, TryRun(arguments), no: 1);
    }

    /// <summary>True when merging <paramref name="head"/> into <paramref name="baseRef"/> would conflict.</summary>
    public bool HasMergeConflict(string baseRef, string head) => ConflictedFiles(baseRef, head).Count > 0;

    /// <summary>
    /// The files a merge of <paramref name="head"/> into <paramref name="baseRef"/> would leave conflicted, computed by
    /// `merge-tree --write-tree` (git 2.38+) without touching the work tree or the index.
    /// </summary>
    public IReadOnlyList<string> ConflictedFiles(string baseRef, string head)
    {
        // Asked once: older git has no conflict check that leaves the work tree and the index alone, so the step is
        // refused with the version rather than failing with git's usage text.
        if (Version() is { } version && version < MinimumForConflictCheck)
        {
            throw WorkflowException.Tool($"git {version} cannot check for merge conflicts without touching the work tree "
                + $"(`git merge-tree --write-tree` needs git {MinimumForConflictCheck} or later); upgrade git — nothing was submitted");
        }

        string[] arguments = ["merge-tree", "--write-tree", "--name-only", "--no-messages", "-z", baseRef, head];
        var result = TryRun(arguments);
        // Exit 1 means "conflicts" only when a tree was written; git also exits 1 for a revision it cannot resolve.
        if (result.Succeeded || (result.ExitCode == 1 && !result.TimedOut && GitOutput.StartsWithObjectId(result.StandardOutput)))
        {
            return result.Succeeded ? [] : GitOutput.ConflictedPaths(result.StandardOutput);
        }

        throw Failure(arguments, result);
    }

    /// <summary>Raw `git diff` output of what <paramref name="head"/> changed since it left <paramref name="baseRef"/> (three dots).</summary>
    public string Diff(string baseRef, string head, params string[] options) =>
        Run(["diff", .. options, baseRef + "..." + head, "--"]).StandardOutput;

    /// <summary>Files <paramref name="head"/> changed since its merge base with <paramref name="baseRef"/> (what a PR shows), renames detected.</summary>
    public IReadOnlyList<GitFileStatus> DiffNameStatus(string baseRef, string head) =>
        GitOutput.NameStatus(Diff(baseRef, head, "--name-status", "-z", "--find-renames", "--no-ext-diff"));

    /// <summary>Lines added and removed per file over the same range as <see cref="DiffNameStatus"/>; binary files flagged.</summary>
    public IReadOnlyList<GitLineCount> DiffNumStat(string baseRef, string head) =>
        GitOutput.NumStat(Diff(baseRef, head, "--numstat", "-z", "--find-renames", "--no-ext-diff"));

    /// <summary>Modes before and after per file over the same range as <see cref="DiffNameStatus"/> (symlinks, submodules, executables).</summary>
    public IReadOnlyList<GitFileMode> DiffRaw(string baseRef, string head) =>
        GitOutput.Raw(Diff(baseRef, head, "--raw", "-z", "--find-renames", "--no-ext-diff", "--abbrev=40"));

    /// <summary>
    /// Added lines per new path over the same range. `--text` and `--no-textconv`: a `.gitattributes` of the branch
    /// that marks a file binary, or a diff driver, must not hide an added line from the secret scanner.
    /// </summary>
    public Dictionary<string, List<(int Line, string Text)>> DiffAddedLines(string baseRef, string head) =>
        GitPatch.AddedLines(Diff(baseRef, head, "-U0", "--text", "--no-textconv", "--no-ext-diff", "--no-color", "--find-renames",
            "--src-prefix=a/", "--dst-prefix=b/"));

    /// <summary>
    /// A file's content at a revision exactly as stored (no filters, line endings and BOM kept), or null when the file
    /// does not exist there. An unknown revision throws: "no such file" must not hide "no such branch".
    /// </summary>
    public string? Show(string revision, string path)
    {
        var spec = revision + ":" + path.Replace('\\', '/');
        string[] arguments = ["cat-file", "blob", spec];
        var result = TryRun(arguments);
        if (result.Succeeded)
        {
            return result.StandardOutput;
        }

        if (result.NotFound || result.TimedOut || ResolveCommit(revision) is null)
        {
            throw Failure(arguments, result);
        }

        return null;
    }
}

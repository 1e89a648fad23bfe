using MilestonePlan.Workflow.Processes;

namespace MilestonePlan.Workflow.Git;

/// <summary>The commits a push publishes: each one's message and the lines it added, not only the branch's net diff.</summary>
internal sealed partial class GitClient
{
    /// <summary>More commits than this between the base and the branch are not read one by one: the submit stops instead.</summary>
    public const int MaxPublishedCommits = 1_000;

    /// <summary>
    /// The commits of <paramref name="head"/> not in <paramref name="baseRef"/> (what `git push` sends), oldest first,
    /// each with its parents. More than <see cref="MaxPublishedCommits"/> fails closed.
    /// </summary>
    public IReadOnlyList<(string Commit, IReadOnlyList<string> Parents)> CommitsBetween(string baseRef, string head)
    {
        var output = Run("rev-list", "--reverse", "--topo-order", "--parents", "--max-count=" + (MaxPublishedCommits + 1), baseRef + ".." + head, "--").StandardOutput;
        var commits = output.Split(['\n'], StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Trim().Split(' '))
            .Select(ids => (ids[0], (IReadOnlyList<string>)ids.Skip(1).ToList()))
            .ToList();
        if (commits.Count > MaxPublishedCommits)
        {
            throw WorkflowException.Tool($"the branch holds more than {MaxPublishedCommits:N0} commits not in the base; they are not all checked for secrets, so nothing was submitted");
        }

        return commits;
    }

    /// <summary>A commit's message exactly as stored (the raw object after its headers).</summary>
    public string CommitMessage(string commit)
    {
        var raw = Run("cat-file", "commit", commit).StandardOutput;
        var blank = raw.IndexOf("\n\n", StringComparison.Ordinal);
        return blank < 0 ? string.Empty : raw.Substring(blank + 2);
    }

    /// <summary>
    /// The lines <paramref name="commit"/> added against <paramref name="parent"/> (null: a root commit, against nothing),
    /// read like the branch diff: `-U0 --text --no-textconv`, so no attribute or driver hides a line.
    /// </summary>
    public Dictionary<string, List<(int Line, string Text)>> CommitAddedLines(string? parent, string commit)
    {
        string[] options = ["-r", "-p", "-U0", "--text", "--no-textconv", "--no-ext-diff", "--no-color", "--find-renames", "--src-prefix=a/", "--dst-prefix=b/"];
        var arguments = parent is null ? ["diff-tree", .. options, "--root", commit, "--"] : new[] { "diff-tree" }.Concat(options).Concat([parent, commit, "--"]).ToArray();
        return GitPatch.AddedLines(Run(arguments).StandardOutput);
    }
}

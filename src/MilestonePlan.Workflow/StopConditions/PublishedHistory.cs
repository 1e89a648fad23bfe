using MilestonePlan.Workflow.Git;

namespace MilestonePlan.Workflow.StopConditions;

/// <summary>
/// What `git push` publishes is every commit between the base and the branch, with its message, not the net diff: a
/// token added in one commit and deleted in the next leaves a clean diff and the token on origin. This reads each
/// commit; the classifier scans them (<see cref="HistorySecrets"/>).
/// </summary>
internal static class PublishedHistory
{
    public static IReadOnlyList<PublishedCommit> Load(IGit git, string baseRef, string head)
    {
        var commits = new List<PublishedCommit>();
        foreach (var (commit, parents) in git.CommitsBetween(baseRef, head))
        {
            commits.Add(new PublishedCommit(commit, git.CommitMessage(commit), AddedLines(git, commit, parents)));
        }

        return commits;
    }

    /// <summary>
    /// A merge adds only what none of its parents had (its conflict resolutions, an "evil merge"): the lines it adds
    /// against every parent. The other parents' own commits are scanned one by one when they are new, and are already
    /// published when they come from the base.
    /// </summary>
    private static Dictionary<string, List<(int Line, string Text)>> AddedLines(IGit git, string commit, IReadOnlyList<string> parents)
    {
        if (parents.Count <= 1)
        {
            return git.CommitAddedLines(parents.Count == 0 ? null : parents[0], commit);
        }

        var perParent = parents.Select(p => git.CommitAddedLines(p, commit)).ToList();
        var result = new Dictionary<string, List<(int, string)>>(StringComparer.Ordinal);
        foreach (var file in perParent[0])
        {
            var kept = file.Value.Where(l => perParent.Skip(1).All(other => other.TryGetValue(file.Key, out var o) && o.Any(x => x.Text == l.Text))).ToList();
            if (kept.Count > 0)
            {
                result[file.Key] = kept;
            }
        }

        return result;
    }
}

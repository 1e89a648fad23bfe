using MilestonePlan.Workflow.Git;

namespace MilestonePlan.Workflow.StopConditions;

/// <summary>
/// Builds a <see cref="ChangeSet"/> from git's NUL-separated outputs only (`--name-status -z`, `--numstat -z`,
/// `--raw -z`) and a `-U0 --text` patch read by hunk counts, so no file name (spaces, quotes, tabs, newlines,
/// non-ASCII, a leading dash) and no rename, deletion, mode change, symlink or submodule slips past the classifier.
/// </summary>
internal static class ChangeSetLoader
{
    private static readonly string[] ContentNeeded = [".cs", ".csproj", ".fsproj", ".vbproj", ".props", ".targets"];

    public static ChangeSet Load(IGit git, string baseRef, string head)
    {
        var counts = git.DiffNumStat(baseRef, head).GroupBy(c => c.Path, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var modes = git.DiffRaw(baseRef, head).GroupBy(m => m.Path, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var added = git.DiffAddedLines(baseRef, head);
        var files = new List<FileChange>();
        foreach (var status in git.DiffNameStatus(baseRef, head))
        {
            var kind = status.Status switch { 'A' => ChangeKind.Added, 'D' => ChangeKind.Deleted, 'R' => ChangeKind.Renamed, 'C' => ChangeKind.Added, _ => ChangeKind.Modified };
            var path = status.Path;
            var oldPath = status.OldPath ?? path;
            var count = counts.TryGetValue(path, out var c) ? c : null;
            var mode = modes.TryGetValue(path, out var m) ? m : null;
            var lines = added.TryGetValue(path, out var found) ? found : [];

            // Fail closed: lines git counted as added that the patch did not show are lines no scanner has seen.
            if (count is { IsBinary: false, Added: > 0 } && lines.Count == 0 && mode?.IsSubmodule != true)
            {
                throw WorkflowException.Tool($"the added lines of '{path}' could not be read from `git diff`; nothing was submitted");
            }

            var isText = mode is null || !(mode.IsSymbolicLink || mode.IsSubmodule);
            var needsContent = isText && ContentNeeded.Any(e => path.EndsWith(e, StringComparison.OrdinalIgnoreCase));
            files.Add(new FileChange(path, kind, count?.Added ?? 0, count?.Removed ?? 0, lines,
                needsContent && kind != ChangeKind.Added ? git.Show(baseRef, oldPath) : null,
                needsContent && kind != ChangeKind.Deleted ? git.Show(head, path) : null,
                status.OldPath,
                count?.IsBinary ?? false,
                mode?.OldMode,
                mode?.NewMode));
        }

        return new ChangeSet(baseRef, head, files, PublishedHistory.Load(git, baseRef, head));
    }
}

using System.Globalization;
using MilestonePlan.Workflow.Git;

namespace MilestonePlan.Workflow.StopConditions;

/// <summary>Builds a <see cref="ChangeSet"/> from git: `diff --name-status -M`, `--numstat`, `-U0` and `show`.</summary>
public static class ChangeSetLoader
{
    private static readonly string[] ContentNeeded = [".cs", ".csproj", ".fsproj", ".vbproj", ".props", ".targets"];

    public static ChangeSet Load(GitClient git, string baseRef, string head)
    {
        var counts = new Dictionary<string, (int Added, int Removed, bool Binary)>(StringComparer.Ordinal);
        foreach (var line in Lines(git.Diff(baseRef, head, "--numstat", "-M")))
        {
            var parts = line.Split('\t');
            if (parts.Length >= 3)
            {
                var binary = parts[0] == "-";
                counts[RenameTarget(parts[parts.Length - 1])] = (binary ? 0 : Int(parts[0]), binary ? 0 : Int(parts[1]), binary);
            }
        }

        var added = AddedLines(git.Diff(baseRef, head, "-U0", "--no-ext-diff", "-M"));
        var files = new List<FileChange>();
        foreach (var line in Lines(git.Diff(baseRef, head, "--name-status", "-M")))
        {
            var parts = line.Split('\t');
            var kind = parts[0][0] switch { 'A' => ChangeKind.Added, 'D' => ChangeKind.Deleted, 'R' => ChangeKind.Renamed, _ => ChangeKind.Modified };
            var path = parts[parts.Length - 1];
            var oldPath = kind == ChangeKind.Renamed ? parts[1] : path;
            var (a, r, binary) = counts.TryGetValue(path, out var c) ? c : (0, 0, false);
            var needsContent = ContentNeeded.Any(e => path.EndsWith(e, StringComparison.OrdinalIgnoreCase));
            files.Add(new FileChange(path, kind, a, r, added.TryGetValue(path, out var lines) ? lines : [],
                needsContent && kind != ChangeKind.Added ? git.Show(baseRef, oldPath) : null,
                needsContent && kind != ChangeKind.Deleted ? git.Show(head, path) : null,
                kind == ChangeKind.Renamed ? oldPath : null,
                binary));
        }

        return new ChangeSet(baseRef, head, files);
    }

    /// <summary>Added lines per file with their line numbers in the new version, from a `-U0` diff.</summary>
    internal static Dictionary<string, List<(int, string)>> AddedLines(string diff)
    {
        var result = new Dictionary<string, List<(int, string)>>(StringComparer.Ordinal);
        List<(int, string)>? current = null;
        var next = 0;
        foreach (var line in diff.Split('\n'))
        {
            if (line.StartsWith("+++ ", StringComparison.Ordinal))
            {
                var name = line.Substring(4);
                current = name == "/dev/null" ? null : result[name.StartsWith("b/", StringComparison.Ordinal) ? name.Substring(2) : name] = [];
            }
            else if (line.StartsWith("@@", StringComparison.Ordinal))
            {
                var plus = line.IndexOf('+');
                var end = line.IndexOfAny([',', ' '], plus);
                next = plus > 0 && end > plus ? Int(line.Substring(plus + 1, end - plus - 1)) : 0;
            }
            else if (current is not null && line.StartsWith("+", StringComparison.Ordinal))
            {
                current.Add((next++, line.Substring(1)));
            }
        }

        return result;
    }

    private static string RenameTarget(string path)
    {
        // numstat shows renames as `dir/{old => new}/file` or `old => new`.
        var arrow = path.IndexOf(" => ", StringComparison.Ordinal);
        if (arrow < 0)
        {
            return path;
        }

        var open = path.LastIndexOf('{', arrow);
        var close = path.IndexOf('}', arrow);
        return open >= 0 && close > arrow
            ? (path.Substring(0, open) + path.Substring(arrow + 4, close - arrow - 4) + path.Substring(close + 1)).Replace("//", "/")
            : path.Substring(arrow + 4);
    }

    private static IEnumerable<string> Lines(string text) => text.Split('\n').Where(l => l.Length > 0);

    private static int Int(string text) => int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : 0;
}

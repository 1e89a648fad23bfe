using System.Globalization;

namespace MilestonePlan.Workflow.Git;

/// <summary>Parsers for git's machine-readable (-z, NUL-separated) outputs. Pure, so they are tested on their own.</summary>
internal static class GitOutput
{
    /// <summary>`diff --name-status -z`: status, then one path, or two for renames and copies.</summary>
    public static IReadOnlyList<GitFileStatus> NameStatus(string output)
    {
        var fields = Fields(output);
        var result = new List<GitFileStatus>();
        for (var i = 0; i < fields.Count; i++)
        {
            var status = fields[i];
            if (status.Length == 0)
            {
                continue;
            }

            var letter = status[0];
            int? similarity = status.Length > 1 && int.TryParse(status.Substring(1), NumberStyles.None, CultureInfo.InvariantCulture, out var s)
                ? s
                : null;
            if (letter is 'R' or 'C')
            {
                if (i + 2 >= fields.Count)
                {
                    break;
                }

                result.Add(new GitFileStatus(letter, fields[i + 2], fields[i + 1], similarity));
                i += 2;
            }
            else if (i + 1 < fields.Count)
            {
                result.Add(new GitFileStatus(letter, fields[i + 1]));
                i += 1;
            }
        }

        return result;
    }

    /// <summary>
    /// `diff --numstat -z`: "added\tremoved\tpath" per file, or "added\tremoved\t" then old and new path for a rename;
    /// binary files show "-" for both counts.
    /// </summary>
    public static IReadOnlyList<GitLineCount> NumStat(string output)
    {
        var fields = Fields(output);
        var result = new List<GitLineCount>();
        for (var i = 0; i < fields.Count; i++)
        {
            var parts = fields[i].Split(['\t'], 3);
            if (parts.Length < 3)
            {
                continue;
            }

            var binary = parts[0] == "-" && parts[1] == "-";
            var added = binary ? 0 : Count(parts[0]);
            var removed = binary ? 0 : Count(parts[1]);
            if (parts[2].Length > 0)
            {
                result.Add(new GitLineCount(parts[2], added, removed, binary));
            }
            else if (i + 2 < fields.Count)
            {
                result.Add(new GitLineCount(fields[i + 2], added, removed, binary, fields[i + 1]));
                i += 2;
            }
        }

        return result;
    }

    /// <summary>
    /// `diff --raw -z`: ":oldmode newmode oldsha newsha status" then one path, or two for renames and copies. The modes
    /// tell symbolic links (120000) and submodules (160000) from files, which name and line counts cannot.
    /// </summary>
    public static IReadOnlyList<GitFileMode> Raw(string output)
    {
        var fields = Fields(output);
        var result = new List<GitFileMode>();
        for (var i = 0; i < fields.Count; i++)
        {
            var parts = fields[i].Split(' ');
            if (parts.Length < 5 || !parts[0].StartsWith(":", StringComparison.Ordinal) || parts[4].Length == 0 || i + 1 >= fields.Count)
            {
                continue;
            }

            var twoPaths = parts[4][0] is 'R' or 'C';
            if (twoPaths && i + 2 >= fields.Count)
            {
                break;
            }

            result.Add(new GitFileMode(twoPaths ? fields[i + 2] : fields[i + 1], parts[0].Substring(1), parts[1]));
            i += twoPaths ? 2 : 1;
        }

        return result;
    }

    /// <summary>`status --porcelain -z`: "XY path", and for a rename the original path as the next field.</summary>
    public static IReadOnlyList<string> PorcelainStatus(string output)
    {
        var fields = Fields(output);
        var result = new List<string>();
        for (var i = 0; i < fields.Count; i++)
        {
            var entry = fields[i];
            if (entry.Length < 3)
            {
                continue;
            }

            result.Add(entry);
            if (entry[0] is 'R' or 'C')
            {
                i++;
            }
        }

        return result;
    }

    /// <summary>`merge-tree --write-tree --name-only -z --no-messages`: the tree id, then each conflicted path.</summary>
    public static IReadOnlyList<string> ConflictedPaths(string output) =>
        Fields(output).Skip(1).Where(f => f.Length > 0).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>Whether the output starts with an object id: merge-tree prints one when it merged, with or without conflicts.</summary>
    public static bool StartsWithObjectId(string output)
    {
        var first = Fields(output).FirstOrDefault() ?? string.Empty;
        var line = first.Split('\n')[0].Trim();
        return line.Length is 40 or 64 && line.All(c => c is (>= '0' and <= '9') or (>= 'a' and <= 'f'));
    }

    /// <summary>`git version 2.39.5` (or `2.45.1.windows.1`, `2.39.3 (Apple Git-146)`) → 2.39.5; null when there is none.</summary>
    public static Version? Version(string output)
    {
        var words = output.Trim().Split(' ');
        if (words.Length < 3 || words[0] != "git" || words[1] != "version")
        {
            return null;
        }

        var parts = words[2].Split('.').TakeWhile(p => p.Length > 0 && p.All(c => c is >= '0' and <= '9')).Take(3).ToList();
        return parts.Count >= 2 && parts.All(p => int.TryParse(p, NumberStyles.None, CultureInfo.InvariantCulture, out _))
            ? new Version(int.Parse(parts[0], CultureInfo.InvariantCulture), int.Parse(parts[1], CultureInfo.InvariantCulture), parts.Count > 2 ? int.Parse(parts[2], CultureInfo.InvariantCulture) : 0)
            : null;
    }

    private static List<string> Fields(string output)
    {
        var fields = output.Split('\0').ToList();
        if (fields.Count > 0 && fields[fields.Count - 1].Length == 0)
        {
            fields.RemoveAt(fields.Count - 1);
        }

        return fields;
    }

    private static int Count(string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0;
}

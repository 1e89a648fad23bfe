using System.Text;
using System.Text.RegularExpressions;

namespace MilestonePlan.Workflow.StopConditions;

/// <summary>Repository-relative globs: `**` any folders, `*` within a folder name, `?` one character. Case-insensitive.</summary>
internal static class PathGlob
{
    private static readonly Dictionary<string, Regex> Cache = [];

    public static bool IsMatch(string glob, string path)
    {
        Regex regex;
        lock (Cache)
        {
            if (!Cache.TryGetValue(glob, out regex!))
            {
                Cache[glob] = regex = Compile(glob);
            }
        }

        // git's paths always use '/'; a backslash is part of a file name there, not a separator.
        return regex.IsMatch(path);
    }

    public static bool Any(IEnumerable<string> globs, string path) => globs.Any(g => IsMatch(g, path));

    private static Regex Compile(string glob)
    {
        var pattern = new StringBuilder("^");
        for (var i = 0; i < glob.Length; i++)
        {
            if (glob[i] == '*' && i + 1 < glob.Length && glob[i + 1] == '*')
            {
                // `**/` matches zero or more folders.
                var slash = i + 2 < glob.Length && glob[i + 2] == '/';
                pattern.Append(slash ? "(?:.*/)?" : ".*");
                i += slash ? 2 : 1;
            }
            else if (glob[i] == '*')
            {
                pattern.Append("[^/]*");
            }
            else if (glob[i] == '?')
            {
                pattern.Append("[^/]");
            }
            else
            {
                pattern.Append(Regex.Escape(glob[i].ToString()));
            }
        }

        // Singleline and \z: a file name may hold a newline, and it must neither stop `.*` nor end the match early.
        return new Regex(pattern.Append("\\z").ToString(), RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Singleline);
    }
}

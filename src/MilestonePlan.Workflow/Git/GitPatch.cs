using System.Globalization;
using System.Text;

namespace MilestonePlan.Workflow.Git;

/// <summary>
/// Reads the added lines of a `git diff -U0` patch. A patch header cannot be told from an added line by its text
/// (an added line `++ b/x` prints as `+++ b/x`), so hunks are read by the line counts of their `@@` headers, and file
/// names are unquoted from git's C-style quoting (tabs, newlines, quotes, backslashes and control characters).
/// </summary>
internal static class GitPatch
{
    /// <summary>Added lines per new path, with their line numbers in the new version; deleted files have none.</summary>
    public static Dictionary<string, List<(int Line, string Text)>> AddedLines(string patch)
    {
        var result = new Dictionary<string, List<(int, string)>>(StringComparer.Ordinal);
        List<(int, string)>? current = null;
        var lines = patch.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (line.StartsWith("diff --git ", StringComparison.Ordinal))
            {
                current = null;
            }
            else if (line.StartsWith("+++ ", StringComparison.Ordinal))
            {
                // git ends an unquoted name holding a space with a tab, so that patch(1) reads it whole.
                var raw = line.Substring(4);
                var name = Unquote(raw.EndsWith("\t", StringComparison.Ordinal) && !raw.StartsWith("\"", StringComparison.Ordinal) ? raw.Substring(0, raw.Length - 1) : raw);
                current = name == "/dev/null" ? null
                    : result[name.StartsWith("b/", StringComparison.Ordinal) ? name.Substring(2) : name] = [];
            }
            else if (line.StartsWith("@@ ", StringComparison.Ordinal) && Hunk(line) is var (removed, start, added))
            {
                // Exactly `removed` '-' lines and `added` '+' lines follow (no context with -U0), plus "\ No newline" notes.
                var next = start;
                while ((removed > 0 || added > 0) && i + 1 < lines.Length)
                {
                    var body = lines[++i];
                    if (body.StartsWith("\\", StringComparison.Ordinal))
                    {
                        continue;
                    }

                    if (body.StartsWith("-", StringComparison.Ordinal) && removed > 0)
                    {
                        removed--;
                    }
                    else if (body.StartsWith("+", StringComparison.Ordinal) && added > 0)
                    {
                        current?.Add((next++, body.Substring(1)));
                        added--;
                    }
                    else
                    {
                        break;
                    }
                }
            }
        }

        return result;
    }

    /// <summary>`@@ -a[,b] +c[,d] @@`: lines removed, first new line, lines added; null when it is not a hunk header.</summary>
    internal static (int Removed, int Start, int Added)? Hunk(string header)
    {
        var parts = header.Split(' ');
        if (parts.Length < 4 || parts[1].Length < 2 || parts[1][0] != '-' || parts[2].Length < 2 || parts[2][0] != '+')
        {
            return null;
        }

        return Range(parts[1].Substring(1)) is var (_, removed) && Range(parts[2].Substring(1)) is var (start, added)
            ? (removed, start, added)
            : null;
    }

    private static (int Start, int Count)? Range(string text)
    {
        var comma = text.IndexOf(',');
        var start = comma < 0 ? text : text.Substring(0, comma);
        var count = comma < 0 ? "1" : text.Substring(comma + 1);
        return int.TryParse(start, NumberStyles.None, CultureInfo.InvariantCulture, out var s)
            && int.TryParse(count, NumberStyles.None, CultureInfo.InvariantCulture, out var c)
            ? (s, c)
            : null;
    }

    /// <summary>git's quote_c_style undone: `"a\tb\303\251"` → `a	bé`. A name without quotes is returned as it is.</summary>
    public static string Unquote(string text)
    {
        if (text.Length < 2 || text[0] != '"' || text[text.Length - 1] != '"')
        {
            return text;
        }

        var bytes = new List<byte>(text.Length);
        for (var i = 1; i < text.Length - 1; i++)
        {
            var c = text[i];
            if (c != '\\' || i + 1 >= text.Length - 1)
            {
                // Characters git printed as they are (non-ASCII with core.quotepath=off): their UTF-8 bytes.
                var end = char.IsHighSurrogate(c) && i + 1 < text.Length - 1 ? 2 : 1;
                bytes.AddRange(Encoding.UTF8.GetBytes(text.Substring(i, end)));
                i += end - 1;
                continue;
            }

            var e = text[++i];
            switch (e)
            {
                case 'a': bytes.Add(7); break;
                case 'b': bytes.Add(8); break;
                case 't': bytes.Add(9); break;
                case 'n': bytes.Add(10); break;
                case 'v': bytes.Add(11); break;
                case 'f': bytes.Add(12); break;
                case 'r': bytes.Add(13); break;
                case >= '0' and <= '3' when i + 2 < text.Length - 1 && IsOctal(text[i + 1]) && IsOctal(text[i + 2]):
                    bytes.Add((byte)(((e - '0') << 6) | ((text[i + 1] - '0') << 3) | (text[i + 2] - '0')));
                    i += 2;
                    break;
                default: bytes.AddRange(Encoding.UTF8.GetBytes(e.ToString())); break;
            }
        }

        return Encoding.UTF8.GetString(bytes.ToArray());
    }

    private static bool IsOctal(char c) => c is >= '0' and <= '7';
}

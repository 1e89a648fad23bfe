using MilestonePlan.Core.Model;

namespace MilestonePlan.Core.Analysis;

/// <summary>Finds template placeholders in plan data: `{Issue Title}`, `m{n}`, `{N}`, `<short-name>`, `<ISSUE_NUMBER>`.</summary>
internal static class Placeholders
{
    private static readonly HashSet<string> HtmlTags = new(StringComparer.OrdinalIgnoreCase)
    {
        "br", "br/", "b", "i", "em", "strong", "code", "sub", "sup", "details", "summary", "p", "span", "div", "kbd", "hr", "hr/", "s", "u",
    };

    /// <summary>Each placeholder with its index inside <paramref name="raw"/>.</summary>
    public static IEnumerable<(string Text, int Index)> Find(string raw) =>
        MayHold(raw) ? FindIn(raw) : [];

    public static bool Any(TextCell? cell) => cell is not null && MayHold(cell.Raw) && FindIn(cell.Raw).Any();

    /// <summary>Most cells hold neither bracket: no iterator for them (this runs for every cell rules look at).</summary>
    private static bool MayHold(string raw) => raw.IndexOf('{') >= 0 || raw.IndexOf('<') >= 0;

    private static IEnumerable<(string Text, int Index)> FindIn(string raw)
    {
        for (var i = 0; i < raw.Length; i++)
        {
            var open = raw[i];
            if (open is not ('{' or '<'))
            {
                continue;
            }

            var close = raw.IndexOf(open == '{' ? '}' : '>', i + 1);
            if (close <= i + 1 || close - i > 60)
            {
                continue;
            }

            var inner = raw.Substring(i + 1, close - i - 1);
            var isPlaceholder = open == '{'
                ? char.IsLetter(inner[0]) && inner.All(c => char.IsLetterOrDigit(c) || c is ' ' or '_' or '-' or '/' or '.')
                : char.IsLetter(inner[0]) && !HtmlTags.Contains(inner) && inner.All(c => char.IsLetterOrDigit(c) || c is '_' or '-')
                    && (inner.Contains('-') || inner.Contains('_') || inner.All(c => !char.IsLetter(c) || char.IsUpper(c)));
            if (isPlaceholder)
            {
                yield return (raw.Substring(i, close - i + 1), i);
                i = close;
            }
        }
    }
}

using MilestonePlan.Core.Diagnostics;
using MilestonePlan.Core.Model;

namespace MilestonePlan.Core.Parsing;

/// <summary>
/// Reads a Dependencies cell: `None`, `—`, empty, `#01`, `01, 02`, `#01 #02`, `#01 and #02`,
/// `#243 (models)` (an external GitHub issue) or spec file names. Anything else is unreadable (MP3005):
/// a sentence is never mined for numbers, because guessing wrong sends the autopilot down the wrong path.
/// </summary>
internal static class DependencyCellReader
{
    private static readonly HashSet<string> NoneWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "none", "-", "—", "–", "n/a", "na", "nil", "(none)", "no", "tbd-none",
    };

    private static readonly HashSet<string> Connectors = new(StringComparer.OrdinalIgnoreCase) { "and", "&", "+" };

    public static DependencyList Read(TextCell cell, SourceMap map, int cellStartOffset)
    {
        var text = cell.Text.Trim();
        if (text.Length == 0 || NoneWords.Contains(text.TrimEnd('.')))
        {
            return new DependencyList(cell, Array.Empty<DependencyReference>(), true);
        }

        var references = new List<DependencyReference>();
        var raw = cell.Raw;
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c) || c is ',' or ';' or '/')
            {
                i++;
                continue;
            }

            var start = i;
            while (i < text.Length && !char.IsWhiteSpace(text[i]) && text[i] is not (',' or ';'))
            {
                i++;
            }

            var token = text.Substring(start, i - start);
            if (Connectors.Contains(token))
            {
                continue;
            }

            // An annotation in parentheses right after a number (`#243 (models)`) marks a reference outside the plan.
            var annotated = false;
            var j = i;
            while (j < text.Length && text[j] == ' ')
            {
                j++;
            }

            if (j < text.Length && text[j] == '(')
            {
                var close = text.IndexOf(')', j);
                if (close > j)
                {
                    annotated = true;
                    i = close + 1;
                }
            }

            if (IssueNumber.TryParse(token, out var number))
            {
                var span = Locate(raw, token, cell.Span, map, cellStartOffset);
                references.Add(new DependencyReference(number, token, span, annotated));
                continue;
            }

            if (token.EndsWith(".md", StringComparison.OrdinalIgnoreCase) && LeadingNumber(token) is { } fileNumber)
            {
                references.Add(new DependencyReference(fileNumber, token, Locate(raw, token, cell.Span, map, cellStartOffset), FileName: token));
                continue;
            }

            return new DependencyList(cell, Array.Empty<DependencyReference>(), false);
        }

        return new DependencyList(cell, references, true);
    }

    private static IssueNumber? LeadingNumber(string fileName)
    {
        return AsciiNumber.Leading(fileName, maxDigits: 8) is { } value ? new IssueNumber(value) : null;
    }

    private static SourceSpan Locate(string raw, string token, SourceSpan cellSpan, SourceMap map, int cellStartOffset)
    {
        var index = raw.IndexOf(token, StringComparison.Ordinal);
        if (index < 0 || cellSpan.Line != cellSpan.EndLine)
        {
            return cellSpan;
        }

        return map.Span(cellStartOffset + index, cellStartOffset + index + token.Length - 1);
    }
}

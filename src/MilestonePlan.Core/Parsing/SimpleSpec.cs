using MilestonePlan.Core.Diagnostics;
using MilestonePlan.Core.Model;

namespace MilestonePlan.Core.Parsing;

/// <summary>
/// The fast path for the specs the template produces: front matter, ATX headings, plain paragraphs and `- [ ]`
/// checkbox lines, with nothing Markdown would read as markup inside them. Such a spec is read line by line, without
/// Markdig; anything else — CR line endings, tabs, indentation, emphasis, code, links, HTML, entities, escapes,
/// tables, setext headings, ordered or nested lists, a line continuing a list item — returns null and
/// <see cref="SpecParser.ParseWithMarkdig"/> reads it. Every spec is read on every validation; Markdig's parse of the
/// 600 specs of a 40-milestone tree cost as much as the model of its 40 plans. A property test checks that both
/// readers give the same spec whenever this one answers.
/// </summary>
internal static class SimpleSpec
{
    /// <summary>The spec, or null when the text holds anything this reader does not take.</summary>
    public static IssueSpec? TryRead(string path, SourceMap map)
    {
        var text = map.Text;
        if (text.IndexOf('\r') >= 0 || text.IndexOf('\t') >= 0)
        {
            return null;
        }

        var frontMatter = new Dictionary<string, FrontMatterValue>(StringComparer.OrdinalIgnoreCase);
        SourceSpan? frontMatterSpan = null;
        PlanDiagnostic? frontMatterError = null;
        var line = 1;
        if (LineIs(text, map, 1, "---"))
        {
            var closing = ClosingFence(text, map);
            if (closing == 0)
            {
                return null;
            }

            // Markdig's block runs from the opening fence to the end of the closing one.
            var blockEnd = map.LineEnd(closing) - 1;
            frontMatterSpan = map.Span(0, blockEnd);
            frontMatterError = SpecParser.ReadFrontMatter(path, map, 0, blockEnd, frontMatter);
            line = closing + 1;
        }

        var sections = new SpecParser.Sections();
        var previous = LineKind.Blank;
        for (; line <= map.LineCount; line++)
        {
            var start = map.LineStart(line);
            var end = map.LineEnd(line);
            var kind = Classify(text, start, end, out var contentStart);
            switch (kind)
            {
                case LineKind.Other:
                    return null;
                case LineKind.Paragraph when previous is LineKind.Item or LineKind.TaskItem:
                    // A lazy continuation of the item's paragraph: its text and span would change.
                    return null;
                case LineKind.Heading:
                    sections.Heading(contentStart - start - 1, Cell(map, start, end, contentStart));
                    break;
                case LineKind.TaskItem when sections.Collecting:
                    // The paragraph starts at `[`; its text leaves out the `[ ]` marker.
                    sections.Items.Add(Cell(map, start + 2, end, start + 5));
                    break;
            }

            previous = kind;
        }

        return sections.Build(path, frontMatter, frontMatterSpan, frontMatterError);
    }

    private enum LineKind
    {
        Blank,
        Heading,
        Paragraph,
        Item,
        TaskItem,
        Other,
    }

    /// <summary>
    /// What one line is. <paramref name="contentStart"/> is where a heading's text starts (after `#`s and one space).
    /// </summary>
    private static LineKind Classify(string text, int start, int end, out int contentStart)
    {
        contentStart = start;
        var last = end - 1;
        while (last >= start && text[last] == ' ')
        {
            last--;
        }

        if (last < start)
        {
            return LineKind.Blank;
        }

        var c = text[start];
        if (c == '#')
        {
            var hashes = 0;
            while (start + hashes < end && text[start + hashes] == '#')
            {
                hashes++;
            }

            // `#` to `######`, one space, text that does not end in a closing `#` sequence.
            contentStart = start + hashes + 1;
            return hashes <= 6 && contentStart <= last && text[contentStart - 1] == ' ' && text[contentStart] != ' '
                && PlainText(text, contentStart, last + 1) ? LineKind.Heading : LineKind.Other;
        }

        if (c == '-')
        {
            // `- [ ] text`, `- [x] text`, or `- text` where the text starts with a letter (not another list marker).
            if (last < start + 2 || text[start + 1] != ' ')
            {
                return LineKind.Other;
            }

            if (text[start + 2] == '[')
            {
                return last >= start + 6 && text[start + 3] is ' ' or 'x' or 'X' && text[start + 4] == ']' && text[start + 5] == ' '
                    && text[start + 6] != ' ' && PlainText(text, start + 6, last + 1) ? LineKind.TaskItem : LineKind.Other;
            }

            return char.IsLetter(text[start + 2]) && PlainText(text, start + 2, last + 1) ? LineKind.Item : LineKind.Other;
        }

        return char.IsLetter(c) && PlainText(text, start, last + 1) ? LineKind.Paragraph : LineKind.Other;
    }

    /// <summary>Text no inline parser of the pipeline reads as markup, and no character whose whitespace status could differ.</summary>
    private static bool PlainText(string text, int start, int end)
    {
        for (var i = start; i < end; i++)
        {
            var c = text[i];
            if (c < PlainAscii.Length ? !PlainAscii[c] : !IsPlain(c))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsPlain(char c) =>
        c is ' ' or '.' or ',' or ':' or ';' or '\'' or '"' or '(' or ')' or '/' or '?' or '-' or '+' or '=' or '%' or '@' or '$' or '^' or '—' or '–'
        || (char.IsLetterOrDigit(c) && !char.IsSurrogate(c));

    /// <summary><see cref="IsPlain"/> of the ASCII characters, looked up: this runs for every character of every spec.</summary>
    private static readonly bool[] PlainAscii = Enumerable.Range(0, 128).Select(c => IsPlain((char)c)).ToArray();

    /// <summary>A heading or a checkbox paragraph on [<paramref name="start"/>, <paramref name="end"/>): raw line, plain text from <paramref name="textStart"/>.</summary>
    private static TextCell Cell(SourceMap map, int start, int end, int textStart)
    {
        var trimmed = map.Trim(start, end - 1) ?? (start, start);
        return new TextCell(PlainOf(map.Text, textStart, end), map.Slice(trimmed.Start, trimmed.End), map.Span(trimmed.Start, trimmed.End));
    }

    /// <summary>
    /// The text of [<paramref name="start"/>, <paramref name="end"/>), whitespace collapsed: a line here holds no
    /// whitespace but spaces, so without a double space that is the trimmed substring itself (one string, not three).
    /// </summary>
    private static string PlainOf(string text, int start, int end)
    {
        var last = end - 1;
        while (start <= last && text[start] == ' ')
        {
            start++;
        }

        while (last >= start && text[last] == ' ')
        {
            last--;
        }

        if (last < start)
        {
            return string.Empty;
        }

        return InlineText.OfPlain(text.Substring(start, last - start + 1));
    }

    /// <summary>The 1-based line of the fence closing front matter opened on line 1; 0 when this reader does not take it.</summary>
    private static int ClosingFence(string text, SourceMap map)
    {
        for (var line = 2; line <= map.LineCount; line++)
        {
            var start = map.LineStart(line);
            var end = map.LineEnd(line);
            if (LineIs(text, map, line, "---"))
            {
                // An empty block is Markdig's to judge.
                return line > 2 ? line : 0;
            }

            // Blank lines, and anything that could open or close a fence in another way, go to Markdig.
            var first = start;
            while (first < end && text[first] == ' ')
            {
                first++;
            }

            if (first == end || string.CompareOrdinal(text, first, "---", 0, 3) == 0 || string.CompareOrdinal(text, first, "...", 0, 3) == 0)
            {
                return 0;
            }
        }

        return 0;
    }

    private static bool LineIs(string text, SourceMap map, int line, string value)
    {
        var start = map.LineStart(line);
        return map.LineEnd(line) - start == value.Length && string.CompareOrdinal(text, start, value, 0, value.Length) == 0;
    }
}

using Markdig.Parsers;
using Markdig.Syntax;

namespace MilestonePlan.Core.Parsing;

/// <summary>
/// Pipe tables in the template's shape, read without Markdig's inline parser. Markdig finds a pipe table while parsing
/// the inlines of a paragraph, one inline per pipe, word and code span, and then rebuilds the paragraph as rows and
/// cells: for a plan that is most of its parse. A table is simple when every line of its paragraph is a row written
/// `| ... |` from the first column, its second line is the delimiter row, every row has the header's cell count, and
/// its cells hold plain text and one-backtick code spans and nothing else Markdig would read as markup. Anything else
/// goes through Markdig as before. `SimpleTableAgreementTests` checks that whenever this reader answers, its rows are
/// exactly the rows read from Markdig's table (texts, raw texts, spans, offsets).
/// </summary>
internal static class SimpleTable
{
    private static readonly object Marker = new();

    /// <summary>Markup outside code spans: escape, entity, emphasis, link, image, autolink or HTML.</summary>
    private static readonly bool[] PlainAscii = PlainCharacters.Ascii("\\&*_[]!<");

    /// <summary>Inside a code span everything is text, but a pipe would end the cell and a backslash is Markdig's to read.</summary>
    private static readonly bool[] CodeAscii = PlainCharacters.Ascii("|\\`");

    private static readonly char[] PipeOrBacktick = ['|', '`'];

    /// <summary>
    /// Called by Markdig when it closes a block of a plan: a simple table at the top level is marked as such and its
    /// inlines are not parsed. Top level only, as the plan reader reads tables only there.
    /// </summary>
    public static void OnParagraphClosed(BlockProcessor processor, Block block)
    {
        if (block is ParagraphBlock paragraph && IsSimple(paragraph))
        {
            UnparsedParagraph.Mark(paragraph, Marker);
        }
    }

    /// <summary>
    /// True when <paramref name="paragraph"/> is a simple table, whether or not this pipeline's hook took it over: its
    /// cost is linear either way (<see cref="PipeLimit"/> does not count its pipes).
    /// </summary>
    public static bool Takes(ParagraphBlock paragraph) => IsTable(paragraph) || IsSimple(paragraph);

    private static bool IsSimple(ParagraphBlock paragraph) =>
        paragraph is { Parent: MarkdownDocument } && paragraph.Lines.Count >= 2 && StartsWithPipe(paragraph) && Read(paragraph, null) is not null;

    /// <summary>The cheap first test, before anything is allocated: most paragraphs are prose.</summary>
    private static bool StartsWithPipe(ParagraphBlock paragraph)
    {
        var slice = paragraph.Lines.Lines[0].Slice;
        return slice.Text is { } text && slice.Start >= 0 && slice.Start < text.Length && text[slice.Start] == '|';
    }

    /// <summary>True when <paramref name="paragraph"/> is a table this reader took over from Markdig.</summary>
    public static bool IsTable(ParagraphBlock paragraph) => UnparsedParagraph.IsMarked(paragraph, Marker);

    /// <summary>The rows of a marked table, header first (the delimiter row is not a row).</summary>
    public static List<TableSourceRow> Rows(ParagraphBlock paragraph, SourceCells cells) => Read(paragraph, cells) ?? [];

    /// <summary>
    /// The rows when the paragraph is a simple table, else null. With no <paramref name="cells"/> it only decides (the
    /// hook runs before any plan reader exists); the same walk then builds the rows, so the two cannot disagree.
    /// </summary>
    private static List<TableSourceRow>? Read(ParagraphBlock paragraph, SourceCells? cells)
    {
        var lines = paragraph.Lines;
        var text = lines.Lines[0].Slice.Text;
        var rows = cells is null ? null : new List<TableSourceRow>(lines.Count - 1);
        var bounds = new List<int>(16);
        var columns = -1;
        for (var i = 0; i < lines.Count; i++)
        {
            var slice = lines.Lines[i].Slice;
            // Past the header a row may not hold more cells than it: a row of 500,000 pipes is refused at its 9th cell.
            if (slice.Text is null || !ReferenceEquals(slice.Text, text) || !RowRange(text, slice.Start, slice.End, out var end)
                || !Split(text, slice.Start, end, bounds, validate: cells is null, maxCells: i == 0 ? int.MaxValue : columns))
            {
                return null;
            }

            var count = bounds.Count / 2;
            var isDelimiter = IsDelimiterRow(text, bounds);
            if (i == 0 ? isDelimiter : i == 1 ? !isDelimiter || count != columns : isDelimiter || count != columns)
            {
                return null;
            }

            columns = count;
            if (i != 1 && cells is not null)
            {
                var (rowStart, rowEnd) = SimpleTableRows.RowSpan(text, bounds);
                rows!.Add(new TableSourceRow(rowStart, rowEnd, SimpleTableRows.Cells(cells, rowStart, bounds)));
            }
        }

        return rows ?? [];
    }

    /// <summary>The line is `|` ... `|` from its first column, with nothing but spaces after the last pipe.</summary>
    private static bool RowRange(string text, int start, int end, out int last)
    {
        last = Math.Min(end, text.Length - 1);
        while (last > start && text[last] is ' ' or '\r' or '\n')
        {
            last--;
        }

        return start >= 0 && last > start && (start == 0 || text[start - 1] is '\n' or '\r') && text[start] == '|' && text[last] == '|';
    }

    /// <summary>
    /// The content range of each cell between the pipes of [<paramref name="start"/>, <paramref name="end"/>], as pairs
    /// in <paramref name="bounds"/> (an empty cell has its end before its start); false when a cell holds markup.
    /// Once the hook has accepted a table, reading its rows does not <paramref name="validate"/> its characters again.
    /// False as well past <paramref name="maxCells"/> cells, as such a row is no row of a simple table.
    /// </summary>
    private static bool Split(string text, int start, int end, List<int> bounds, bool validate, int maxCells)
    {
        bounds.Clear();
        var cellStart = start + 1;
        for (var i = start + 1; i <= end; i++)
        {
            if (!validate)
            {
                // Only pipes and backticks matter once the characters are known to be plain.
                i = text.IndexOfAny(PipeOrBacktick, i, end - i + 1);
                if (i < 0)
                {
                    break;
                }
            }

            var c = text[i];
            if (c == '|')
            {
                if (bounds.Count / 2 == maxCells)
                {
                    return false;
                }

                bounds.Add(cellStart);
                bounds.Add(i - 1);
                cellStart = i + 1;
            }
            else if (c == '`')
            {
                var close = text.IndexOf('`', i + 1, end - i);
                if (close < 0 || (validate && ((close < end && text[close + 1] == '`') || !IsPlainCode(text, i + 1, close - 1))))
                {
                    return false;
                }

                i = close;
            }
            else if (validate && !IsPlain(text, i))
            {
                return false;
            }
        }

        return bounds.Count > 0;
    }

    /// <summary>Text Markdig reads as itself: no escape, entity, emphasis, link, autolink, HTML or odd whitespace.</summary>
    private static bool IsPlain(string text, int i) => PlainCharacters.IsPlain(text, i, PlainAscii);

    /// <summary>
    /// A one-backtick code span whose content is not empty, neither starts nor ends with a space (Markdig strips one
    /// from each side) and holds no pipe or backslash.
    /// </summary>
    private static bool IsPlainCode(string text, int first, int last)
    {
        if (last < first || text[first] == ' ' || text[last] == ' ')
        {
            return false;
        }

        for (var i = first; i <= last; i++)
        {
            if (!PlainCharacters.IsPlain(text, i, CodeAscii))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>`|---|:--:|` (every cell dashes with optional colons at either end and spaces around).</summary>
    private static bool IsDelimiterRow(string text, List<int> bounds)
    {
        for (var b = 0; b < bounds.Count; b += 2)
        {
            var start = bounds[b];
            var end = bounds[b + 1];
            while (start <= end && text[start] == ' ')
            {
                start++;
            }

            while (end >= start && text[end] == ' ')
            {
                end--;
            }

            start += start <= end && text[start] == ':' ? 1 : 0;
            end -= end >= start && text[end] == ':' ? 1 : 0;
            if (end < start)
            {
                return false;
            }

            for (var i = start; i <= end; i++)
            {
                if (text[i] != '-')
                {
                    return false;
                }
            }
        }

        return true;
    }
}

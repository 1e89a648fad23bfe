using System.Text;

namespace MilestonePlan.Core.Parsing;

/// <summary>
/// Where the rows and cells of a <see cref="SimpleTable"/> are, placed exactly as <see cref="MarkdigTableRows"/> places
/// those of Markdig's table (the agreement tests compare the two): the row's span, each cell's text, raw text and span.
/// </summary>
internal static class SimpleTableRows
{
    /// <summary>
    /// Where Markdig's row starts and ends: at the first and last inline of its non-empty cells, where a run of spaces
    /// next to a code span is no inline of its own but spaces next to text belong to that text. (0, -1) when every cell
    /// is empty, as Markdig gives such a row no position.
    /// </summary>
    public static (int Start, int End) RowSpan(string text, List<int> bounds)
    {
        for (var first = 0; first < bounds.Count; first += 2)
        {
            var start = bounds[first];
            var at = start;
            while (at <= bounds[first + 1] && text[at] == ' ')
            {
                at++;
            }

            if (at > bounds[first + 1])
            {
                continue;
            }

            for (var last = bounds.Count - 2; last >= first; last -= 2)
            {
                var end = bounds[last + 1];
                var to = end;
                while (to >= bounds[last] && text[to] == ' ')
                {
                    to--;
                }

                if (to >= bounds[last])
                {
                    return (text[at] == '`' ? at : start, text[to] == '`' ? to : end);
                }
            }
        }

        return (0, -1);
    }

    /// <summary>
    /// The cells, placed as <see cref="MarkdigTableRows"/> places Markdig's: an empty cell after the next pipe from the
    /// row's start (or at offset 0 in a row of only empty cells, which Markdig gives no position).
    /// </summary>
    public static RowCell[] Cells(SourceCells cells, int rowStart, List<int> bounds)
    {
        var row = new RowCell[bounds.Count / 2];
        var previousEnd = rowStart - 1;
        var line = cells.Map.LineOf(bounds[0]);
        for (var b = 0; b < bounds.Count; b += 2)
        {
            var (cell, offset) = cells.Map.Trim(bounds[b], bounds[b + 1]) is { } trimmed
                ? Plain(cells.Map, line, trimmed.Start, trimmed.End)
                : cells.EmptyCell(previousEnd, 0);
            row[b / 2] = new RowCell(cell, offset);
            previousEnd = SourceCells.NextPreviousEnd(previousEnd, cell, offset);
        }

        return row;
    }

    private static (Model.TextCell Cell, int Offset) Plain(SourceMap map, int line, int start, int end)
    {
        var raw = map.Slice(start, end);
        return (new Model.TextCell(Text(raw), raw, map.SpanOnLine(line, start, end)), start);
    }

    /// <summary>
    /// The text of a cell's trimmed raw source: code span backticks removed, spaces collapsed. Without backticks it is
    /// <see cref="InlineText.OfPlain"/> (the common cell, `P0`, `#03` or a title, is the raw string itself).
    /// </summary>
    private static string Text(string raw)
    {
        var backtick = raw.IndexOf('`');
        if (backtick < 0)
        {
            return InlineText.OfPlain(raw);
        }

        // One code span that is the whole cell (`feat/m1-01-x`): its inside, which has no space at either end.
        if (backtick == 0 && raw.IndexOf('`', 1) == raw.Length - 1 && raw.IndexOf("  ", StringComparison.Ordinal) < 0)
        {
            return raw.Substring(1, raw.Length - 2);
        }

        var builder = new StringBuilder(raw.Length);
        foreach (var c in raw)
        {
            if (c != '`')
            {
                builder.Append(c);
            }
        }

        return InlineText.Normalize(builder.ToString());
    }
}

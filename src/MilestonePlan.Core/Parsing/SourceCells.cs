using Markdig.Extensions.Tables;
using Markdig.Syntax.Inlines;
using MilestonePlan.Core.Model;
using SourceSpan = Markdig.Syntax.SourceSpan;

namespace MilestonePlan.Core.Parsing;

/// <summary>
/// Turns Markdig nodes into positioned <see cref="TextCell"/>s through the <see cref="SourceMap"/>: the text as read,
/// the raw source without surrounding whitespace, and the span of that raw source, so an edit can replace it exactly.
/// </summary>
internal sealed class SourceCells(SourceMap map)
{
    public SourceMap Map => map;

    /// <summary>The cell of a node; with no inline, the text is the normalised source of the span.</summary>
    public TextCell Cell(Inline? inline, SourceSpan span)
    {
        var trimmed = map.Trim(span.Start, span.End);
        var text = inline is null ? InlineText.Normalize(trimmed is { } r ? map.Slice(r.Start, r.End) : string.Empty) : InlineText.Of(inline);
        return trimmed is { } t
            ? new TextCell(text, map.Slice(t.Start, t.End), map.Span(t.Start, t.End))
            : new TextCell(text, string.Empty, map.Span(span.Start, span.Start));
    }

    /// <summary>
    /// The cell of source text Markdig reads as one literal (no markup, no whitespace but spaces): the raw text trimmed,
    /// the same string as text unless it holds a run of spaces.
    /// </summary>
    public TextCell Plain(int start, int end)
    {
        var trimmed = map.Trim(start, end) ?? (start, start);
        var raw = map.Slice(trimmed.Start, trimmed.End);
        return new TextCell(InlineText.OfPlain(raw), raw, map.Span(trimmed.Start, trimmed.End));
    }

    /// <summary>The cell of a run of inlines whose text is already read.</summary>
    public TextCell Cell(IReadOnlyList<Inline> inlines, string text)
    {
        var start = int.MaxValue;
        var end = int.MinValue;
        for (var i = 0; i < inlines.Count; i++)
        {
            start = Math.Min(start, inlines[i].Span.Start);
            end = Math.Max(end, inlines[i].Span.End);
        }

        var trimmed = map.Trim(start, end) ?? (start, start);
        return new TextCell(text, map.Slice(trimmed.Start, trimmed.End), map.Span(trimmed.Start, trimmed.End));
    }

    /// <summary>
    /// A pipe table cell and the offset where its raw text starts. <paramref name="previousEnd"/> is the last offset of
    /// the cell before it in the row (or -1), which places a cell Markdig gives no position.
    /// </summary>
    public (TextCell Cell, int Offset) TableCellAt(TableCell cell, int previousEnd = -1)
    {
        // Pipe table cells hold one paragraph; anything else in a cell is not plan data.
        var text = cell.Count > 0 && cell[0] is Markdig.Syntax.ParagraphBlock { Inline: { } inline } ? InlineText.Of(inline) : string.Empty;
        var trimmed = cell.Count == 0 ? null : map.Trim(cell.Span.Start, cell.Span.End, "|");
        return trimmed is { } t ? (new TextCell(text, map.Slice(t.Start, t.End), map.Span(t.Start, t.End)), t.Start) : EmptyCell(previousEnd, cell.Span.Start);
    }

    /// <summary>
    /// An empty pipe table cell. Markdig gives one no position: it is placed just after the next pipe past
    /// <paramref name="previousEnd"/>, or at <paramref name="fallback"/> when there is no cell before it.
    /// </summary>
    public (TextCell Cell, int Offset) EmptyCell(int previousEnd, int fallback)
    {
        var pipe = previousEnd >= 0 ? map.Text.IndexOf('|', Math.Min(previousEnd + 1, map.Text.Length - 1)) : -1;
        var at = pipe >= 0 ? Math.Min(pipe + 1, map.Text.Length - 1) : Math.Max(0, Math.Min(fallback, map.Text.Length - 1));
        return (new TextCell(string.Empty, string.Empty, map.Span(at, at)), at);
    }

    /// <summary>Where the cell after one read at <paramref name="offset"/> may start looking for its pipe.</summary>
    public static int NextPreviousEnd(int previousEnd, TextCell cell, int offset) =>
        Math.Max(previousEnd + 1, offset + Math.Max(cell.Raw.Length - 1, 0));
}

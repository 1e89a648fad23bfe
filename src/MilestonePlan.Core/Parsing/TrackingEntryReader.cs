using Markdig.Extensions.TaskLists;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using MilestonePlan.Core.Model;

namespace MilestonePlan.Core.Parsing;

/// <summary>
/// Reads one tracking entry, positioned in the source: the first line of a bullet or checklist item, or a row of a
/// table written in a tracking section. Which issues an entry names is <see cref="IssueReferenceScanner"/>'s call
/// (the grammar of <see cref="TrackingEntryGrammar"/>); this type only finds the line, its checkbox, glyph and title.
/// </summary>
internal sealed class TrackingEntryReader(SourceMap map, SourceCells cells)
{
    private static readonly char[] TitleDecoration = ['*', '`', ' '];

    // Where the title of a checklist line ends: a status glyph, a PR reference or a dash before a note.
    private static readonly string[] TitleStops = ["✅", "⛔", "⏭", "🔄", "⬜", "✓", "(PR", "[PR", " — PR", " - PR", " — "];

    /// <summary>The entry of a list item's paragraph; null when its first line is empty (or only a checkbox).</summary>
    public TrackingEntry? Read(ParagraphBlock paragraph)
    {
        TextCell cell;
        bool? isChecked;
        if (SimpleListItem.IsItem(paragraph) && SimpleListItem.Read(paragraph, out isChecked, out var start, out var end))
        {
            // Markdig left the line to us: its text is the line after the checkbox, as one literal would give it.
            cell = cells.Plain(start, end);
        }
        else
        {
            var content = FirstLine(paragraph.Inline, out isChecked);
            if (content.Count == 0)
            {
                return null;
            }

            cell = cells.Cell(content, InlineText.OfAll(content));
        }

        var text = cell.Text;
        var numbers = IssueReferenceScanner.Scan(text, out var gitHubIssue);
        return new TrackingEntry(cell, numbers, isChecked, StatusText.ParseGlyph(text), ChecklistTitle(cell)) { NamesGitHubIssue = gitHubIssue };
    }

    /// <summary>
    /// The lines nested under an entry's list item: one detail per item of its nested lists, with the items of the lists
    /// under that in turn. A numbered list written at the entry's own level (agents indent `1.` two columns, under the
    /// entry rather than under `- Findings:`) belongs to the detail before it. Each line is its whole paragraph, so
    /// text that runs on to the next line is never taken for the line alone.
    /// </summary>
    public IReadOnlyList<TrackingDetail> Details(ListItemBlock item)
    {
        var details = new List<TrackingDetail>();
        for (var i = 1; i < item.Count; i++)
        {
            if (item[i] is not ListBlock list)
            {
                continue;
            }

            if (list.IsOrdered && details.Count > 0)
            {
                details[^1] = details[^1] with { Items = [.. details[^1].Items, .. Items(list)] };
                continue;
            }

            foreach (var nested in list.OfType<ListItemBlock>())
            {
                if (nested.FirstOrDefault() is ParagraphBlock paragraph)
                {
                    details.Add(new TrackingDetail(cells.Cell(null, paragraph.Span), nested.Skip(1).OfType<ListBlock>().SelectMany(Items).ToList()));
                }
            }
        }

        return details;
    }

    private IEnumerable<TextCell> Items(ListBlock list) =>
        list.OfType<ListItemBlock>().Select(i => i.FirstOrDefault()).OfType<ParagraphBlock>().Select(p => cells.Cell(null, p.Span));

    /// <summary>The inlines of the paragraph's first line, without the task-list checkbox it may open with.</summary>
    private static List<Inline> FirstLine(ContainerInline? inline, out bool? isChecked)
    {
        isChecked = null;
        var line = new List<Inline>();
        for (var child = inline?.FirstChild; child is not null and not LineBreakInline; child = child.NextSibling)
        {
            if (line.Count == 0 && isChecked is null && child is TaskList task)
            {
                isChecked = task.Checked;
                continue;
            }

            line.Add(child);
        }

        return line;
    }

    /// <summary>
    /// The entry of a table row in a tracking section: the whole row is the line, the issue is read from the number
    /// column (<paramref name="numberColumn"/>, or the first cell when there is none).
    /// </summary>
    public TrackingEntry ReadRow(TableSourceRow row, int numberColumn)
    {
        var rowCells = row.Cells;
        var text = rowCells.Count == 0 ? string.Empty : rowCells[numberColumn >= 0 && numberColumn < rowCells.Count ? numberColumn : 0].Cell.Text;
        var numbers = IssueNumber.TryParse(text, out var n) ? [n] : IssueReferenceScanner.Scan(text);
        var line = cells.Cell(null, new Markdig.Syntax.SourceSpan(row.Start, row.End));
        return new TrackingEntry(line, numbers, null, StatusText.ParseGlyph(line.Text), null);
    }

    /// <summary>
    /// Where the first of the <see cref="TitleStops"/> starts at or after <paramref name="from"/> (the end when none
    /// does): one pass over the line, trying only the stops that begin with the character there.
    /// </summary>
    private static int FirstStop(string raw, int from)
    {
        for (var at = from; at < raw.Length; at++)
        {
            var c = raw[at];
            foreach (var stop in TitleStops)
            {
                if (stop[0] == c && string.CompareOrdinal(raw, at, stop, 0, stop.Length) == 0 && at + stop.Length <= raw.Length)
                {
                    return at;
                }
            }
        }

        return raw.Length;
    }

    /// <summary>`#01 — Title ✅ (PR #4)` → `Title`, positioned inside the line.</summary>
    private TextCell? ChecklistTitle(TextCell line)
    {
        var raw = line.Raw;
        if (TrackingEntryGrammar.TitleStart(raw) is not { } i)
        {
            return null;
        }

        var end = FirstStop(raw, i);
        var titleRaw = raw.Substring(i, Math.Max(0, end - i)).TrimEnd();
        if (titleRaw.Length == 0 || line.Span.Line != line.Span.EndLine)
        {
            return null;
        }

        var start = map.LineStart(line.Span.Line) + line.Span.Column - 1 + i;
        return new TextCell(InlineText.Normalize(titleRaw.Trim(TitleDecoration)), titleRaw, map.Span(start, start + titleRaw.Length - 1));
    }
}

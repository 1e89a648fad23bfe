using Markdig.Parsers;
using Markdig.Syntax;

namespace MilestonePlan.Core.Parsing;

/// <summary>
/// List items in the template's tracking shape, `* [x] #01 — Title ✅` or `* (none)`, read without Markdig's inline
/// parser: the one line of the item's first paragraph, an optional `[ ]`/`[x]` checkbox, then text with nothing Markdig
/// would read as markup (no escape, entity, emphasis, code, link, HTML, pipe, odd whitespace or second bracket). Such
/// an item has no bold field, link or code span for the other readers, and its tracking entry is read from the line
/// (<see cref="TrackingEntryReader"/>). `SimpleTableAgreementTests` checks that plans parse the same with and without it.
/// </summary>
internal static class SimpleListItem
{
    private static readonly object Marker = new();

    /// <summary>Besides the markup <see cref="SimpleTable"/> declines: code spans and pipes.</summary>
    private static readonly bool[] PlainAscii = PlainCharacters.Ascii("\\&*_[]!<`|");

    /// <summary>Called by Markdig when it closes a block of a plan: a simple item's paragraph is marked and its inlines are not parsed.</summary>
    public static void OnParagraphClosed(BlockProcessor processor, Block block)
    {
        if (block is ParagraphBlock { Parent: ListItemBlock item } paragraph && item.Count > 0 && ReferenceEquals(item[0], paragraph)
            && paragraph.Lines.Count == 1 && Read(paragraph, out _, out _, out _))
        {
            UnparsedParagraph.Mark(paragraph, Marker);
        }
    }

    public static bool IsItem(ParagraphBlock paragraph) => UnparsedParagraph.IsMarked(paragraph, Marker);

    /// <summary>
    /// The item's checkbox (null when it has none) and the range [<paramref name="start"/>, <paramref name="end"/>] of its
    /// text, spaces included; false when the line is not simple.
    /// </summary>
    public static bool Read(ParagraphBlock paragraph, out bool? isChecked, out int start, out int end)
    {
        isChecked = null;
        var slice = paragraph.Lines.Lines[0].Slice;
        var text = slice.Text;
        start = slice.Start;
        end = text is null ? -1 : Math.Min(slice.End, text.Length - 1);
        if (text is null || start < 0 || end < start)
        {
            return false;
        }

        // `[ ]`, `[x]` or `[X]` and then a space: Markdig's task list (a checkbox alone is no entry).
        if (text[start] == '[')
        {
            if (end < start + 4 || text[start + 1] is not (' ' or 'x' or 'X') || text[start + 2] != ']' || text[start + 3] != ' ')
            {
                return false;
            }

            isChecked = text[start + 1] != ' ';
            start += 3;
        }

        var blank = true;
        for (var i = start; i <= end; i++)
        {
            if (!PlainCharacters.IsPlain(text, i, PlainAscii))
            {
                return false;
            }

            blank &= text[i] == ' ';
        }

        return !blank;
    }
}

using Markdig.Syntax;

namespace MilestonePlan.Core.Parsing;

/// <summary>
/// How a line reader takes a paragraph over from Markdig: while Markdig closes blocks it turns off the paragraph's inline
/// parse and tags it with the reader's key, so the plan reader later knows whose paragraph it is.
/// </summary>
internal static class UnparsedParagraph
{
    public static void Mark(ParagraphBlock paragraph, object reader)
    {
        paragraph.ProcessInlines = false;
        paragraph.SetData(reader, reader);
    }

    public static bool IsMarked(ParagraphBlock paragraph, object reader) => !paragraph.ProcessInlines && paragraph.GetData(reader) is not null;
}

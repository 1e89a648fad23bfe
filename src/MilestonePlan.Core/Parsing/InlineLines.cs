using Markdig.Syntax.Inlines;

namespace MilestonePlan.Core.Parsing;

/// <summary>
/// The source lines of a paragraph's inlines, split at its line breaks: plan fields and tracking entries are
/// line-based even where Markdown joins the lines into one paragraph.
/// </summary>
internal static class InlineLines
{
    public static IEnumerable<List<Inline>> All(ContainerInline? inline)
    {
        var line = new List<Inline>();
        for (var child = inline?.FirstChild; child is not null; child = child.NextSibling)
        {
            if (child is LineBreakInline)
            {
                yield return line;
                line = [];
                continue;
            }

            line.Add(child);
        }

        if (line.Count > 0)
        {
            yield return line;
        }
    }
}

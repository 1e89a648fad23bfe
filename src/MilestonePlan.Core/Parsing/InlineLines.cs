using Markdig.Syntax.Inlines;

namespace MilestonePlan.Core.Parsing;

/// <summary>
/// The source lines of a paragraph's inlines, split at its line breaks: plan fields and tracking entries are
/// line-based even where Markdown joins the lines into one paragraph.
/// </summary>
/// <remarks>
/// A `[` that opens no link stays in Markdig's tree as a delimiter whose children are everything after it, the
/// following lines included. Read as one inline, `**Last Updated:** 2026[20` would take the next line into its
/// value, and an edit replacing only the delimiter's own span left `…0220` behind. So a leftover delimiter is read
/// as what Markdig renders it as (its literal text) followed by its children, split at their line breaks too.
/// </remarks>
internal static class InlineLines
{
    public static IEnumerable<List<Inline>> All(ContainerInline? inline)
    {
        var line = new List<Inline>();
        // Siblings still to visit, innermost last: an explicit stack, as delimiters can nest as deep as the text allows.
        var pending = new Stack<Inline?>();
        pending.Push(inline?.FirstChild);
        while (pending.Count > 0)
        {
            var child = pending.Pop();
            if (child is null)
            {
                continue;
            }

            pending.Push(child.NextSibling);
            switch (child)
            {
                case LineBreakInline:
                    yield return line;
                    line = [];
                    break;
                case DelimiterInline delimiter:
                    line.Add(new LiteralInline(delimiter.ToLiteral()) { Span = delimiter.Span });
                    pending.Push(delimiter.FirstChild);
                    break;
                default:
                    line.Add(child);
                    break;
            }
        }

        if (line.Count > 0)
        {
            yield return line;
        }
    }
}

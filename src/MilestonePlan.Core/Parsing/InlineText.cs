using System.Text;
using Markdig.Extensions.TaskLists;
using Markdig.Syntax.Inlines;

namespace MilestonePlan.Core.Parsing;

/// <summary>Plain text of Markdig inlines: code spans, emphasis and link syntax removed, content kept.</summary>
internal static class InlineText
{
    public static string Of(Inline? inline)
    {
        var builder = new StringBuilder();
        Append(builder, inline, depth: 0);
        return Normalize(builder.ToString());
    }

    public static string OfAll(IEnumerable<Inline> inlines)
    {
        var builder = new StringBuilder();
        foreach (var inline in inlines)
        {
            Append(builder, inline, depth: 0);
        }

        return Normalize(builder.ToString());
    }

    /// <summary>Collapses runs of whitespace (tabs, non-breaking spaces) into one space and trims.</summary>
    public static string Normalize(string text)
    {
        var builder = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                space = builder.Length > 0;
                continue;
            }

            if (space)
            {
                builder.Append(' ');
                space = false;
            }

            builder.Append(c);
        }

        return builder.ToString();
    }

    private static void Append(StringBuilder builder, Inline? inline, int depth)
    {
        // Markdig nests emphasis deeply on hostile input; plain text beyond this depth adds nothing readable.
        if (inline is null || depth > 64)
        {
            return;
        }

        switch (inline)
        {
            case LiteralInline literal:
                builder.Append(literal.Content.ToString());
                break;
            case CodeInline code:
                builder.Append(code.Content);
                break;
            case LineBreakInline:
                builder.Append(' ');
                break;
            case AutolinkInline autolink:
                builder.Append(autolink.Url);
                break;
            case HtmlEntityInline entity:
                builder.Append(entity.Transcoded.ToString());
                break;
            case TaskList:
            case HtmlInline:
                break;
            case ContainerInline container:
                foreach (var child in container)
                {
                    Append(builder, child, depth + 1);
                }

                break;
        }
    }
}

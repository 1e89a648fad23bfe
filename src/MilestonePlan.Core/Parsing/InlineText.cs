using System.Text;
using Markdig.Extensions.TaskLists;
using Markdig.Syntax.Inlines;

namespace MilestonePlan.Core.Parsing;

/// <summary>
/// Plain text of Markdig inlines: code spans, emphasis and link syntax removed, content kept, whitespace
/// collapsed. One pass with a reused builder: this runs for every table cell of every plan on every build.
/// </summary>
internal static class InlineText
{
    [ThreadStatic]
    private static StringBuilder? cached;

    public static string Of(Inline? inline)
    {
        var writer = new Writer(Rent());
        writer.Append(inline, depth: 0);
        return writer.Finish();
    }

    public static string OfAll(IEnumerable<Inline> inlines)
    {
        var writer = new Writer(Rent());
        foreach (var inline in inlines)
        {
            writer.Append(inline, depth: 0);
        }

        return writer.Finish();
    }

    /// <summary>
    /// The text of trimmed source that Markdig reads as one literal and whose only whitespace is the space (the line
    /// readers' plain cells and lines): the string itself, unless it holds a run of spaces to collapse.
    /// </summary>
    public static string OfPlain(string raw) => raw.IndexOf("  ", StringComparison.Ordinal) >= 0 ? Normalize(raw) : raw;

    /// <summary>Collapses runs of whitespace (tabs, non-breaking spaces) into one space and trims.</summary>
    public static string Normalize(string text)
    {
        var writer = new Writer(Rent());
        writer.Text(text);
        return writer.Finish();
    }

    private static StringBuilder Rent()
    {
        var builder = cached ?? new StringBuilder(64);
        cached = null;
        builder.Clear();
        return builder;
    }

    private struct Writer(StringBuilder builder)
    {
        private bool pendingSpace;

        public void Append(Inline? inline, int depth)
        {
            // Markdig nests emphasis deeply on hostile input; plain text beyond this depth adds nothing readable.
            if (inline is null || depth > 64)
            {
                return;
            }

            switch (inline)
            {
                case LiteralInline literal:
                    var slice = literal.Content;
                    for (var i = slice.Start; i <= slice.End; i++)
                    {
                        Char(slice.Text[i]);
                    }

                    break;
                case CodeInline code:
                    Text(code.Content);
                    break;
                case LineBreakInline:
                    pendingSpace = builder.Length > 0;
                    break;
                case AutolinkInline autolink:
                    Text(autolink.Url);
                    break;
                case HtmlEntityInline entity:
                    Text(entity.Transcoded.ToString());
                    break;
                case TaskList:
                case HtmlInline:
                    break;
                case ContainerInline container:
                    for (var child = container.FirstChild; child is not null; child = child.NextSibling)
                    {
                        Append(child, depth + 1);
                    }

                    break;
            }
        }

        public void Text(string? text)
        {
            if (text is null)
            {
                return;
            }

            foreach (var c in text)
            {
                Char(c);
            }
        }

        public string Finish()
        {
            var result = builder.ToString();
            cached = builder;
            return result;
        }

        private void Char(char c)
        {
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = builder.Length > 0;
                return;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            builder.Append(c);
        }
    }
}

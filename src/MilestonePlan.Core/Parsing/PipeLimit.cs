using System.Globalization;
using Markdig.Helpers;
using Markdig.Parsers;
using Markdig.Syntax;

namespace MilestonePlan.Core.Parsing;

/// <summary>
/// Keeps thousands of table cells away from Markdig's inline parser. Markdig's pipe-table parser makes an inline for
/// every `|` of a paragraph and then rebuilds the paragraph as a table: 1–5 µs per pipe, so a 512 KiB row of pipes took
/// 0.5–2 s to parse (issue #19), and the plan reader and reconcile parse it again. A real plan holds fewer than 400
/// pipes, nearly all in tables the <see cref="SimpleTable"/> line reader takes (linear, and not counted here). The hook
/// runs when Markdig closes a paragraph, before any inline is parsed: once the paragraphs Markdig would parse hold more
/// than <see cref="MaxPipes"/> pipes, the rest of the file's pipes are not parsed and the whole file is refused, as
/// <see cref="NestingLimit"/> refuses deep nesting (MP1001 for a plan, MP2004 for a spec).
/// </summary>
internal static class PipeLimit
{
    /// <summary>`|` a file may hold outside the template's plain tables; 25 times the most in any plan seen.</summary>
    public const int MaxPipes = 10_000;

    private static readonly object Key = new();

    /// <summary>
    /// Called by Markdig when it closes a paragraph, after the <see cref="SimpleTable"/> hook where a pipeline has one. A
    /// simple table does not count whether or not this pipeline's reader takes it, so every pipeline counts alike.
    /// </summary>
    public static void OnParagraphClosed(BlockProcessor processor, Block block)
    {
        if (block is not ParagraphBlock paragraph || processor.Document is not { } document)
        {
            return;
        }

        var state = document.GetData(Key) as State;
        if (state?.Refusal is not null)
        {
            // Already refused: the document is thrown away, so nothing more is worth parsing.
            paragraph.ProcessInlines = false;
            return;
        }

        var lines = paragraph.Lines;
        var count = 0;
        for (var i = 0; i < lines.Count; i++)
        {
            count += Count(lines.Lines[i].Slice);
        }

        if (count == 0 || SimpleTable.Takes(paragraph))
        {
            return;
        }

        state ??= Attach(document);
        if (state.Pipes + count <= MaxPipes)
        {
            state.Pipes += count;
            return;
        }

        // The line where the count goes past the limit is the one to name.
        for (var i = 0; i < lines.Count; i++)
        {
            var slice = lines.Lines[i].Slice;
            state.Pipes += Count(slice);
            if (state.Pipes > MaxPipes)
            {
                state.Refusal = new PipeRefusal(lines.Lines[i].Line + 1, slice.Start, Math.Min(slice.End, slice.Text.Length - 1));
                break;
            }
        }

        paragraph.ProcessInlines = false;
    }

    /// <summary>Where the file went past the limit, or null when it did not (or the pipeline has no such hook).</summary>
    public static PipeRefusal? RefusalOf(MarkdownDocument document) => (document.GetData(Key) as State)?.Refusal;

    private static State Attach(MarkdownDocument document)
    {
        var state = new State();
        document.SetData(Key, state);
        return state;
    }

    /// <summary>Pipes in a line, by the runtime's vectorised search.</summary>
    private static int Count(StringSlice slice)
    {
        var text = slice.Text;
        var start = slice.Start;
        if (text is null || start < 0)
        {
            return 0;
        }

        var end = Math.Min(slice.End, text.Length - 1);
        var count = 0;
        for (var at = start <= end ? text.IndexOf('|', start, end - start + 1) : -1; at >= 0; at = at < end ? text.IndexOf('|', at + 1, end - at) : -1)
        {
            count++;
        }

        return count;
    }

    /// <summary>The count so far in one parse; kept on the document, as the hook is shared by every parse.</summary>
    private sealed class State
    {
        public int Pipes { get; set; }

        public PipeRefusal? Refusal { get; set; }
    }
}

/// <summary>The line (1-based) and source range [<paramref name="Start"/>, <paramref name="End"/>] that went past <see cref="PipeLimit.MaxPipes"/>.</summary>
internal sealed record PipeRefusal(int Line, int Start, int End)
{
    public string Reason => string.Format(CultureInfo.InvariantCulture,
        "line {0} brings the file past {1:N0} '|' outside plain tables (each one is a table cell to Markdig, which parses them slowly)", Line, PipeLimit.MaxPipes);

    /// <summary>Where the diagnostic goes: the line's text, without the spaces around it.</summary>
    public Diagnostics.SourceSpan Span(SourceMap map) => map.Trim(Start, End) is { } line ? map.Span(line.Start, line.End) : map.Span(Start, Start);
}

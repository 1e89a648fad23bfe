using MilestonePlan.Core.Diagnostics;

namespace MilestonePlan.Core.Parsing;

/// <summary>Turns character offsets into 1-based line and column, counting `\r\n`, `\n` and `\r` as line ends.</summary>
internal sealed class SourceMap
{
    private readonly int[] lineStarts;

    public SourceMap(string text)
    {
        Text = text;
        // Two passes (count, then fill) instead of a growing list: this runs for every plan and spec.
        var count = 1;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                i++;
                count++;
            }
            else if (c is '\n' or '\r')
            {
                count++;
            }
        }

        lineStarts = new int[count];
        var line = 1;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                i++;
                lineStarts[line++] = i + 1;
            }
            else if (c is '\n' or '\r')
            {
                lineStarts[line++] = i + 1;
            }
        }
    }

    public string Text { get; }

    public int LineCount => lineStarts.Length;

    /// <summary>1-based line of an offset.</summary>
    public int LineOf(int offset)
    {
        offset = Clamp(offset);
        var index = Array.BinarySearch(lineStarts, offset);
        return (index >= 0 ? index : ~index - 1) + 1;
    }

    public int ColumnOf(int offset)
    {
        offset = Clamp(offset);
        return offset - lineStarts[LineOf(offset) - 1] + 1;
    }

    /// <summary>Span of the inclusive range [start, end].</summary>
    public SourceSpan Span(int start, int end)
    {
        if (end < start)
        {
            end = start;
        }

        start = Clamp(start);
        end = Clamp(end);
        var line = LineOf(start);
        var column = start - lineStarts[line - 1] + 1;
        if (line == lineStarts.Length || end < lineStarts[line])
        {
            return new SourceSpan(line, column, line, end - lineStarts[line - 1] + 1);
        }

        var endLine = LineOf(end);
        return new SourceSpan(line, column, endLine, end - lineStarts[endLine - 1] + 1);
    }

    /// <summary>
    /// Span of [start, end] when both are known to be on the 1-based <paramref name="line"/> (a table row's cells): no
    /// search for the line.
    /// </summary>
    public SourceSpan SpanOnLine(int line, int start, int end)
    {
        var lineStart = lineStarts[line - 1];
        return new SourceSpan(line, start - lineStart + 1, line, Math.Max(end, start) - lineStart + 1);
    }

    /// <summary>Offset of the first character of a 1-based line.</summary>
    public int LineStart(int line) => lineStarts[Math.Max(0, Math.Min(line - 1, lineStarts.Length - 1))];

    /// <summary>Offset just past the last character of a 1-based line (before its line ending).</summary>
    public int LineEnd(int line)
    {
        var end = line < lineStarts.Length ? lineStarts[line] : Text.Length;
        while (end > LineStart(line) && (Text[end - 1] == '\n' || Text[end - 1] == '\r'))
        {
            end--;
        }

        return end;
    }

    /// <summary>The range [start, end] with surrounding whitespace removed; null when it is all whitespace.</summary>
    public (int Start, int End)? Trim(int start, int end, string extra = "")
    {
        start = Clamp(start);
        end = Math.Min(end, Text.Length - 1);
        while (start <= end && (char.IsWhiteSpace(Text[start]) || extra.IndexOf(Text[start]) >= 0))
        {
            start++;
        }

        while (end >= start && (char.IsWhiteSpace(Text[end]) || extra.IndexOf(Text[end]) >= 0))
        {
            end--;
        }

        return start <= end ? (start, end) : null;
    }

    public string Slice(int start, int end) =>
        end < start ? string.Empty : Text.Substring(Clamp(start), Math.Min(end, Text.Length - 1) - Clamp(start) + 1);

    private int Clamp(int offset) => Math.Max(0, Math.Min(offset, Math.Max(0, Text.Length - 1)));
}

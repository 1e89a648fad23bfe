using MilestonePlan.Core.Model;
namespace MilestonePlan.Core.Parsing;

/// <summary>
/// A linear pre-scan that keeps pathologically nested text away from Markdig. Markdig re-walks the open
/// container stack (lists, quotes) for every line, so its cost grows with size times depth: a 1 MB plan of
/// lists nested 1,000 deep by indentation took 1.9 s, 3 MB over 12 s. Real plans nest fewer than 10 levels.
/// Bracket and emphasis runs were measured too and cost Markdig little, so only containers are counted.
/// </summary>
internal static class NestingLimit
{
    /// <summary>Container levels a line may open; more than three times the deepest real plan.</summary>
    public const int MaxDepth = 32;

    /// <summary>
    /// `[` a run of non-blank lines may hold. Markdig's link matching is quadratic in the brackets of one
    /// paragraph: `[a]` lines cost 0.4 s for 20,000 brackets and 1.5 s for 40,000 (a 120 kB plan). A real plan's
    /// largest block, its issue table, holds a few hundred.
    /// </summary>
    public const int MaxBracketsPerBlock = 5_000;

    private static readonly char[] LineEnds = ['\n', '\r'];

    /// <summary>The reason the text is refused, or null when it is fine to parse.</summary>
    public static string? Check(string text)
    {
        var lineNumber = 1;
        var brackets = 0;
        var i = 0;
        while (i < text.Length)
        {
            var lineStart = i;
            var depth = DepthAt(text, ref i);
            if (depth > MaxDepth)
            {
                return $"line {lineNumber} nests lists or quotes more than {MaxDepth} levels deep";
            }

            // Next line; a CR alone ends a line for Markdig too. A blank line ends the block whose brackets count.
            // The searches are the runtime's vectorised ones: this reads every byte of every plan and spec.
            var lineEnd = i < text.Length ? text.IndexOfAny(LineEnds, i) : -1;
            lineEnd = lineEnd < 0 ? text.Length : lineEnd;
            var blank = IsBlank(text, lineStart, lineEnd);
            for (var at = i < lineEnd ? text.IndexOf('[', i, lineEnd - i) : -1; at >= 0; at = at + 1 < lineEnd ? text.IndexOf('[', at + 1, lineEnd - at - 1) : -1)
            {
                brackets++;
            }

            i = lineEnd;

            if (blank)
            {
                brackets = 0;
            }
            else if (brackets > MaxBracketsPerBlock)
            {
                return $"the block of lines reaching line {lineNumber} holds more than {MaxBracketsPerBlock} '['";
            }

            if (i < text.Length && text[i] == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                i++;
            }

            i++;
            lineNumber++;
        }

        return null;
    }

    /// <summary>
    /// Levels the prefix of the line at <paramref name="i"/> can open: each `>`, list marker (`-`, `*`, `+`, `1.`,
    /// `1)`), and, once a marker is seen, every two columns of indentation (the least a nested list item needs).
    /// Indentation before plain text is a code block or a continuation and opens nothing.
    /// </summary>
    private static int DepthAt(string text, ref int i)
    {
        var markers = 0;
        var columns = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (c == ' ')
            {
                columns++;
                i++;
            }
            else if (c == '\t')
            {
                columns += 4;
                i++;
            }
            else if (c == '>' || (c is '-' or '*' or '+' && IsMarkerEnd(text, i + 1)))
            {
                markers++;
                i = SkipMarkerSpace(text, i + 1);
            }
            else if (AsciiNumber.IsDigit(c) && OrderedMarkerLength(text, i) is > 0 and var length)
            {
                markers++;
                i = SkipMarkerSpace(text, i + length);
            }
            else
            {
                break;
            }

            if (markers + (columns / 2) > MaxDepth + 1 && markers > 0)
            {
                // Enough is known; the rest of the prefix does not need reading.
                break;
            }
        }

        return markers == 0 ? 0 : markers + (columns / 2);
    }

    private static bool IsBlank(string text, int start, int end)
    {
        for (var j = start; j < end; j++)
        {
            if (text[j] is not (' ' or '\t'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The one space that belongs to a marker (`> `, `- `) is not indentation.</summary>
    private static int SkipMarkerSpace(string text, int at) => at < text.Length && text[at] == ' ' ? at + 1 : at;

    private static bool IsMarkerEnd(string text, int at) => at >= text.Length || text[at] is ' ' or '\t' or '\n' or '\r';

    /// <summary>`12.` or `12)` followed by a space or the line end (CommonMark allows up to 9 digits); 0 when not one.</summary>
    private static int OrderedMarkerLength(string text, int at)
    {
        var digits = AsciiNumber.CountDigits(text, at);
        var end = at + digits;
        return digits is > 0 and <= 9 && end < text.Length && text[end] is '.' or ')' && IsMarkerEnd(text, end + 1) ? digits + 1 : 0;
    }
}

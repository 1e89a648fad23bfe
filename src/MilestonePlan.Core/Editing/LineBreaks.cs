namespace MilestonePlan.Core.Editing;

/// <summary>
/// Which characters end a line. An editor splits a text the way the reader of that part splits it, so a line number
/// means the same line on both sides: Markdig (and CommonMark) end lines at `\n`, `\r` and `\r\n` only; YAML also at
/// U+0085, U+2028 and U+2029.
/// </summary>
internal enum LineBreaks
{
    Markdown,
    Yaml,
}

internal static class LineBreaksExtensions
{
    /// <summary>Length of the line break starting at <paramref name="i"/> (0 when none does).</summary>
    public static int BreakAt(this LineBreaks breaks, string text, int i) => text[i] switch
    {
        '\r' => i + 1 < text.Length && text[i + 1] == '\n' ? 2 : 1,
        '\n' => 1,
        '\u0085' or '\u2028' or '\u2029' when breaks == LineBreaks.Yaml => 1,
        _ => 0,
    };

    /// <summary>True when <paramref name="text"/> holds any character that ends a line in this model.</summary>
    public static bool HasBreak(this LineBreaks breaks, string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (breaks.BreakAt(text, i) > 0)
            {
                return true;
            }
        }

        return false;
    }
}

namespace MilestonePlan.Core.Parsing;

/// <summary>
/// Which characters the line readers (<see cref="SimpleTable"/>, <see cref="SimpleListItem"/>) take as text Markdig
/// would read as itself: printable ASCII except the markup each reader declines, and beyond ASCII anything but controls,
/// whitespace other than the space, U+FFFD (Markdig's stand-in for NUL) and lone surrogates.
/// </summary>
internal static class PlainCharacters
{
    /// <summary>A lookup of the printable ASCII characters, <paramref name="markup"/> excepted (this runs for every character of a plan).</summary>
    public static bool[] Ascii(string markup) =>
        Enumerable.Range(0, 128).Select(c => c >= ' ' && c < 127 && markup.IndexOf((char)c) < 0).ToArray();

    /// <summary>True when the character at <paramref name="i"/> is plain by <paramref name="ascii"/> (from <see cref="Ascii"/>) or beyond ASCII.</summary>
    public static bool IsPlain(string text, int i, bool[] ascii)
    {
        var c = text[i];
        if (c < ascii.Length)
        {
            return ascii[c];
        }

        if (char.IsControl(c) || char.IsWhiteSpace(c) || c == '\uFFFD')
        {
            return false;
        }

        if (char.IsHighSurrogate(c))
        {
            return i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]);
        }

        return !char.IsLowSurrogate(c) || (i > 0 && char.IsHighSurrogate(text[i - 1]));
    }
}

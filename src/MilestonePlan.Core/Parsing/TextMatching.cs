namespace MilestonePlan.Core.Parsing;

/// <summary>Comparisons that ignore what people change without meaning to: case, spacing, quotes, trailing dots.</summary>
internal static class TextMatching
{
    private static readonly char[] Decoration = ['"', '\'', '`', '*', '.', ' '];

    public static string Canonical(string? text)
    {
        var s = InlineText.Normalize(text ?? string.Empty).Trim().Trim(Decoration);
        return s.ToLowerInvariant();
    }

    public static bool SameTitle(string? a, string? b) =>
        string.Equals(a, b, StringComparison.OrdinalIgnoreCase) || Canonical(a) == Canonical(b);

    /// <summary>The first backticked or whitespace-separated token of a field value (`milestone/m0-x (base branch...)`).</summary>
    public static string FirstTokenOf(Model.TextCell value) => FirstToken(value);

    internal static string FirstToken(Model.TextCell value)
    {
        var raw = value.Raw;
        var tick = raw.IndexOf('`');
        if (tick >= 0)
        {
            var close = raw.IndexOf('`', tick + 1);
            if (close > tick)
            {
                return raw.Substring(tick + 1, close - tick - 1).Trim();
            }
        }

        var text = value.Text.Trim();
        var space = text.IndexOf(' ');
        return space > 0 ? text.Substring(0, space) : text;
    }
}

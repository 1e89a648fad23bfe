namespace MilestonePlan.Core.Model;

/// <summary>
/// A milestone's identity, normalised to lower case with an `m`: `m0`, `m12`, `m4.1`.
/// `M3`, `3` and `` `m3` `` all read as `m3`.
/// </summary>
internal sealed record MilestoneId
{
    private static readonly char[] Quotes = ['`', '*', '"', '\''];

    private MilestoneId(string number)
    {
        Number = number;
        Value = "m" + number;
    }

    /// <summary>The part after the `m`: `0`, `12`, `4.1`.</summary>
    public string Number { get; }

    /// <summary>`m` and the number (made once: plans and rules format it for every row).</summary>
    public string Value { get; }

    public override string ToString() => Value;

    /// <summary>Reads a milestone id at the start of <paramref name="text"/> (`M0 - Foundations` reads as m0).</summary>
    public static bool TryParse(string? text, out MilestoneId milestone)
    {
        milestone = null!;
        if (text is null)
        {
            return false;
        }

        var s = text.Trim().Trim(Quotes).Trim();
        var i = 0;
        if (i < s.Length && (s[i] == 'm' || s[i] == 'M'))
        {
            i++;
        }

        var start = i;
        while (i < s.Length && (AsciiNumber.IsDigit(s[i]) || (s[i] == '.' && i + 1 < s.Length && AsciiNumber.IsDigit(s[i + 1]) && i > start)))
        {
            i++;
        }

        if (i == start || (i < s.Length && char.IsLetterOrDigit(s[i])))
        {
            return false;
        }

        // Normalise leading zeros of the integer part ("m03" is m3) but keep the decimal part as written.
        var digits = s.Substring(start, i - start);
        var dot = digits.IndexOf('.');
        var whole = (dot < 0 ? digits : digits.Substring(0, dot)).TrimStart('0');
        if (whole.Length == 0)
        {
            whole = "0";
        }

        milestone = new MilestoneId(dot < 0 ? whole : whole + digits.Substring(dot));
        return true;
    }

    public static MilestoneId? Parse(string? text) => TryParse(text, out var m) ? m : null;
}

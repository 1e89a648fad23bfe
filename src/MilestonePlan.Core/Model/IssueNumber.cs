using System.Globalization;

namespace MilestonePlan.Core.Model;

/// <summary>An issue's number in a plan (`#01`, `01` and `1` are all 1). Shown zero-padded to two digits.</summary>
internal readonly record struct IssueNumber(int Value) : IComparable<IssueNumber>
{
    public int CompareTo(IssueNumber other) => Value.CompareTo(other.Value);

    /// <summary>`#01`, `#12`, `#101`.</summary>
    public override string ToString() => "#" + Padded;

    /// <summary>`01`, `12`, `101`: the form used in branch names and file names.</summary>
    public string Padded => Value.ToString("00", CultureInfo.InvariantCulture);

    /// <summary>Reads `#01`, `01`, `1`, `**#01**` (already stripped of markup by the caller).</summary>
    public static bool TryParse(string? text, out IssueNumber number)
    {
        number = default;
        if (text is null)
        {
            return false;
        }

        var s = text.Trim();
        if (s.StartsWith("#", StringComparison.Ordinal))
        {
            s = s.Substring(1).TrimStart();
        }

        if (s.Length > 9 || !AsciiNumber.TryParse(s, out var value))
        {
            return false;
        }

        number = new IssueNumber(value);
        return true;
    }
}

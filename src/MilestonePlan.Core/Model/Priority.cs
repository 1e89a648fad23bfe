namespace MilestonePlan.Core.Model;

/// <summary>`P0`, `P1`, ...: a lower level runs first. Unknown sorts last.</summary>
public readonly record struct Priority(int Level)
{
    public static Priority Unknown { get; } = new(int.MaxValue);

    public bool IsKnown => Level != int.MaxValue;

    public override string ToString() => IsKnown ? "P" + Level : "unknown priority";

    public static bool TryParse(string? text, out Priority priority)
    {
        priority = Unknown;
        var s = text?.Trim().Trim('`', '*').Trim() ?? string.Empty;
        if (s.Length >= 2 && (s[0] == 'P' || s[0] == 'p') && s.Skip(1).All(char.IsDigit) && s.Length <= 3)
        {
            priority = new Priority(int.Parse(s.Substring(1), System.Globalization.CultureInfo.InvariantCulture));
            return true;
        }

        return false;
    }
}

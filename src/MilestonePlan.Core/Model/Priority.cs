namespace MilestonePlan.Core.Model;

/// <summary>`P0`, `P1`, ...: a lower level runs first. Unknown sorts last.</summary>
internal readonly record struct Priority(int Level)
{
    private static readonly char[] Decoration = ['`', '*'];

    public static Priority Unknown { get; } = new(int.MaxValue);

    public bool IsKnown => Level != int.MaxValue;

    public override string ToString() => IsKnown ? "P" + Level : "unknown priority";

    public static bool TryParse(string? text, out Priority priority)
    {
        priority = Unknown;
        var s = text?.Trim().Trim(Decoration).Trim() ?? string.Empty;
        if (s.Length is >= 2 and <= 3 && (s[0] == 'P' || s[0] == 'p') && AsciiNumber.TryParse(s, 1, s.Length - 1, out var level))
        {
            priority = new Priority(level);
            return true;
        }

        return false;
    }
}

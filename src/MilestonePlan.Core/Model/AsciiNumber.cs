namespace MilestonePlan.Core.Model;

/// <summary>
/// The one reader of numbers in plans and specs. Only ASCII '0'..'9' count as digits: `char.IsDigit` also
/// accepts Arabic-Indic, Devanagari and other digits that `int.Parse` then rejects with an exception, and a
/// plan's numbers are always written in ASCII. Too many digits for an int is "not a number", never an overflow.
/// </summary>
internal static class AsciiNumber
{
    public static bool IsDigit(char c) => c is >= '0' and <= '9';

    /// <summary>How many ASCII digits <paramref name="text"/> has from <paramref name="start"/> on.</summary>
    public static int CountDigits(string text, int start = 0)
    {
        var i = start;
        while (i < text.Length && IsDigit(text[i]))
        {
            i++;
        }

        return i - start;
    }

    /// <summary>The whole of <paramref name="text"/> as a non-negative int; false when empty, not all ASCII digits, or too big.</summary>
    public static bool TryParse(string? text, out int value) => TryParse(text, 0, text?.Length ?? 0, out value);

    /// <summary><paramref name="length"/> characters from <paramref name="start"/> as a non-negative int.</summary>
    public static bool TryParse(string? text, int start, int length, out int value)
    {
        value = 0;
        if (text is null || length <= 0 || start < 0 || start + length > text.Length)
        {
            return false;
        }

        long result = 0;
        for (var i = start; i < start + length; i++)
        {
            if (!IsDigit(text[i]))
            {
                value = 0;
                return false;
            }

            result = (result * 10) + (text[i] - '0');
            if (result > int.MaxValue)
            {
                value = 0;
                return false;
            }
        }

        value = (int)result;
        return true;
    }

    /// <summary>The ASCII digits at the start of <paramref name="text"/> as an int; null when there are none or too many.</summary>
    public static int? Leading(string text, int maxDigits = 9)
    {
        var count = CountDigits(text);
        return count > 0 && count <= maxDigits && TryParse(text, 0, count, out var value) ? value : null;
    }
}

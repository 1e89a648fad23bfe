using System.Globalization;

namespace MilestonePlan.Core.Configuration;

/// <summary>A size cap from an MSBuild property: a positive whole number of bytes, else the default.</summary>
internal static class ByteLimit
{
    public static long Parse(string? text, long fallback) =>
        long.TryParse(text?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0 ? value : fallback;
}

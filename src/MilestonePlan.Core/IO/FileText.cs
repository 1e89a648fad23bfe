namespace MilestonePlan.Core.IO;

/// <summary>A file's text, or why it was not read (missing, unreadable, over the size cap, not a regular file).</summary>
internal sealed record FileText(string? Text, string? Problem, bool TooLarge = false)
{
    public static FileText Missing { get; } = new(null, "cannot be read");

    public static FileText Of(string text) => new(text, null);

    /// <summary>Over its cap: not read, and the same words wherever the file comes from.</summary>
    public static FileText TooLargeFile(long size, long maxBytes) =>
        new(null, $"is {size:N0} bytes, over the {maxBytes:N0}-byte cap", TooLarge: true);
}

/// <summary>
/// How much of a file the product reads. Real plans are a few to tens of kB, specs a few kB. The caps keep every input
/// under one second of validation on a 2-core machine (measured, docs/security.md): Markdig alone needs 0.9 s for
/// some 1 MiB shapes and up to 15 s at 8 MiB, so the caps are 512 KiB and 256 KiB, still ten times any real file.
/// </summary>
internal static class FileLimits
{
    /// <summary>512 KiB: a plan over this is reported (MP2007), not read.</summary>
    public const long DefaultMaxPlanBytes = 512L * 1024;

    /// <summary>256 KiB: a spec over this is reported (MP2007), not read or published.</summary>
    public const long DefaultMaxSpecBytes = 256L * 1024;
}

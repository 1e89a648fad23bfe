namespace MilestonePlan.Core.IO;

/// <summary>A file's text, or why it was not read (missing, unreadable, over the size cap, not a regular file).</summary>
public sealed record FileText(string? Text, string? Problem, bool TooLarge = false)
{
    public static FileText Missing { get; } = new(null, "cannot be read");

    public static FileText Of(string text) => new(text, null);
}

/// <summary>How much of a file the product reads: real plans are tens of kB, specs a few kB.</summary>
public static class FileLimits
{
    /// <summary>8 MiB: a plan over this is reported, not read.</summary>
    public const long DefaultMaxPlanBytes = 8L * 1024 * 1024;

    /// <summary>1 MiB: a spec over this is reported, not read or published.</summary>
    public const long DefaultMaxSpecBytes = 1L * 1024 * 1024;
}

namespace MilestonePlan.Core.Editing;

/// <summary>
/// An edit that could not be made surgically, or did not read back as intended: nothing is written. A refusal is
/// always better than a plausible-looking corruption of a file people own; the workflow reports it as MP9002.
/// </summary>
internal sealed class EditRefusedException(string path, int line, string reason)
    : Exception($"{path}({Math.Max(line, 1)}): {reason}; nothing was written")
{
    public string Path { get; } = path;

    /// <summary>1-based line of the text as it was read (0 when the refusal concerns the whole file).</summary>
    public int Line { get; } = line;

    public string Reason { get; } = reason;
}

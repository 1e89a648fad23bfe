namespace MilestonePlan.Core.Model;

/// <summary>A file the plan points at: a relative Markdown link, or a required read in backticks.</summary>
/// <param name="Target">The path as written, without any `#anchor`.</param>
/// <param name="IsRepositoryRelative">Required reads are repository-relative; links are relative to the plan's folder.</param>
internal sealed record PlanLink(string Target, TextCell Cell, bool IsRepositoryRelative)
{
    private static readonly char[] InvalidPathCharacters = System.IO.Path.GetInvalidPathChars();

    /// <summary>False when the target holds a character no path may hold (a NUL, say): never resolved, never thrown on.</summary>
    public bool CanBeAPath => Target.IndexOfAny(InvalidPathCharacters) < 0;
}

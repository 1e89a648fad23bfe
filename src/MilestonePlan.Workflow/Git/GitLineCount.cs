namespace MilestonePlan.Workflow.Git;

/// <summary>One entry of `git diff --numstat`: lines added and removed in a file; binary files have no line counts.</summary>
/// <param name="Path">The file's path (the new path of a rename), relative to the repository root, with '/'.</param>
/// <param name="OldPath">The path before a rename; null otherwise.</param>
internal sealed record GitLineCount(string Path, int Added, int Removed, bool IsBinary, string? OldPath = null);

namespace MilestonePlan.Workflow.Git;

/// <summary>One entry of `git diff --name-status`: what happened to a file between two revisions.</summary>
/// <param name="Status">git's status letter: A added, M modified, D deleted, R renamed, C copied, T type changed.</param>
/// <param name="Path">The file's path (the new path of a rename or copy), relative to the repository root, with '/'.</param>
/// <param name="OldPath">The path before a rename or copy; null otherwise.</param>
/// <param name="Similarity">git's similarity percentage of a rename or copy (R087 → 87); null otherwise.</param>
internal sealed record GitFileStatus(char Status, string Path, string? OldPath = null, int? Similarity = null);

using MilestonePlan.Workflow.Git;

namespace MilestonePlan.Workflow.StopConditions;

internal enum ChangeKind
{
    Added,
    Modified,
    Deleted,
    Renamed,
}

/// <summary>One file of a diff: counts, the added lines with their numbers, its text before and after when known, and its modes.</summary>
internal sealed record FileChange(
    string Path,
    ChangeKind Kind,
    int Added,
    int Removed,
    IReadOnlyList<(int Line, string Text)> AddedLines,
    string? Before = null,
    string? After = null,
    string? OldPath = null,
    bool Binary = false,
    string? OldMode = null,
    string? NewMode = null)
{
    /// <summary>Every name the change touches: a rename is classified under both, so moving a file out of a protected folder is seen.</summary>
    public IEnumerable<string> Paths => OldPath is null || OldPath == Path ? [Path] : [Path, OldPath];

    public bool IsSymbolicLink => OldMode == GitFileMode.SymbolicLink || NewMode == GitFileMode.SymbolicLink;

    public bool IsSubmodule => OldMode == GitFileMode.Submodule || NewMode == GitFileMode.Submodule;
}

/// <summary>
/// What a feature branch changes against its base (`git diff base...head`), and the commits a push of it publishes
/// (<paramref name="Commits"/>: each message and each commit's added lines, scanned for secrets too).
/// </summary>
internal sealed record ChangeSet(string BaseRef, string HeadRef, IReadOnlyList<FileChange> Files, IReadOnlyList<PublishedCommit>? Commits = null)
{
    public int ChangedLines => Files.Sum(f => f.Added + f.Removed);
}

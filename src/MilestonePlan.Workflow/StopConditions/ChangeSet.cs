namespace MilestonePlan.Workflow.StopConditions;

public enum ChangeKind
{
    Added,
    Modified,
    Deleted,
    Renamed,
}

/// <summary>One file of a diff: counts, the added lines with their numbers, and its text before and after when known.</summary>
public sealed record FileChange(
    string Path,
    ChangeKind Kind,
    int Added,
    int Removed,
    IReadOnlyList<(int Line, string Text)> AddedLines,
    string? Before = null,
    string? After = null,
    string? OldPath = null,
    bool Binary = false);

/// <summary>What a feature branch changes against its base (`git diff base...head`).</summary>
public sealed record ChangeSet(string BaseRef, string HeadRef, IReadOnlyList<FileChange> Files)
{
    public int ChangedLines => Files.Sum(f => f.Added + f.Removed);
}

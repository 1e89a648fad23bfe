namespace MilestonePlan.Core.Model;

/// <summary>A pull request as `gh pr list/view --json` reports it: the facts reconciliation needs.</summary>
/// <param name="State">`OPEN`, `MERGED` or `CLOSED`.</param>
internal sealed record PullRequestInfo(
    int Number,
    string Title,
    string State,
    string HeadRefName,
    string BaseRefName,
    string Url,
    DateTimeOffset? MergedAt = null,
    bool AutoMergeEnabled = false)
{
    /// <summary>The checks as `statusCheckRollup` reports them; <see cref="CheckState.Unknown"/> when gh was not asked.</summary>
    public CheckState Checks { get; init; }

    public bool IsDraft { get; init; }

    /// <summary>`mergeStateStatus` (CLEAN, BLOCKED, BEHIND, DIRTY, UNSTABLE, HAS_HOOKS, UNKNOWN, DRAFT), when gh was asked.</summary>
    public string? MergeStateStatus { get; init; }

    /// <summary>GitHub cannot merge the PR into its base without a person resolving a conflict (`mergeStateStatus` DIRTY).</summary>
    public bool HasConflict => string.Equals(MergeStateStatus, "DIRTY", StringComparison.OrdinalIgnoreCase);

    /// <summary>When the PR was opened (`createdAt`), when gh said.</summary>
    public DateTimeOffset? CreatedAt { get; init; }

    public bool IsOpen => string.Equals(State, "OPEN", StringComparison.OrdinalIgnoreCase);

    public bool IsMerged => string.Equals(State, "MERGED", StringComparison.OrdinalIgnoreCase) || MergedAt is not null;
}

/// <summary>A PR's checks, as the template's Open PRs entry writes them.</summary>
internal enum CheckState
{
    Unknown,
    Pending,
    Passing,
    Failing,
}

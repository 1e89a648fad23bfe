namespace MilestonePlan.Core.Workflow;

/// <summary>A pull request as `gh pr list/view --json` reports it: the facts reconciliation needs.</summary>
/// <param name="State">`OPEN`, `MERGED` or `CLOSED`.</param>
public sealed record PullRequestInfo(
    int Number,
    string Title,
    string State,
    string HeadRefName,
    string BaseRefName,
    string Url,
    DateTimeOffset? MergedAt = null,
    bool AutoMergeEnabled = false)
{
    public bool IsOpen => string.Equals(State, "OPEN", StringComparison.OrdinalIgnoreCase);

    public bool IsMerged => string.Equals(State, "MERGED", StringComparison.OrdinalIgnoreCase) || MergedAt is not null;
}

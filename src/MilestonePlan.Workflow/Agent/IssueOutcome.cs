namespace MilestonePlan.Workflow.Agent;

/// <summary>What RunMilestone did with one issue: the line of its summary and the item the target returns.</summary>
internal sealed record IssueOutcome(string Issue, string Title, string Branch, IssueOutcomeState State, string Reason, int? PullRequest = null, string? Url = null)
{
    public override string ToString() =>
        $"{Issue} {Title}: {State}{(PullRequest is { } n ? $" (PR #{n})" : string.Empty)}{(Reason.Length > 0 ? " — " + Reason : string.Empty)}";
}

/// <summary>The states of <see cref="IssueOutcome"/>; names are part of the target's items (docs/targets.md).</summary>
internal enum IssueOutcomeState
{
    Done,
    PrOpen,
    Stopped,
    Skipped,
    Waiting,
}

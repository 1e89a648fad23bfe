using MilestonePlan.Core.Model;

namespace MilestonePlan.Core.Selection;

/// <summary>Everything the tracking sections say about one issue, before it is boiled down to one state.</summary>
internal sealed record TrackingFacts(
    TrackingEntry? Checklist,
    TrackingEntry? OpenPullRequest,
    TrackingEntry? Blocked,
    TrackingEntry? Skipped,
    IssueState? TableStatus)
{
    public bool MarkedDone => Checklist is { Checked: true } || Checklist?.Status == IssueState.Done || TableStatus == IssueState.Done;

    public bool MarkedStopped => Blocked is not null || Checklist?.Status == IssueState.Stopped || TableStatus == IssueState.Stopped;

    public bool MarkedSkipped => Skipped is not null || Checklist?.Status == IssueState.Skipped || TableStatus == IssueState.Skipped;
}

/// <summary>One issue's row, its state and the facts it came from.</summary>
internal sealed record IssueStatus(IssueRow Row, IssueState State, TrackingFacts Facts)
{
    public bool IsDone => State == IssueState.Done;

    public override string ToString() => $"{Row.Number} {State}";
}

namespace MilestonePlan.Core.Selection;

/// <summary>One row of the lifecycle: when it applies, the state it names, the next action and the record.</summary>
internal sealed record LifecycleRow(string Rule, Func<IssueFacts, bool> When, LifecycleState State, LifecycleAction Next, TrackingRecord Record);

/// <summary>
/// An issue's life, as one table read top to bottom: the first row whose condition holds names the state, the next
/// action and what the tracking records. Pure: the facts come from git, gh and the plan; SubmitIssue, ReconcileMilestone
/// and RunMilestone ask it instead of each deciding from a PR's fields. GitHub's unhappy paths (checks pending or failing,
/// a conflict, ...) are rows to add above the open-PR rows; a row's order is its priority.
/// </summary>
internal static class IssueLifecycle
{
    public static IReadOnlyList<LifecycleRow> Rows { get; } =
    [
        new("recorded done", f => f.RecordedDone, LifecycleState.Done, LifecycleAction.None, TrackingRecord.None),
        new("PR merged", f => f.PullRequest is { IsMerged: true }, LifecycleState.Merged, LifecycleAction.MarkDone, TrackingRecord.Done),
        new("auto-merge refused", f => f.PullRequest is not null && f.AutoMergeRefused, LifecycleState.AutoMergeRefused, LifecycleAction.WaitForPerson,
            TrackingRecord.OpenPullRequest | TrackingRecord.HardStop),
        new("PR closed without merging", f => f.PullRequest is { IsOpen: false }, LifecycleState.ClosedUnmerged, LifecycleAction.WaitForPerson, TrackingRecord.HardStop),
        new("PR is a draft", f => f.PullRequest is { IsDraft: true }, LifecycleState.Draft, LifecycleAction.WaitForPerson, TrackingRecord.OpenPullRequest),
        new("PR merges when its checks pass", f => f.PullRequest is { AutoMergeEnabled: true }, LifecycleState.AwaitingMerge, LifecycleAction.WaitForMerge,
            TrackingRecord.OpenPullRequest),
        new("PR open without auto-merge", f => f.PullRequest is not null, LifecycleState.NeedsAutoMerge, LifecycleAction.EnableAutoMerge, TrackingRecord.OpenPullRequest),
        new("recorded ⛔ stop", f => f.Stop == RecordedStop.Hard, LifecycleState.Stopped, LifecycleAction.WaitForPerson, TrackingRecord.None),
        new("recorded ⏭️ skip", f => f.Stop == RecordedStop.Soft, LifecycleState.Skipped, LifecycleAction.WaitForPerson, TrackingRecord.None),
        new("work committed, no PR", f => f.BranchExists && f.HasCommits, LifecycleState.HasWork, LifecycleAction.Submit, TrackingRecord.None),
        new("branch without work", f => f.BranchExists, LifecycleState.Started, LifecycleAction.RunAgent, TrackingRecord.None),
        new("not started", _ => true, LifecycleState.NotStarted, LifecycleAction.StartBranch, TrackingRecord.None),
    ];

    public static LifecycleStep Of(IssueFacts facts)
    {
        var row = Rows.First(r => r.When(facts));
        return new LifecycleStep(row.State, row.Next, row.Record, row.Rule);
    }

    /// <summary>The states in which the issue's PR is open on GitHub.</summary>
    public static bool HasOpenPullRequest(LifecycleState state) =>
        state is LifecycleState.AutoMergeRefused or LifecycleState.Draft or LifecycleState.AwaitingMerge or LifecycleState.NeedsAutoMerge;
}

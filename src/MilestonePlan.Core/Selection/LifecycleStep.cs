namespace MilestonePlan.Core.Selection;

/// <summary>Where an issue is in its life (docs/architecture.md, "Issue lifecycle").</summary>
internal enum LifecycleState
{
    Done,
    Merged,
    AutoMergeRefused,
    ClosedUnmerged,
    Draft,
    AwaitingMerge,
    NeedsAutoMerge,
    Stopped,
    Skipped,
    HasWork,
    Started,
    NotStarted,
}

/// <summary>What the workflow does next for an issue in that state.</summary>
internal enum LifecycleAction
{
    None,
    WaitForPerson,
    StartBranch,
    RunAgent,
    Submit,
    EnableAutoMerge,
    WaitForMerge,
    MarkDone,
}

/// <summary>What the plan's tracking records for the state (the targets write the entries from it).</summary>
[Flags]
internal enum TrackingRecord
{
    None = 0,

    /// <summary>Completed Issues: checked.</summary>
    Done = 1,

    /// <summary>An Open PRs entry.</summary>
    OpenPullRequest = 2,

    /// <summary>A ⛔ entry in Blocked / Needs Review.</summary>
    HardStop = 4,
}

/// <summary>The answer for one issue: its state, the next action, the record, and the rule that gave them.</summary>
internal sealed record LifecycleStep(LifecycleState State, LifecycleAction Next, TrackingRecord Record, string Rule);

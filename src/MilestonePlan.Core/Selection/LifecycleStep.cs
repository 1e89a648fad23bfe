namespace MilestonePlan.Core.Selection;

/// <summary>Where an issue is in its life (docs/architecture.md, "Issue lifecycle"; docs/run-milestone.md, the state table).</summary>
internal enum LifecycleState
{
    Done,
    Merged,
    ClosedUnmerged,
    Stopped,
    Skipped,
    AutoMergeRefused,
    Conflicted,
    ChecksFailing,
    Draft,
    AwaitingMerge,
    NeedsAutoMerge,
    PullRequestMissing,
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

    /// <summary>`gh pr merge --disable-auto` and `gh pr ready --undo`: the PR cannot merge by itself while the issue is stopped.</summary>
    MakeDraft,
}

/// <summary>What the loop does after the state is recorded: the template's stop classes.</summary>
internal enum LoopMove
{
    /// <summary>Nothing holds the loop: on to the next eligible issue.</summary>
    GoOn,

    /// <summary>The PR may still merge by itself: wait for it when nothing else is eligible.</summary>
    Wait,

    /// <summary>A soft stop: ⏭️ Skipped, its dependents wait, the loop goes on at once.</summary>
    Skip,

    /// <summary>A hard stop: ⛔ Needs Review, nothing more is done for the issue until a person clears it.</summary>
    Stop,
}

/// <summary>What the plan's tracking records for the state (the entries are written from it: Planning's LifecycleRecord).</summary>
[Flags]
internal enum TrackingRecord
{
    None = 0,

    /// <summary>Completed Issues: checked; no Open PRs entry and no stop left.</summary>
    Done = 1,

    /// <summary>An Open PRs entry with the checks GitHub reports.</summary>
    OpenPullRequest = 2,

    /// <summary>A ⛔ entry in Blocked / Needs Review.</summary>
    HardStop = 4,

    /// <summary>A ⏭️ entry in Skipped Issues.</summary>
    SoftStop = 8,

    /// <summary>No Open PRs entry: GitHub has no open PR for the issue.</summary>
    NoOpenPullRequest = 16,
}

/// <summary>
/// The answer for one issue: its state, the next action, what the loop does, the record, the rule that gave them, and
/// for a stop the reason and what a person must do (one line each; the PR's URL is GitHub's and still untrusted).
/// </summary>
internal sealed record LifecycleStep(LifecycleState State, LifecycleAction Next, TrackingRecord Record, string Rule)
{
    public LoopMove Loop { get; init; }

    public string Reason { get; init; } = string.Empty;

    public string Needs { get; init; } = string.Empty;

    /// <summary>A code review's critical findings: the ⛔ is written in the template's code-review findings format.</summary>
    public IReadOnlyList<Model.ReviewFinding>? ReviewFindings { get; init; }

    /// <summary>When the review stopped the issue (the format's Blocked Date).</summary>
    public string BlockedDate { get; init; } = string.Empty;
}

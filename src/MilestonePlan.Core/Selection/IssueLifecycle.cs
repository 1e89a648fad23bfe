using MilestonePlan.Core.Model;

namespace MilestonePlan.Core.Selection;

/// <summary>One row of the lifecycle: when it applies, the state it names, the next action, the loop's move and the record.</summary>
internal sealed record LifecycleRow(string Rule, Func<IssueFacts, bool> When, LifecycleState State, LifecycleAction Next, LoopMove Loop,
    TrackingRecord Record, Func<IssueFacts, string>? Reason = null, string Needs = "");

/// <summary>
/// An issue's life, as one table read top to bottom: the first row whose condition holds names the state, the next
/// action, what the loop does and what the tracking records. Pure: the facts come from git, gh and the plan;
/// SubmitIssue, ReconcileMilestone and RunMilestone ask it instead of each deciding from a PR's fields, so they never
/// disagree. docs/run-milestone.md prints this table; a row's order is its priority:
/// what GitHub says is final (merged, closed) comes before what the plan recorded, a recorded stop before anything
/// the loop would do to the PR (a stopped issue is not touched until a person clears it), and GitHub's unhappy
/// states before the PR rows the loop waits on.
/// </summary>
internal static class IssueLifecycle
{
    public static IReadOnlyList<LifecycleRow> Rows { get; } =
    [
        new("recorded done", f => f.RecordedDone, LifecycleState.Done, LifecycleAction.None, LoopMove.GoOn, TrackingRecord.None),
        new("PR merged", f => f.PullRequest is { IsMerged: true }, LifecycleState.Merged, LifecycleAction.MarkDone, LoopMove.GoOn, TrackingRecord.Done),
        new("PR closed and its branch deleted", f => f.PullRequest is { IsOpen: false } && f.Stop != RecordedStop.Hard && f.HeadBranchDeleted, LifecycleState.ClosedUnmerged,
            LifecycleAction.WaitForPerson, LoopMove.Stop, TrackingRecord.HardStop | TrackingRecord.NoOpenPullRequest,
            f => $"PR #{f.PullRequest!.Number} was closed without merging and its branch {f.PullRequest.HeadRefName} was deleted ({f.PullRequest.Url})",
            "restore the branch and reopen the PR, or decide by hand"),
        new("PR closed without merging", f => f.PullRequest is { IsOpen: false } && f.Stop != RecordedStop.Hard, LifecycleState.ClosedUnmerged, LifecycleAction.WaitForPerson,
            LoopMove.Stop, TrackingRecord.HardStop | TrackingRecord.NoOpenPullRequest,
            f => $"PR #{f.PullRequest!.Number} was closed without merging ({f.PullRequest.Url})", "reopen it, or decide by hand"),
        new("recorded ⛔ stop", f => f.Stop == RecordedStop.Hard, LifecycleState.Stopped, LifecycleAction.WaitForPerson, LoopMove.Stop, TrackingRecord.None),
        new("recorded ⏭️ skip", f => f.Stop == RecordedStop.Soft, LifecycleState.Skipped, LifecycleAction.WaitForPerson, LoopMove.Skip, TrackingRecord.None),
        new("auto-merge refused", f => f.PullRequest is { IsOpen: true } && f.AutoMergeRefused, LifecycleState.AutoMergeRefused, LifecycleAction.MakeDraft,
            LoopMove.Stop, TrackingRecord.OpenPullRequest | TrackingRecord.HardStop,
            f => $"auto-merge could not be enabled for PR #{f.PullRequest!.Number}" + (f.AutoMergeRefusal is { Length: > 0 } why ? ": " + why : string.Empty),
            "enable auto-merge for the repository or merge the PR by hand"),
        new("PR conflicts with its base", f => f.PullRequest is { IsOpen: true, HasConflict: true }, LifecycleState.Conflicted, LifecycleAction.MakeDraft,
            LoopMove.Skip, TrackingRecord.OpenPullRequest | TrackingRecord.SoftStop,
            f => $"merge conflict: PR #{f.PullRequest!.Number} conflicts with {f.PullRequest.BaseRefName} ({f.PullRequest.Url})"),
        new("checks fail on GitHub", f => f.PullRequest is { IsOpen: true, Checks: CheckState.Failing }, LifecycleState.ChecksFailing, LifecycleAction.MakeDraft,
            LoopMove.Skip, TrackingRecord.OpenPullRequest | TrackingRecord.SoftStop,
            f => $"checks fail on GitHub for PR #{f.PullRequest!.Number} ({f.PullRequest.Url})"),
        new("PR is a draft", f => f.PullRequest is { IsOpen: true, IsDraft: true }, LifecycleState.Draft, LifecycleAction.WaitForPerson, LoopMove.GoOn,
            TrackingRecord.OpenPullRequest),
        new("PR merges when its checks pass", f => f.PullRequest is { IsOpen: true, AutoMergeEnabled: true }, LifecycleState.AwaitingMerge,
            LifecycleAction.WaitForMerge, LoopMove.Wait, TrackingRecord.OpenPullRequest),
        new("PR open without auto-merge", f => f.PullRequest is { IsOpen: true }, LifecycleState.NeedsAutoMerge, LifecycleAction.EnableAutoMerge,
            LoopMove.Wait, TrackingRecord.OpenPullRequest),
        new("recorded PR not on GitHub", f => f.RecordedOpenPullRequest, LifecycleState.PullRequestMissing, LifecycleAction.Submit, LoopMove.GoOn,
            TrackingRecord.NoOpenPullRequest),
        new("work committed, no PR", f => f.BranchExists && f.HasCommits, LifecycleState.HasWork, LifecycleAction.Submit, LoopMove.GoOn, TrackingRecord.None),
        new("branch without work", f => f.BranchExists, LifecycleState.Started, LifecycleAction.RunAgent, LoopMove.GoOn, TrackingRecord.None),
        new("not started", _ => true, LifecycleState.NotStarted, LifecycleAction.StartBranch, LoopMove.GoOn, TrackingRecord.None),
    ];

    public static LifecycleStep Of(IssueFacts facts)
    {
        var row = Rows.First(r => r.When(facts));
        return new LifecycleStep(row.State, row.Next, row.Record, row.Rule)
        {
            Loop = row.Loop,
            Reason = row.Reason?.Invoke(facts) ?? string.Empty,
            Needs = row.Needs,
        };
    }

    /// <summary>The states in which the issue's PR is open on GitHub.</summary>
    public static bool HasOpenPullRequest(LifecycleState state) =>
        state is LifecycleState.AutoMergeRefused or LifecycleState.Conflicted or LifecycleState.ChecksFailing or LifecycleState.Draft
            or LifecycleState.AwaitingMerge or LifecycleState.NeedsAutoMerge;

    /// <summary>A PR in this state will not change by itself: waiting on it ends (merged, closed, failed, conflicted, refused, a draft).</summary>
    public static bool IsFinal(LifecycleState state) => state is not (LifecycleState.AwaitingMerge or LifecycleState.NeedsAutoMerge);

    /// <summary>What the plan records of the issue's stop, as the lifecycle's input.</summary>
    public static RecordedStop StopOf(IssueStatus issue) =>
        issue.Facts.MarkedStopped ? RecordedStop.Hard : issue.Facts.MarkedSkipped ? RecordedStop.Soft : RecordedStop.None;
}

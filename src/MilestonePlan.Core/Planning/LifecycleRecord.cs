using MilestonePlan.Core.Editing;
using MilestonePlan.Core.Model;
using MilestonePlan.Core.Selection;

namespace MilestonePlan.Core.Planning;

/// <summary>
/// The one place the tracking entries are written from an issue's <see cref="LifecycleStep"/>: SubmitIssue,
/// ReconcileMilestone and RunMilestone record through it, so the plan says the same thing whichever target saw the
/// state. Pure: line edits for the updater. Text that came from GitHub (the PR's URL, gh's refusal) must already be
/// one plan line (the workflow's PublishedText.PlanLine) when it reaches here.
/// </summary>
internal static class LifecycleRecord
{
    /// <param name="review">What a finished code review said, for the Open PRs entry's Code Review line.</param>
    public static IEnumerable<LineEdit> Edits(PlanUpdater updater, IssueRow row, LifecycleStep step, PullRequestInfo? pullRequest, ReviewSummary? review = null)
    {
        var edits = new List<LineEdit>();
        var record = step.Record;
        if (record.HasFlag(TrackingRecord.Done))
        {
            // MarkDone also takes its Open PRs entry away; an earlier stop no longer holds once GitHub merged it.
            edits.AddRange(updater.MarkDone(row));
            edits.AddRange(updater.ClearStops(row));
            return edits;
        }

        if (record.HasFlag(TrackingRecord.OpenPullRequest) && pullRequest is { } open)
        {
            edits.AddRange(updater.AddOpenPullRequest(row, open.Number, open.Url, open.Checks, open.CreatedAt, review));
        }

        // Open PRs lists the PRs GitHub has open, whatever else the row records (a ⛔ already there, and the PR then closed).
        if (record.HasFlag(TrackingRecord.NoOpenPullRequest) || pullRequest is { IsOpen: false })
        {
            edits.AddRange(updater.RemoveOpenPullRequest(row));
        }

        if (record.HasFlag(TrackingRecord.HardStop) || record.HasFlag(TrackingRecord.SoftStop))
        {
            var hard = record.HasFlag(TrackingRecord.HardStop);
            // One stop per issue: a ⛔ that follows a ⏭️ (the PR was then closed) replaces it.
            if (hard)
            {
                edits.AddRange(updater.ClearSkip(row));
            }

            edits.AddRange(hard && step.ReviewFindings is { Count: > 0 } findings && pullRequest is { } reviewed
                ? updater.RecordReviewFindings(row, reviewed.Number, findings, step.BlockedDate)
                : updater.RecordStop(row, hard, step.Reason, step.Needs));
        }

        return edits;
    }
}

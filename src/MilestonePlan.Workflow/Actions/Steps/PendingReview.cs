using MilestonePlan.Core.Model;
using MilestonePlan.Core.Planning;
using MilestonePlan.Core.Selection;
using MilestonePlan.Workflow.Services;
using MilestonePlan.Workflow.Tracking;

namespace MilestonePlan.Workflow.Actions.Steps;

/// <summary>
/// SubmitIssue's code review, recorded so that the plan never says less than is true: before the reviewer starts, the
/// PR's Open PRs entry says `Code Review: ⏳ Pending` on the tracking branch. A run interrupted during the review
/// (cancelled, killed, the machine gone) so leaves an open PR without auto-merge that the plan lists as pending review,
/// and the next SubmitIssue or RunMilestone reviews it again (<see cref="UnfinishedReview"/>); the review's result then
/// replaces the line. Costs one more tracking commit per reviewed issue.
/// </summary>
internal sealed class PendingReview(WorkflowServices services, StepParts parts)
{
    public (LifecycleStep? Stop, ReviewSummary? Summary) Review(PlanDocument plan, BranchName baseBranch, BranchName branch, IssueRow row, int number)
    {
        var open = PullRequestEffects.ForPlan(services.Gh.View(number));
        // This submission passed every stop condition so far: an earlier stop of the issue no longer holds (the record
        // after the review clears it too), and the entry is the one the review's result updates.
        parts.Tracking.Record(plan, baseBranch, $"{row.Number}: PR #{number} open, code review pending", (tracked, text) =>
            PlanTransition.Edit(tracked.Path, text, tracked.SpecGitHubNumbers(), (u, p) =>
                u.AddOpenPullRequest(p.Find(row.Number)!, open.Number, open.Url, open.Checks, open.CreatedAt, ReviewSummary.Pending)
                    .Concat(u.ClearStops(p.Find(row.Number)!)).Concat(u.SetLastUpdated(services.Options.Today))));
        return new ReviewGate(services, parts.Branches).Review(plan, baseBranch, branch, row, number);
    }
}

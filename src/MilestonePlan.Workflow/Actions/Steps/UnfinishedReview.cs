using MilestonePlan.Core.Model;
using MilestonePlan.Core.Parsing;
using MilestonePlan.Core.Selection;
using MilestonePlan.Workflow.Git;
using MilestonePlan.Workflow.Services;

namespace MilestonePlan.Workflow.Actions.Steps;

/// <summary>
/// RunMilestone's side of the code-review gate after an interruption: an open PR without auto-merge whose review did not
/// finish (its Open PRs entry says ⏳ Pending, or has no Code Review line yet) is never given auto-merge directly, which
/// would merge unreviewed code; it is submitted again on its feature branch, and SubmitIssue (reusing the PR) reviews it
/// and then enables auto-merge or records the stop.
/// </summary>
internal sealed class UnfinishedReview(WorkflowServices services, StepParts parts)
{
    /// <summary>A reviewer is set and <paramref name="tracked"/> (the plan on the tracking branch) has no finished review of <paramref name="row"/>'s PR.</summary>
    public bool IsUnfinished(PlanDocument tracked, IssueRow row) =>
        services.Options.Review is not null
        && PlanStatus.Of(tracked).Issues.FirstOrDefault(i => i.Row.Number.Equals(row.Number)) is { } issue
        && (issue.Facts.OpenPullRequest is not { } entry || CodeReviewText.SummaryOf(entry) is null or { Outcome: ReviewOutcome.Pending });

    /// <summary>
    /// The feature branch checked out (local, else origin's copy) and submitted again. False when the branch is
    /// nowhere: the PR is then left without auto-merge for a person, and said so.
    /// </summary>
    public bool Resume(PlanDocument plan, IssueRow row, int number)
    {
        var branch = BranchGuard.RequireFeature(plan, row);
        parts.Repository.EnsureCleanRepository();
        if (services.Git.LocalBranchExists(branch))
        {
            services.Git.Checkout(branch);
        }
        else if (services.Git.RemoteBranchExists(branch))
        {
            services.Git.CheckoutNew(branch, GitClient.RemoteTracking(branch));
        }
        else
        {
            services.Say($"PR #{number}: its code review did not finish and {branch} is neither here nor on origin; left without auto-merge for a person");
            return false;
        }

        services.Say($"PR #{number}: its code review did not finish; submitting {row.Number} again to review it");
        new SubmitIssueStep(services).Run();
        return true;
    }
}

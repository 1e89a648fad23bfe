using MilestonePlan.Core.Model;
using MilestonePlan.Core.Selection;
using MilestonePlan.Workflow.Publishing;
using MilestonePlan.Workflow.Services;

namespace MilestonePlan.Workflow.Actions.Steps;

/// <summary>
/// The code-review gate (MilestonePlanReviewCommand): the reviewer runs on the open PR after the checks passed and
/// before auto-merge; what it found decides whether the PR goes on, or which stop the issue gets (docs/run-milestone.md).
/// </summary>
internal sealed class ReviewGate(WorkflowServices services, BranchGuard branches)
{
    /// <summary>
    /// Runs the reviewer on the open PR. A reviewer that crashes, times out or writes no readable log is a soft stop;
    /// findings at or above MilestonePlanReviewThreshold are a hard stop with the findings commented on the PR; both
    /// make the PR a draft without auto-merge (the step the caller records; null when the review lets the PR go on),
    /// and the Code Review line's summary (every finding counted; null when the review did not finish: ⏳ Pending stays).
    /// </summary>
    public (LifecycleStep? Stop, ReviewSummary? Summary) Review(PlanDocument plan, BranchName baseBranch, BranchName branch, IssueRow row, int number)
    {
        var review = new Agent.ReviewRunner(services).Run(plan, row, baseBranch, branch,
            services.Options.Relative(branches.SpecPath(plan, row) ?? plan.Path), services.Options.Relative(plan.Path), number);
        var critical = review.Critical(services.Options.ReviewThreshold);
        services.Say(review.Failure is { } failed ? $"{row.Number}: the review did not finish: {failed}"
            : $"{row.Number}: review of PR #{number}: {review.Findings.Count} finding(s), {critical.Count} at or above {services.Options.ReviewThreshold:0.#}");
        if (review.Failure is null && critical.Count == 0)
        {
            return (null, ReviewSummary.Found(review.Findings.Count));
        }

        if (review.Failure is null)
        {
            Comment(number, branch, critical);
        }

        var step = review.Failure is { } failure
            ? new LifecycleStep(LifecycleState.Skipped, LifecycleAction.MakeDraft, TrackingRecord.OpenPullRequest | TrackingRecord.SoftStop, "code review failed")
            {
                Loop = LoopMove.Skip,
                Reason = PublishedText.PlanLine($"code review did not finish for PR #{number}: {failure}"),
            }
            : new LifecycleStep(LifecycleState.Stopped, LifecycleAction.MakeDraft, TrackingRecord.OpenPullRequest | TrackingRecord.HardStop, "code review found critical issues")
            {
                Loop = LoopMove.Stop,
                Reason = $"Code review found {critical.Count} critical issues (PR #{number}): "
                    + string.Join("; ", critical.Take(3).Select(f => $"{f.Text} (score: {Agent.SarifFindings.Score(f.Score)}, file: {f.File ?? "-"}, line: {f.Line?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-"})")),
                Needs = "Address critical issues before continuing",
                // The template's code-review findings format; each text is already one redacted line.
                ReviewFindings = critical.Select(f => new Core.Model.ReviewFinding(f.Text, (int)Math.Floor(f.Score), f.File, f.Line)).ToList(),
                BlockedDate = DateTimeOffset.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture),
            };
        return (step, review.Failure is null ? ReviewSummary.Found(review.Findings.Count) : null);
    }

    /// <summary>
    /// The critical findings commented on the PR once per reviewed commit: the comment carries a marker naming the
    /// commit, so a run interrupted after commenting and before recording comments nothing more when it reviews again.
    /// </summary>
    private void Comment(int number, BranchName branch, IReadOnlyList<Agent.ReviewFinding> critical)
    {
        var marker = $"<!-- milestoneplan:review {services.Git.ResolveCommit(branch.FullRef) ?? branch.Value} -->";
        if (services.Gh.PullRequestComments(number).Any(b => b.Contains(marker)))
        {
            services.Say($"PR #{number} already has this review's findings as a comment");
            return;
        }

        services.Gh.Comment(number, ReviewComment(critical, services.Options.ReviewThreshold) + "\n" + marker + "\n");
    }

    /// <summary>The PR comment with the critical findings: one numbered line each, bounded, each already one redacted line.</summary>
    private static string ReviewComment(IReadOnlyList<Agent.ReviewFinding> critical, double threshold)
    {
        var lines = critical.Take(50).Select((f, i) => $"{i + 1}. {f.Text} (score: {Agent.SarifFindings.Score(f.Score)}, file: {f.File ?? "-"}, line: {f.Line?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-"})");
        return $"**MilestonePlan code review**: {critical.Count} critical finding(s) (score ≥ {threshold:0.#}); this PR stays a draft without auto-merge until they are addressed.\n\n"
            + string.Join("\n", lines) + (critical.Count > 50 ? $"\n\n({critical.Count - 50} more not shown)" : string.Empty) + "\n";
    }

}

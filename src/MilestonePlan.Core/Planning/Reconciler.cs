using MilestonePlan.Core.Model;
using MilestonePlan.Core.Selection;
using MilestonePlan.Core.Analysis;

namespace MilestonePlan.Core.Planning;

/// <summary>
/// ReconcileMilestone's logic: pull requests as GitHub reports them → the plan's tracking, as the issue lifecycle
/// says (<see cref="IssueLifecycle"/>, written by <see cref="LifecycleRecord"/>): merged PRs mark their issue done,
/// open ones are listed with their checks, failing checks and conflicts are ⏭️ Skipped, a PR closed without merging is
/// ⛔, an entry for a PR GitHub does not have goes; then Current Issue moves to the next eligible issue. Pure.
/// </summary>
internal static class Reconciler
{
    /// <param name="specGitHubNumbers">GitHub numbers from the specs (<see cref="PlanDocument.SpecGitHubNumbers"/>), so a PR titled `(#207)` finds its row.</param>
    /// <param name="deletedBranches">Head branches origin no longer has (a closed PR whose branch was deleted says so).</param>
    public static PlanTransition Reconcile(string path, string text, IReadOnlyList<PullRequestInfo> pullRequests, string today,
        IReadOnlyDictionary<int, int>? specGitHubNumbers = null, IReadOnlyCollection<string>? deletedBranches = null)
    {
        return PlanTransition.Edit(path, text, specGitHubNumbers, (updater, plan) =>
        {
            var edits = new List<Editing.LineEdit>();
            foreach (var (issue, pr, step) in Steps(plan, pullRequests, deletedBranches))
            {
                edits.AddRange(LifecycleRecord.Edits(updater, issue.Row, step, pr));
            }

            return edits;
        }).MoveCurrentToNext(path, today);
    }

    /// <summary>
    /// Each issue that has a PR on GitHub, or an Open PRs entry, with the lifecycle's answer for it: what the
    /// workflow records, and does to the PR (a soft or hard stop makes it a draft) before recording.
    /// </summary>
    public static IReadOnlyList<(IssueStatus Issue, PullRequestInfo? PullRequest, LifecycleStep Step)> Steps(PlanDocument plan,
        IReadOnlyList<PullRequestInfo> pullRequests, IReadOnlyCollection<string>? deletedBranches = null)
    {
        var steps = new List<(IssueStatus, PullRequestInfo?, LifecycleStep)>();
        foreach (var issue in PlanStatus.Of(plan).Issues)
        {
            var pr = Match(plan, issue.Row, pullRequests);
            if (pr is null && issue.Facts.OpenPullRequest is null)
            {
                continue;
            }

            var facts = new IssueFacts
            {
                RecordedDone = issue.IsDone,
                Stop = IssueLifecycle.StopOf(issue),
                RecordedOpenPullRequest = issue.Facts.OpenPullRequest is not null,
                PullRequest = pr,
                HeadBranchDeleted = pr is not null && deletedBranches?.Contains(pr.HeadRefName) == true,
            };
            var step = IssueLifecycle.Of(facts);
            // Done already, but still listed under Open PRs while its PR merged: the plan would say a merged PR is open.
            if (step.State == LifecycleState.Done && pr is { IsMerged: true } && issue.Facts.OpenPullRequest is not null)
            {
                step = step with { Record = TrackingRecord.Done };
            }
            else if (pr is null && step.State is LifecycleState.Stopped or LifecycleState.Skipped)
            {
                // A stopped issue keeps its stop, but Open PRs does not list a PR GitHub does not have.
                step = step with { Record = TrackingRecord.NoOpenPullRequest };
            }

            steps.Add((issue, pr, step));
        }

        return steps;
    }

    /// <summary>The newest PR whose head is the issue's feature branch, or whose title names the issue and milestone.</summary>
    public static PullRequestInfo? Match(PlanDocument plan, IssueRow row, IReadOnlyList<PullRequestInfo> pullRequests)
    {
        var branch = BranchNames.FeatureBranch(plan, row);
        var milestone = $"({plan.Milestone})";
        var numbers = new List<string> { $"({row.Number})" };
        if (row.GitHubNumber is { } gh)
        {
            numbers.Add($"(#{gh})");
        }

        return pullRequests
            .Where(pr => string.Equals(pr.HeadRefName, branch, StringComparison.Ordinal)
                || (pr.Title.IndexOf(milestone, StringComparison.OrdinalIgnoreCase) >= 0
                    && numbers.Any(n => pr.Title.EndsWith(n, StringComparison.Ordinal))))
            .OrderByDescending(pr => pr.IsMerged)
            .ThenByDescending(pr => pr.Number)
            .FirstOrDefault();
    }
}

using MilestonePlan.Core.Model;
using MilestonePlan.Core.Selection;
using MilestonePlan.Core.Analysis;

namespace MilestonePlan.Core.Planning;

/// <summary>
/// ReconcileMilestone's logic: pull requests as GitHub reports them → the plan's tracking. Merged PRs mark their
/// issue done, open PRs are listed, and Current Issue moves to the next eligible issue. Pure.
/// </summary>
internal static class Reconciler
{
    /// <param name="specGitHubNumbers">GitHub numbers from the specs (<see cref="PlanDocument.SpecGitHubNumbers"/>), so a PR titled `(#207)` finds its row.</param>
    public static PlanTransition Reconcile(string path, string text, IReadOnlyList<PullRequestInfo> pullRequests, string today,
        IReadOnlyDictionary<int, int>? specGitHubNumbers = null)
    {
        return PlanTransition.Edit(path, text, specGitHubNumbers, (updater, plan) =>
        {
            var status = PlanStatus.Of(plan);
            var edits = new List<Editing.LineEdit>();
            foreach (var issue in status.Issues)
            {
                if (Match(plan, issue.Row, pullRequests) is not { } pr)
                {
                    continue;
                }

                // What the tracking records follows the issue's lifecycle. A PR closed unmerged (a ⛔ record) is left to
                // SubmitIssue and RunMilestone for now: reconcile records only what it recorded before (issue #21).
                var record = IssueLifecycle.Of(new IssueFacts { RecordedDone = issue.IsDone, PullRequest = pr }).Record;
                // Done already, but still listed under Open PRs while its PR merged: the plan would say a merged PR is open.
                if (record.HasFlag(TrackingRecord.Done) || (pr.IsMerged && issue.IsDone && issue.Facts.OpenPullRequest is not null))
                {
                    edits.AddRange(updater.MarkDone(issue.Row));
                }
                else if (record.HasFlag(TrackingRecord.OpenPullRequest) && issue.Facts.OpenPullRequest is null)
                {
                    edits.AddRange(updater.AddOpenPullRequest(issue.Row, pr.Number, pr.Url));
                }
            }

            return edits;
        }).MoveCurrentToNext(path, today);
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

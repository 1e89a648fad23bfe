using System.Diagnostics;
using System.Globalization;
using MilestonePlan.Core.Model;
using MilestonePlan.Core.Selection;
using MilestonePlan.Workflow.GitHub;
using MilestonePlan.Workflow.Publishing;
using MilestonePlan.Workflow.Tracking;

namespace MilestonePlan.Workflow.Actions.Steps;

/// <summary>A PR RunMilestone waits on: the issue it belongs to and its head branch.</summary>
internal sealed record PendingPullRequest(int Number, string Url, string Branch, IssueRow Row);

/// <summary>What one wait ended on: the PRs whose state became final, and those whose merge timeout ran out.</summary>
internal sealed record WaitResult(IReadOnlyList<(PendingPullRequest Pending, LifecycleStep Step)> Final, IReadOnlyList<PendingPullRequest> TimedOut);

/// <summary>
/// RunMilestone's waiting on CI: until the first of the pending PRs reaches a final state in the lifecycle's sense
/// (merged, closed, checks failed, conflicted, a draft), never a fixed sleep. One `gh pr list` per look answers for
/// every pending PR, so the calls do not grow with the number of PRs. Looks start
/// MilestonePlanMergePollSeconds apart and back off by half after each look that ended nothing, up to four times
/// that: CI that takes long is not asked as often as CI that is nearly done. Each PR is waited on for at most
/// MilestonePlanMergeTimeout in one run, counted from the first wait on it; then it is left open (its dependents wait).
/// </summary>
/// <param name="reviewFirst">
/// Asked before auto-merge is enabled on a PR: null to enable it; true when the PR was submitted again instead (its code
/// review did not finish, <see cref="UnfinishedReview"/>); false when it could not be, and the PR is no longer waited on.
/// </param>
internal sealed class PullRequestWait(Settings.WorkflowContext options, Action<string> say, IGitHub gh, Func<PendingPullRequest, bool?>? reviewFirst = null)
{
    private const double BackOff = 1.5;
    private const int MaxIntervalFactor = 4;

    private readonly Dictionary<int, Stopwatch> since = [];
    private readonly HashSet<int> autoMergeAsked = [];

    private readonly HashSet<int> givenUp = [];

    /// <summary>Whether <paramref name="number"/> was waited on for its whole merge timeout in this run (or cannot merge by itself).</summary>
    public bool TimedOut(int number) => options.MergeTimeout <= TimeSpan.Zero || givenUp.Contains(number)
        || (since.TryGetValue(number, out var clock) && clock.Elapsed >= options.MergeTimeout);

    /// <summary>
    /// Looks at the pending PRs until at least one is final or every one has waited out its timeout. Auto-merge missing
    /// on an open PR (a run stopped between `gh pr create` and `gh pr merge --auto`) is enabled once: that step is
    /// finished, not skipped; a refusal is final (the lifecycle's auto-merge refused).
    /// </summary>
    /// <param name="wake">Ends the wait early when set (a parallel agent finished): then nothing is final yet.</param>
    public WaitResult WaitForFirst(BranchName baseBranch, IReadOnlyList<PendingPullRequest> pending, WaitHandle? wake = null)
    {
        foreach (var p in pending)
        {
            if (!since.ContainsKey(p.Number))
            {
                since[p.Number] = Stopwatch.StartNew();
            }
        }

        var interval = options.MergePollInterval;
        var longest = TimeSpan.FromTicks(options.MergePollInterval.Ticks * MaxIntervalFactor);
        var looks = 0;
        while (true)
        {
            options.Cancellation.ThrowIfCancellationRequested();
            var active = pending.Where(p => !TimedOut(p.Number)).ToList();
            var timedOut = pending.Where(p => TimedOut(p.Number)).ToList();
            if (active.Count == 0)
            {
                return new WaitResult([], timedOut);
            }

            looks++;
            var final = Look(baseBranch, active, out var asked);
            if (final.Count > 0)
            {
                return new WaitResult(final, timedOut);
            }

            var left = active.Min(p => options.MergeTimeout - since[p.Number].Elapsed);
            if (left <= TimeSpan.Zero)
            {
                continue;
            }

            var pause = asked ? options.MergePollInterval : interval < left ? interval : left;
            say($"waiting for {Numbers(active)} to merge ({Seconds(active.Max(p => since[p.Number].Elapsed))} s so far, look {looks}; next in {Seconds(pause)} s)");
            var woken = WaitHandle.WaitAny(wake is null ? [options.Cancellation.WaitHandle] : [options.Cancellation.WaitHandle, wake], pause);
            options.Cancellation.ThrowIfCancellationRequested();
            if (woken == 1)
            {
                return new WaitResult([], []);
            }

            interval = TimeSpan.FromTicks(Math.Min((long)(interval.Ticks * BackOff), longest.Ticks));
        }
    }

    /// <summary>One look: every pending PR from one `gh pr list` (a PR it does not show, from `gh pr view`).</summary>
    private List<(PendingPullRequest, LifecycleStep)> Look(BranchName baseBranch, IReadOnlyList<PendingPullRequest> active, out bool asked)
    {
        asked = false;
        var listed = gh.List(baseBranch.Value).GroupBy(p => p.Number).ToDictionary(g => g.Key, g => g.First());
        var final = new List<(PendingPullRequest, LifecycleStep)>();
        foreach (var pending in active)
        {
            var pr = PullRequestEffects.ForPlan(listed.TryGetValue(pending.Number, out var found) ? found : gh.View(pending.Number));
            var step = IssueLifecycle.Of(new IssueFacts { PullRequest = pr });
            if (step.Next == LifecycleAction.EnableAutoMerge && autoMergeAsked.Add(pending.Number))
            {
                asked = true;
                if (reviewFirst?.Invoke(pending) is { } resubmitted)
                {
                    if (!resubmitted)
                    {
                        givenUp.Add(pending.Number);
                    }

                    continue;
                }

                say($"PR #{Number(pending.Number)} has no auto-merge yet; enabling it");
                var merge = gh.EnableAutoMerge(pending.Number);
                if (!merge.Succeeded && !gh.View(pending.Number).AutoMergeEnabled)
                {
                    final.Add((pending, IssueLifecycle.Of(new IssueFacts { PullRequest = pr, AutoMergeRefused = true, AutoMergeRefusal = PublishedText.PlanLine(merge.Describe()) })));
                }

                continue;
            }

            if (step.State == LifecycleState.Merged)
            {
                say($"PR #{Number(pending.Number)} merged after {Seconds(since[pending.Number].Elapsed)} s");
                final.Add((pending, step));
            }
            else if (IssueLifecycle.IsFinal(step.State))
            {
                say($"PR #{Number(pending.Number)}: {(step.Reason.Length > 0 ? step.Reason : step.Rule)}; not waiting for it");
                final.Add((pending, step));
            }
        }

        return final;
    }

    private static string Numbers(IReadOnlyList<PendingPullRequest> prs) =>
        string.Join(", ", prs.Select(p => "PR #" + Number(p.Number)));

    private static string Number(int number) => number.ToString(CultureInfo.InvariantCulture);

    private static string Seconds(TimeSpan time) => time.TotalSeconds.ToString("0", CultureInfo.InvariantCulture);
}

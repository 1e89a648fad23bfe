using MilestonePlan.Core.Selection;
using MilestonePlan.Workflow.Agent;
using MilestonePlan.Workflow.Publishing;

namespace MilestonePlan.Workflow.Actions.Steps;

/// <summary>
/// RunMilestone's outcomes, one per issue, in the order the issues were first seen: a later answer (a PR that was
/// open when the loop moved on and merged since) replaces the earlier one, so the summary says where each issue ended.
/// </summary>
internal sealed class IssueOutcomes
{
    private readonly List<IssueOutcome> all = [];

    public IReadOnlyList<IssueOutcome> All => all;

    public int Count => all.Count;

    public void Set(IssueOutcome outcome)
    {
        var at = all.FindIndex(o => o.Issue == outcome.Issue);
        if (at < 0)
        {
            all.Add(outcome);
        }
        else
        {
            all[at] = outcome;
        }
    }

    /// <summary>Records what a wait ended on; returns how many PRs reached a final state (0: only timeouts).</summary>
    public int Take(WaitResult result, TimeSpan timeout)
    {
        foreach (var (pending, step) in result.Final)
        {
            Set(Of(pending, step, timeout));
        }

        foreach (var pending in result.TimedOut)
        {
            Set(Outcome(pending, IssueOutcomeState.PrOpen, $"not merged within {timeout.TotalMinutes:0.#} min; issues that depend on it wait"));
        }

        return result.Final.Count;
    }

    /// <summary>The outcome of an issue whose PR is in the lifecycle state <paramref name="step"/>.</summary>
    public static IssueOutcome Of(PendingPullRequest pending, LifecycleStep step, TimeSpan timeout) => step switch
    {
        { State: LifecycleState.Merged } => Outcome(pending, IssueOutcomeState.Done, string.Empty),
        { Loop: LoopMove.Stop } => Outcome(pending, IssueOutcomeState.Stopped, step.Reason),
        { Loop: LoopMove.Skip } => Outcome(pending, IssueOutcomeState.Skipped, step.Reason),
        { State: LifecycleState.Draft } => Outcome(pending, IssueOutcomeState.PrOpen, "the PR is a draft; a person decides"),
        _ => Outcome(pending, IssueOutcomeState.PrOpen, "waiting for its checks and auto-merge; issues that depend on it wait"),
    };

    private static IssueOutcome Outcome(PendingPullRequest pending, IssueOutcomeState state, string reason) =>
        new(pending.Row.Number.ToString(), pending.Row.TitleText, pending.Branch, state, PublishedText.PlanLine(reason), pending.Number, pending.Url);
}

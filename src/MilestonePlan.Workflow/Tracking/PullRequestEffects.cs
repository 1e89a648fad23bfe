using System.Globalization;
using MilestonePlan.Core.Model;
using MilestonePlan.Core.Selection;
using MilestonePlan.Workflow.GitHub;
using MilestonePlan.Workflow.Publishing;

namespace MilestonePlan.Workflow.Tracking;

/// <summary>
/// What the issue lifecycle asks of GitHub before a stop is recorded, and the one way a PR GitHub reported enters the
/// lifecycle and the plan. A stopped issue's PR must not merge by itself (the template: "leave it as draft unless it
/// is fully green"), so <see cref="LifecycleAction.MakeDraft"/> takes auto-merge away and makes it a draft.
/// </summary>
internal static class PullRequestEffects
{
    /// <summary>
    /// The PR with what the plan may hold of it made one plan line: URL and base come from GitHub (anyone who can open
    /// a PR chose the branch names), and the lifecycle's reasons quote them.
    /// </summary>
    public static PullRequestInfo ForPlan(PullRequestInfo pullRequest) =>
        pullRequest with { Url = PublishedText.PlanLine(pullRequest.Url), BaseRefName = PublishedText.PlanLine(pullRequest.BaseRefName) };

    /// <summary>Does what <paramref name="step"/> needs done on GitHub first (a draft, for a stop); true when it did something.</summary>
    public static bool Apply(IGitHub gh, Action<string> say, LifecycleStep step, PullRequestInfo pullRequest, bool dryRun)
    {
        if (step.Next != LifecycleAction.MakeDraft || !pullRequest.IsOpen || (pullRequest.IsDraft && !pullRequest.AutoMergeEnabled))
        {
            return false;
        }

        MakeDraft(gh, say, pullRequest.Number, pullRequest.AutoMergeEnabled, pullRequest.IsDraft, dryRun);
        return true;
    }

    /// <summary>`gh pr merge N --disable-auto` (when auto-merge is on) and `gh pr ready N --undo` (unless a draft already).</summary>
    public static void MakeDraft(IGitHub gh, Action<string> say, int number, bool autoMerge, bool isDraft, bool dryRun)
    {
        var text = number.ToString(CultureInfo.InvariantCulture);
        if (dryRun)
        {
            say("would run: " + GhCommand.Display(GhCommand.DisableAutoMerge(text)) + "; " + GhCommand.Display(GhCommand.MarkDraft(text)));
            return;
        }

        var disable = autoMerge ? gh.DisableAutoMerge(number) : null;
        var draft = isDraft ? null : gh.MarkDraft(number);
        if (draft is { Succeeded: false })
        {
            throw WorkflowException.Tool($"PR #{text} could not be turned into a draft: {draft.Describe()}");
        }

        say($"PR #{text} is now a draft" + (disable is { Succeeded: false } ? $" (disabling auto-merge failed: {disable.Describe()})" : " and will not merge automatically"));
    }
}

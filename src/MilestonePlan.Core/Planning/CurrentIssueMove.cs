using MilestonePlan.Core.Analysis;
using MilestonePlan.Core.Configuration;
using MilestonePlan.Core.Editing;
using MilestonePlan.Core.IO;
using MilestonePlan.Core.Model;
using MilestonePlan.Core.Selection;

namespace MilestonePlan.Core.Planning;

/// <summary>
/// What follows an issue's change of state: Status leaves Not Started (and Complete) as the issues say; Current Issue goes to the next eligible issue; when none is, to `None` with the
/// reason under Blockers, but only where MP5004 itself says the value it holds is wrong (a finished or unknown issue),
/// so what a target writes never makes the next build warn. The rules decide; this asks them.
/// </summary>
internal static class CurrentIssueMove
{
    /// <summary>How Blockers starts when this wrote it: a later move to an eligible issue resets it to `None`.</summary>
    public const string NothingEligible = "Nothing eligible:";

    private static readonly InMemoryFileSystem NoFiles = new(new Dictionary<string, string>(), isComplete: false);

    public static IEnumerable<LineEdit> Edits(PlanUpdater updater, PlanDocument plan)
    {
        // An issue that moved on moves the milestone's Status too (a PR opened or merged while it said Not Started).
        var status = PlanFixer.WantedStatus(PlanStatus.Of(plan)) is { } wanted ? updater.SetStatus(wanted) : [];
        return Current(updater, plan).Concat(status);
    }

    private static IEnumerable<LineEdit> Current(PlanUpdater updater, PlanDocument plan)
    {
        var decision = NextIssueSelector.Select(plan);
        if (decision.Next is { } next)
        {
            var reset = plan.Tracking.Blockers?.Value.Text.StartsWith(NothingEligible, StringComparison.Ordinal) == true ? updater.SetBlockers("None") : [];
            return updater.SetCurrent(next).Concat(reset);
        }

        return plan.Tracking.CurrentIssue is { } field && RuleFlags(plan, field) ? updater.ClearCurrent(Blockers(decision)) : [];
    }

    private static bool RuleFlags(PlanDocument plan, OverviewField field) =>
        TrackingRules.Current(new PlanContext(plan, NoFiles, new ValidationOptions { RepositoryRoot = "/" }))
            .Any(d => d.Id == Diagnostics.Rules.MP5004.Id && d.Span.Line == field.Value.Span.Line);

    /// <summary>`Nothing eligible: #02 stopped (⛔ Needs Review); #03 skipped (⏭️); 1 waiting on dependencies`: numbers and states only, no plan text.</summary>
    private static string Blockers(NextIssueDecision decision)
    {
        var parts = new List<string>();
        foreach (var passed in decision.PassedOver)
        {
            var state = passed.State switch
            {
                IssueState.Stopped => "stopped (⛔ Needs Review)",
                IssueState.Skipped => "skipped (⏭️)",
                IssueState.OpenPullRequest => "has an open PR",
                _ => null,
            };
            if (state is not null)
            {
                parts.Add($"{passed.Row.Number} {state}");
            }
        }

        var waiting = decision.PassedOver.Count(p => p.State is not (IssueState.Stopped or IssueState.Skipped or IssueState.OpenPullRequest));
        if (waiting > 0)
        {
            parts.Add($"{waiting} waiting on dependencies");
        }

        return NothingEligible + " " + (parts.Count > 0 ? string.Join("; ", parts) : "no open issue");
    }
}

using MilestonePlan.Core.Analysis;
using MilestonePlan.Core.Selection;
using MilestonePlan.Workflow.Services;

namespace MilestonePlan.Workflow.Actions.Steps;

/// <summary>NextIssue: read-only; the next eligible issue and, for every other open issue, why not.</summary>
internal sealed class NextIssueStep(WorkflowServices services) : WorkflowStep(services)
{
    public NextIssueDecision Run()
    {
        var plan = ChoosePlan();
        RequireBranches(plan);
        var decision = NextIssueSelector.Select(plan);
        Say($"{plan.Milestone}: {decision.DoneCount}/{decision.TotalCount} done ({Relative(plan.Path)})");
        Say(decision.Next is { } next
            ? $"Next issue: {next.Number} {next.TitleText} ({next.Priority}) → {BranchNames.FeatureBranch(plan, next)}"
            : decision.IsComplete ? "Every issue is done." : "No issue is eligible.");
        if (decision.Next is { } chosen)
        {
            Report(plan, chosen, "Next", ("Priority", chosen.Priority.ToString()), ("Reason", "eligible: dependencies done, highest priority, first in the plan"));
        }

        foreach (var passed in decision.PassedOver)
        {
            Say("  " + passed.Reason);
            Report(plan, passed.Row, "PassedOver", ("State", passed.State.ToString()), ("Reason", passed.Reason));
        }

        Services.Items.Add(TargetItem.Of(plan.Milestone?.ToString() ?? "milestone", ("Kind", "Milestone"),
            ("Done", decision.DoneCount.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("Total", decision.TotalCount.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("Next", decision.Next?.Number.ToString())));

        return decision;
    }
}

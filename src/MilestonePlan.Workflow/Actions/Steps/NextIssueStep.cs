using MilestonePlan.Core.Analysis;
using MilestonePlan.Core.Selection;
using MilestonePlan.Workflow.Services;

namespace MilestonePlan.Workflow.Actions.Steps;

/// <summary>NextIssue: read-only; the next eligible issue and, for every other open issue, why not.</summary>
internal sealed class NextIssueStep(Settings.WorkflowContext options, Action<string> say, TargetItems items, PlanChoice plans, BranchGuard branches,
    IssueReport report)
{
    public NextIssueStep(WorkflowServices services)
        : this(services, StepParts.Of(services))
    {
    }

    private NextIssueStep(WorkflowServices services, StepParts parts)
        : this(services.Options, services.Say, services.Items, parts.Plans, parts.Branches, parts.Report)
    {
    }

    public NextIssueDecision Run()
    {
        var plan = plans.Choose();
        branches.RequireBranches(plan);
        var decision = NextIssueSelector.Select(plan);
        say($"{plan.Milestone}: {decision.DoneCount}/{decision.TotalCount} done ({options.Relative(plan.Path)})");
        say(decision.Next is { } next
            ? $"Next issue: {next.Number} {next.TitleText} ({next.Priority}) → {BranchNames.FeatureBranch(plan, next)}"
            : decision.IsComplete ? "Every issue is done." : "No issue is eligible.");
        if (decision.Next is { } chosen)
        {
            report.Report(plan, chosen, "Next", ("Priority", chosen.Priority.ToString()), ("Reason", "eligible: dependencies done, highest priority, first in the plan"));
        }

        foreach (var passed in decision.PassedOver)
        {
            say("  " + passed.Reason);
            report.Report(plan, passed.Row, "PassedOver", ("State", passed.State.ToString()), ("Reason", passed.Reason));
        }

        items.Add(TargetItem.Of(plan.Milestone?.ToString() ?? "milestone", ("Kind", "Milestone"),
            ("Done", decision.DoneCount.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("Total", decision.TotalCount.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("Next", decision.Next?.Number.ToString())));

        return decision;
    }
}

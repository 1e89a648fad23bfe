using MilestonePlan.Core.Planning;
using MilestonePlan.Workflow.Editing;
using MilestonePlan.Workflow.Services;

namespace MilestonePlan.Workflow.Actions.Steps;

/// <summary>ReconcileMilestone: open PRs recorded, merged issues marked done, Current Issue moved on; then MP5007 against Git.</summary>
internal sealed class ReconcileMilestoneStep(WorkflowServices services) : WorkflowStep(services)
{
    /// <summary>MP5007 findings of this run: where the tracking disagrees with Git.</summary>
    public IReadOnlyList<Core.Diagnostics.PlanDiagnostic> Drift { get; private set; } = [];

    public PlanTransition Run()
    {
        var plan = ChoosePlan();
        var baseBranch = RequireBranches(plan);
        Gh.EnsureAuthenticated();
        var pullRequests = Gh.List(baseBranch.Value);
        (plan, var transition) = OnTracking(plan, baseBranch, "reconciled with the PRs on GitHub", tracked =>
        {
            var file = PlanFile.Read(RequireInside(tracked.Path), Options.MaxPlanBytes);
            var reconciled = Reconciler.Reconcile(tracked.Path, file.Text, pullRequests, Options.Today, tracked.SpecGitHubNumbers());
            Save(file, reconciled);
            return (tracked, reconciled);
        });
        Say($"{plan.Milestone}: {pullRequests.Count} PR(s) on {baseBranch}; {transition.Changes.Count} change(s) to the plan");
        if (Git.IsInsideWorkTree())
        {
            Drift = Workflow.Drift.GitDriftCheck.Check(Reread(plan, Options.DryRun ? transition.After : PlanFile.Read(plan.Path, Options.MaxPlanBytes).Text), Git);
        }

        return transition;
    }
}

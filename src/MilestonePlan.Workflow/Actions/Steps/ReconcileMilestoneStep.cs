using MilestonePlan.Core.Planning;
using MilestonePlan.Workflow.Editing;
using MilestonePlan.Workflow.Git;
using MilestonePlan.Workflow.GitHub;
using MilestonePlan.Workflow.Services;

namespace MilestonePlan.Workflow.Actions.Steps;

/// <summary>ReconcileMilestone: open PRs recorded, merged issues marked done, Current Issue moved on; then MP5007 against Git.</summary>
internal sealed class ReconcileMilestoneStep(Settings.WorkflowContext options, Action<string> say, IPlanStore store, IGit git,
    IGitHub gh, PlanChoice plans, BranchGuard branches, TrackingRecorder tracking)
{
    public ReconcileMilestoneStep(WorkflowServices services)
        : this(services, StepParts.Of(services))
    {
    }

    private ReconcileMilestoneStep(WorkflowServices services, StepParts parts)
        : this(services.Options, services.Say, services.Plans, services.Git, services.Gh, parts.Plans, parts.Branches, parts.Tracking)
    {
    }

    /// <summary>MP5007 findings of this run: where the tracking disagrees with git.</summary>
    public IReadOnlyList<Core.Diagnostics.PlanDiagnostic> Drift { get; private set; } = [];

    public PlanTransition Run()
    {
        var plan = plans.Choose();
        var baseBranch = branches.RequireBranches(plan);
        gh.EnsureAuthenticated();
        var pullRequests = gh.List(baseBranch.Value);
        (plan, var transition) = tracking.OnTracking(plan, baseBranch, "reconciled with the PRs on GitHub", tracked =>
        {
            var file = PlanFile.Read(branches.RequireInside(tracked.Path), options.MaxPlanBytes);
            var reconciled = Reconciler.Reconcile(tracked.Path, file.Text, pullRequests, options.Today, tracked.SpecGitHubNumbers());
            store.Save(file, reconciled);
            return (tracked, reconciled);
        });
        say($"{plan.Milestone}: {pullRequests.Count} PR(s) on {baseBranch}; {transition.Changes.Count} change(s) to the plan");
        if (git.IsInsideWorkTree())
        {
            Drift = Workflow.Drift.GitDriftCheck.Check(PlanChoice.Reread(plan, options.DryRun ? transition.After : PlanFile.Read(plan.Path, options.MaxPlanBytes).Text), git);
        }

        return transition;
    }
}

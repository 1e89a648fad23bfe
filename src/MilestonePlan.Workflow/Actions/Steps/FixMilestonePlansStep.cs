using MilestonePlan.Core.Planning;
using MilestonePlan.Workflow.Editing;
using MilestonePlan.Workflow.Services;

namespace MilestonePlan.Workflow.Actions.Steps;

/// <summary>FixMilestonePlans: the safe automatic fixes (Total Issues, Completed Issues lines, Status).</summary>
internal sealed class FixMilestonePlansStep(Settings.WorkflowContext options, Action<string> say, IPlanStore store, PlanChoice plans, BranchGuard branches,
    TrackingRecorder tracking)
{
    public FixMilestonePlansStep(WorkflowServices services)
        : this(services, StepParts.Of(services))
    {
    }

    private FixMilestonePlansStep(WorkflowServices services, StepParts parts)
        : this(services.Options, services.Say, services.Plans, parts.Plans, parts.Branches, parts.Tracking)
    {
    }

    public int Run()
    {
        var chosen = options.Milestone is null ? plans.Validate().Plans : [plans.Choose()];
        var changed = 0;
        foreach (var plan in chosen)
        {
            // Each milestone's fixes go through its own tracking branch and PR, like every other tracking edit.
            changed += tracking.OnTracking(plan, branches.RequireBranches(plan), "safe automatic fixes", tracked =>
            {
                var file = PlanFile.Read(branches.RequireInside(tracked.Path), options.MaxPlanBytes);
                var transition = PlanFixer.Fix(tracked.Path, file.Text, File.Exists(Path.Combine(tracked.FolderPath, Core.Analysis.TotalIssues.EpicSpecFileName)));
                store.Save(file, transition);
                return transition.HasChanges ? 1 : 0;
            });
        }

        say($"{changed} of {chosen.Count} plan(s) {(options.DryRun ? "would be" : "were")} fixed");
        return changed;
    }
}

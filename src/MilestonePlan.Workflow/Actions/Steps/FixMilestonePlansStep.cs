using MilestonePlan.Core.Planning;
using MilestonePlan.Workflow.Editing;
using MilestonePlan.Workflow.Services;

namespace MilestonePlan.Workflow.Actions.Steps;

/// <summary>FixMilestonePlans: the safe automatic fixes (Total Issues, Completed Issues lines, Status).</summary>
internal sealed class FixMilestonePlansStep(WorkflowServices services) : WorkflowStep(services)
{
    public int Run()
    {
        var plans = Options.Milestone is null ? Validate().Plans : [ChoosePlan()];
        var changed = 0;
        foreach (var plan in plans)
        {
            // Each milestone's fixes go through its own tracking branch and PR, like every other tracking edit.
            changed += OnTracking(plan, RequireBranches(plan), "safe automatic fixes", tracked =>
            {
                var file = PlanFile.Read(RequireInside(tracked.Path), Options.MaxPlanBytes);
                var transition = PlanFixer.Fix(tracked.Path, file.Text, File.Exists(Path.Combine(tracked.FolderPath, Core.Analysis.TotalIssues.EpicSpecFileName)));
                Save(file, transition);
                return transition.HasChanges ? 1 : 0;
            });
        }

        Say($"{changed} of {plans.Count} plan(s) {(Options.DryRun ? "would be" : "were")} fixed");
        return changed;
    }
}

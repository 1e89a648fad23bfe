using MilestonePlan.Core.Planning;
using MilestonePlan.Workflow.Editing;

namespace MilestonePlan.Workflow.Actions.Steps;

/// <summary>FixMilestonePlans: the safe automatic fixes (Total Issues, Completed Issues lines, Status).</summary>
internal sealed class FixMilestonePlansStep(WorkflowServices services) : WorkflowStep(services)
{
    public int Run()
    {
        var plans = string.IsNullOrWhiteSpace(Options.Milestone) ? Validate().Plans : [ChoosePlan()];
        var changed = 0;
        foreach (var plan in plans)
        {
            var file = PlanFile.Read(RequireInside(plan.Path), Options.MaxPlanBytes);
            var transition = PlanFixer.Fix(plan.Path, file.Text, File.Exists(Path.Combine(plan.FolderPath, Core.Analysis.TotalIssues.EpicSpecFileName)));
            Save(file, transition);
            changed += transition.HasChanges ? 1 : 0;
        }

        Say($"{changed} of {plans.Count} plan(s) {(Options.DryRun ? "would be" : "were")} fixed");
        return changed;
    }
}

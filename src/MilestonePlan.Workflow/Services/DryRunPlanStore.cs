using MilestonePlan.Core.Planning;
using MilestonePlan.Workflow.Editing;

namespace MilestonePlan.Workflow.Services;

/// <summary>The dry run's plan store: each edit is said and shown as a diff with line numbers, and nothing is written.</summary>
internal sealed class DryRunPlanStore(Action<string> say, Func<string, string> relative) : IPlanStore
{
    public void Save(PlanFile file, PlanTransition transition)
    {
        if (!transition.HasChanges)
        {
            return;
        }

        foreach (var change in transition.Changes)
        {
            say($"would edit {relative(file.Path)} {change}");
        }

        // The edit itself, not only its reasons.
        say(file.Preview(transition.After).TrimEnd('\n'));
    }
}

using MilestonePlan.Core.Planning;
using MilestonePlan.Workflow.Editing;

namespace MilestonePlan.Workflow.Services;

/// <summary>Plan edits written to disk (atomically, refused when the file changed since it was read: <see cref="PlanFile.Write"/>).</summary>
internal sealed class PlanStore(Action<string> say, Func<string, string> relative) : IPlanStore
{
    public void Save(PlanFile file, PlanTransition transition)
    {
        if (!transition.HasChanges)
        {
            return;
        }

        foreach (var change in transition.Changes)
        {
            say($"edit {relative(file.Path)} {change}");
        }

        file.Write(transition.After);
    }
}

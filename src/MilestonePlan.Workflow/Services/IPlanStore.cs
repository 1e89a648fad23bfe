using MilestonePlan.Core.Planning;
using MilestonePlan.Workflow.Editing;

namespace MilestonePlan.Workflow.Services;

/// <summary>Where a target's plan and spec edits go. A step saves through it and does not know whether the run is a dry run.</summary>
internal interface IPlanStore
{
    /// <summary>Says each change of <paramref name="transition"/> and makes it (or, in a dry run, shows it); nothing when it changes nothing.</summary>
    void Save(PlanFile file, PlanTransition transition);
}

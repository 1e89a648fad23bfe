using MilestonePlan.Workflow.Git;
using MilestonePlan.Workflow.GitHub;
using MilestonePlan.Workflow.Processes;
using MilestonePlan.Workflow.Settings;

namespace MilestonePlan.Workflow.Services;

/// <summary>
/// What every workflow step shares: the options, the output, git and gh, all made once per run. Nothing here is
/// static: a second work tree is a second set of instances. Git, GitHub, the plan store and the checks are either the
/// real ones or their dry-run forms, chosen once in <c>WorkflowRunner</c>; no step asks which.
/// </summary>
internal sealed record WorkflowServices(WorkflowContext Options, IProcessRunner Runner, Action<string> Say, IGit Git, IGitHub Gh, IPlanStore Plans, CheckRunner Checks)
{
    /// <summary>What the target returns to MSBuild (docs/targets.md).</summary>
    public TargetItems Items { get; } = new();
}

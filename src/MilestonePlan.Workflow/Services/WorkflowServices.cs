using MilestonePlan.Workflow.Git;
using MilestonePlan.Workflow.GitHub;
using MilestonePlan.Workflow.Processes;
using MilestonePlan.Workflow.Settings;

namespace MilestonePlan.Workflow.Services;

/// <summary>What every workflow step shares: the options, the output, git and gh, all made once per run.</summary>
internal sealed record WorkflowServices(WorkflowContext Options, IProcessRunner Runner, Action<string> Say, GitClient Git, GhClient Gh, IPlanStore Plans, CheckRunner Checks)
{
    /// <summary>What the target returns to MSBuild (docs/targets.md).</summary>
    public TargetItems Items { get; } = new();
}

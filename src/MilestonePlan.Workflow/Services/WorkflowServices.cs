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

    /// <summary>
    /// The same run in a second work tree (a parallel agent's `git worktree`): git, gh, the checks and plan edits there,
    /// output through <paramref name="say"/>. Never a dry run: a dry run of RunMilestone is a preview and starts no work tree.
    /// </summary>
    public WorkflowServices InWorkTree(string root, Action<string> say, CancellationToken cancellation)
    {
        var options = Options with { RepositoryRoot = root, Validation = Options.Validation with { RepositoryRoot = root }, Cancellation = cancellation };
        return new WorkflowServices(options, Runner, say, new GitClient(Runner, root, options.Timeout, options.Cancellation),
            new GhClient(Runner, root, options.Timeout, options.Cancellation), PlanStore.Writing(say, options.Relative), CheckRunner.Running(options, Runner, say));
    }
}

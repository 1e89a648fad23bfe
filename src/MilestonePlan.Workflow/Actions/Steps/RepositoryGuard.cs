using MilestonePlan.Workflow.Git;
using MilestonePlan.Workflow.Processes;
using MilestonePlan.Workflow.Settings;

namespace MilestonePlan.Workflow.Actions.Steps;

/// <summary>
/// The repository is one a target may change: git runs, the folder is a work tree, a branch is checked out, nothing is
/// uncommitted and there is an origin. Checked before the first change, so a refusal leaves everything as it was.
/// </summary>
internal sealed class RepositoryGuard(WorkflowContext options, IProcessRunner runner, IGit git)
{
    public void RequireGit()
    {
        var version = runner.Run("git", ["--version"], options.RepositoryRoot, options.Timeout);
        if (!version.Succeeded)
        {
            throw WorkflowException.Tool(version.NotFound ? "git was not found on PATH" : version.Describe());
        }

        if (!git.IsInsideWorkTree())
        {
            throw WorkflowException.Tool($"{options.RepositoryRoot} is not inside a git work tree");
        }
    }

    public void EnsureCleanRepository()
    {
        RequireGit();
        if (git.CurrentBranch() is null)
        {
            throw WorkflowException.Tool("HEAD is detached; check out a branch first (nothing was changed)");
        }

        var changes = git.Changes();
        if (changes.Count > 0)
        {
            throw WorkflowException.Tool("the work tree has uncommitted changes; commit or stash them first (nothing was changed):\n  "
                + string.Join("\n  ", changes.Take(10)));
        }

        if (!git.HasRemote("origin"))
        {
            throw WorkflowException.Tool("the repository has no 'origin' remote (nothing was changed)");
        }
    }
}

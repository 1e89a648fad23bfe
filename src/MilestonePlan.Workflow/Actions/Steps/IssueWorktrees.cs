using MilestonePlan.Core.Model;
using MilestonePlan.Workflow.Git;
using MilestonePlan.Workflow.Services;

namespace MilestonePlan.Workflow.Actions.Steps;

/// <summary>
/// Where RunMilestone's parallel agents work: one `git worktree` per issue, with the issue's feature branch checked
/// out, beside the repository in <c>{repository}.worktrees/{branch with / as -}</c>. Outside the repository on purpose:
/// a work tree inside it would be untracked files in the main one, and its builds would find the main one's
/// Directory.Build.props above their own. A rerun finds the work tree of a branch wherever git has it and reuses it.
/// </summary>
internal sealed class IssueWorktrees(WorkflowServices services)
{
    private IGit Git => services.Git;

    /// <summary>The folder of <paramref name="feature"/>'s work tree.</summary>
    public string PathFor(BranchName feature) =>
        Path.Combine(MainRoot + ".worktrees", feature.Value.Replace('/', '-'));

    private string MainRoot => Path.GetFullPath(services.Options.RepositoryRoot).TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);

    /// <summary>
    /// The work tree of <paramref name="feature"/>, with the branch checked out: the one git already has for it (a
    /// rerun), else a new one. A new branch starts from the base as origin has it when the issue starts; a branch that
    /// exists locally or on origin (an earlier run's work) is resumed, never started again.
    /// </summary>
    public string Open(BranchName feature, BranchName baseBranch)
    {
        var trees = Git.Worktrees();
        var existing = trees.FirstOrDefault(t => t.Branch == feature.Value).Path;
        if (existing is not null)
        {
            if (SamePath(existing, MainRoot))
            {
                throw WorkflowException.Tool($"{feature} is checked out in the main work tree; check out another branch there to run its issue beside others");
            }

            services.Say($"{feature}: reusing its work tree {existing}");
            return existing;
        }

        var path = PathFor(feature);
        if (Directory.Exists(path) && !trees.Any(t => SamePath(t.Path, path)))
        {
            // A folder git no longer knows as a work tree (removed by hand, or its registration pruned): not ours to reuse.
            throw WorkflowException.Tool($"{path} exists but is not a work tree of this repository; move it away to run {feature} beside other issues");
        }

        var start = Git.ResolveCommit(GitClient.RemoteTracking(baseBranch)) ?? Git.ResolveCommit(baseBranch.FullRef)
            ?? throw WorkflowException.Tool($"the base branch {baseBranch} has no commit to start {feature} from");
        if (!Directory.Exists(path))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            Git.AddWorktree(path, start);
        }

        var tree = new GitClient(services.Runner, path, services.Options.Timeout, services.Options.Cancellation);
        if (Git.LocalBranchExists(feature))
        {
            tree.Checkout(feature);
        }
        else if (Git.RemoteBranchExists(feature))
        {
            services.Say($"{feature} exists on origin; resuming it in {path}");
            tree.CheckoutNew(feature, GitClient.RemoteTracking(feature));
        }
        else
        {
            tree.CheckoutNew(feature, start);
        }

        services.Say($"{feature}: work tree {path}");
        return path;
    }

    /// <summary>
    /// The local base brought up to origin's (a fast-forward only) before an issue starts: the stop conditions and the
    /// conflict check of SubmitIssue read the diff from the local base, and with agents side by side the main work tree
    /// never pulls it, so a stale base would count every merged issue's files as this one's. Checked out in the main
    /// work tree it is pulled there; checked out in no work tree its ref is moved; a base that diverged from origin is
    /// left as it is (SubmitIssue's own checks say so).
    /// </summary>
    public void FastForwardBase(BranchName baseBranch)
    {
        Git.Fetch();
        var remote = Git.ResolveCommit(GitClient.RemoteTracking(baseBranch));
        var local = Git.ResolveCommit(baseBranch.FullRef);
        if (remote is null || local is null || local == remote || !Git.IsAncestor(local, remote))
        {
            return;
        }

        var holder = Git.Worktrees().FirstOrDefault(t => t.Branch == baseBranch.Value).Path;
        if (holder is null)
        {
            Git.UpdateRef(baseBranch.FullRef, remote, local, "MilestonePlan: fast-forward to origin's base");
        }
        else if (SamePath(holder, MainRoot) && Git.IsWorkTreeClean())
        {
            Git.PullFastForward(baseBranch);
        }
    }

    /// <summary>The work tree's folder removed once its issue ended; git refuses while it holds uncommitted work, and then it stays.</summary>
    public void Remove(string path)
    {
        try
        {
            Git.RemoveWorktree(path);
        }
        catch (WorkflowException e)
        {
            services.Say($"the work tree {path} stays: {e.Message}");
            return;
        }

        // The folder of the work trees goes with the last of them: nothing is left beside the repository.
        var folder = Path.GetDirectoryName(path)!;
        if (Directory.Exists(folder) && !Directory.EnumerateFileSystemEntries(folder).Any())
        {
            Directory.Delete(folder);
        }
    }

    private static bool SamePath(string a, string b) =>
        string.Equals(Path.GetFullPath(a).TrimEnd('/', '\\'), Path.GetFullPath(b).TrimEnd('/', '\\'),
            System.Runtime.InteropServices.RuntimeInformation.IsOSPlatform(System.Runtime.InteropServices.OSPlatform.Windows) ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal);
}

using MilestonePlan.Core.Model;
using MilestonePlan.Workflow.Processes;

namespace MilestonePlan.Workflow.Git;

/// <summary>Branches and tags: every branch is a BranchName given to git in full; the only place that pushes.</summary>
internal sealed partial class GitClient
{
    // ---- Branches -----------------------------------------------------------------------------------------------
    // Every branch is a BranchName (validated once, in Core) and is given to git as refs/heads/X, so no plan text can
    // become an option, a force refspec, a tag or a path.

    public bool LocalBranchExists(BranchName branch)
    {
        string[] arguments = ["show-ref", "--verify", "--quiet", branch.FullRef];
        return Answer(arguments, TryRun(arguments), no: 1);
    }

    /// <summary>Asks the remote itself (`ls-remote`), so a branch deleted on the server is seen as gone.</summary>
    public bool RemoteBranchExists(BranchName branch, string remote = "origin") => RemoteRefExists(remote, "--heads", branch.FullRef);

    public bool RemoteTagExists(string tag, string remote = "origin") => RemoteRefExists(remote, "--tags", "refs/tags/" + tag);

    /// <summary>The remote-tracking ref of <paramref name="branch"/> (`refs/remotes/origin/X`), for revisions.</summary>
    public static string RemoteTracking(BranchName branch, string remote = "origin") => $"refs/remotes/{remote}/{branch.Value}";

    /// <summary>
    /// The remote's default branch: `refs/remotes/origin/HEAD` when the clone recorded it, else the remote's own HEAD
    /// (`ls-remote --symref`, which asks the same server gh would, without needing gh); null when it has none.
    /// </summary>
    public BranchName? DefaultBranch(string remote = "origin")
    {
        if (defaultBranch is { } known)
        {
            return known.Name;
        }

        var local = TryRun("symbolic-ref", "--quiet", $"refs/remotes/{remote}/HEAD");
        string? name = null;
        if (local.Succeeded && local.StandardOutput.Trim() is var target && target.StartsWith($"refs/remotes/{remote}/", StringComparison.Ordinal))
        {
            name = target.Substring($"refs/remotes/{remote}/".Length);
        }
        else
        {
            var result = Run("ls-remote", "--symref", remote, "HEAD");
            var line = result.StandardOutput.Split('\n').FirstOrDefault(l => l.StartsWith("ref: refs/heads/", StringComparison.Ordinal));
            var tab = line?.IndexOf('\t') ?? -1;
            name = line is not null && tab > 0 ? line.Substring("ref: refs/heads/".Length, tab - "ref: refs/heads/".Length) : null;
        }

        defaultBranch = new DefaultBranchAnswer(BranchName.TryCreate(name));
        return defaultBranch.Name;
    }

    public void Fetch(string remote = "origin") => Mutate(GitCommand.Fetch(remote));

    /// <summary>Creates <paramref name="branch"/> at <paramref name="startPoint"/> without checking it out.</summary>
    public void CreateBranch(BranchName branch, string startPoint) => Mutate(GitCommand.CreateBranch(branch, startPoint));

    public void Checkout(BranchName branch) => Mutate(GitCommand.Checkout(branch));

    public void CheckoutNew(BranchName branch, string startPoint) => Mutate(GitCommand.CheckoutNew(branch, startPoint));

    /// <summary>Fast-forwards the checked-out branch to <paramref name="remote"/>'s <paramref name="branch"/>; refuses to merge.</summary>
    public void PullFastForward(BranchName branch, string remote = "origin") => Mutate(GitCommand.PullFastForward(branch, remote));

    /// <summary>Pushes <paramref name="branch"/> to the same name on origin, and makes it the upstream.</summary>
    public void Push(BranchName branch) => Push(branch, setUpstream: true);

    /// <summary>
    /// Pushes a local branch to the same name on the remote, named in full (`refs/heads/X:refs/heads/X`), never forced.
    /// Refuses main, master and the remote's default branch: the workflow never pushes to them (PRODUCT.md section 7).
    /// </summary>
    public void Push(BranchName branch, bool setUpstream, string remote = "origin")
    {
        GitCommand.RefusePushTo(branch, DefaultBranch(remote));
        Mutate(GitCommand.Push(branch, setUpstream, remote));
    }

    // ---- Tags ---------------------------------------------------------------------------------------------------

    /// <summary>An annotated tag (it records who tagged and when, unlike a lightweight one).</summary>
    public void CreateTag(string tag, string commit, string message) => Mutate(GitCommand.CreateTag(tag, commit, message));

    public void PushTag(string tag, string remote = "origin") => Mutate(GitCommand.PushTag(tag, remote));
}

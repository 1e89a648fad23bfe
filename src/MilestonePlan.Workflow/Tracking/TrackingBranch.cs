using MilestonePlan.Core.Model;
using MilestonePlan.Workflow.Actions.Steps;
using MilestonePlan.Workflow.Git;
using MilestonePlan.Workflow.Services;

namespace MilestonePlan.Workflow.Tracking;

/// <summary>
/// Where the plan's tracking edits go: one branch per milestone, `chore/m{n}-plan-tracking`, and one PR from it to the
/// milestone's base branch that is updated, never duplicated, while it is open. Issue PRs carry only the issue's code,
/// so two open issue PRs never conflict on the plan, and nothing is ever committed on the base (docs/tracking.md).
/// The branch is kept up to date by merging the base into it, never by rebasing: what was pushed stays as it was.
/// </summary>
internal sealed class TrackingBranch(WorkflowServices services)
{
    private IGit Git => services.Git;

    public static BranchName For(MilestoneId milestone) => BranchName.TryCreate($"chore/{milestone}-plan-tracking")!;

    /// <summary>The PR title: the template's commit format for a chore of the milestone.</summary>
    public static string Title(MilestoneId milestone) => $"chore({milestone}): update plan tracking";

    /// <summary>
    /// Checks out the milestone's tracking branch, with origin's copy and the base merged in: the plan on disk is then
    /// the milestone's tracked state (what the base has, plus what waits in the open tracking PR).
    /// </summary>
    public BranchName CheckOut(MilestoneId milestone, BranchName baseBranch)
    {
        var tracking = For(milestone);
        if (tracking.Value.Equals(baseBranch.Value, StringComparison.OrdinalIgnoreCase))
        {
            throw WorkflowException.Tool($"the Milestone Branch '{baseBranch}' is the tracking branch's name; name the base branch otherwise");
        }

        var remote = Git.RemoteBranchExists(tracking) ? GitClient.RemoteTracking(tracking) : null;
        var baseStart = Git.RemoteBranchExists(baseBranch) ? GitClient.RemoteTracking(baseBranch) : baseBranch.FullRef;
        if (Git.LocalBranchExists(tracking))
        {
            Git.Checkout(tracking);
            Merge(remote, tracking);
        }
        else
        {
            Git.CheckoutNew(tracking, remote ?? baseStart);
        }

        Merge(baseStart, tracking);
        return tracking;
    }

    /// <summary>
    /// Commits what the step wrote under the docs root on the tracking branch, pushes it, and makes sure one PR to the
    /// base carries it (reused while open, opened with auto-merge when there is none). Returns the PR, or null when
    /// there is nothing to propose.
    /// </summary>
    public (int Number, string Url)? Publish(MilestoneId milestone, BranchName baseBranch, string summary, bool openPullRequest = true)
    {
        var tracking = For(milestone);
        Git.Add([services.Options.DocsRoot.Replace('\\', '/')]);
        if (services.Options.DryRun || Git.HasStagedChanges())
        {
            Git.Commit([Title(milestone), summary]);
        }

        if (services.Options.DryRun)
        {
            services.Say($"would push {tracking} and open or update the PR \"{Title(milestone)}\" to {baseBranch}");
            return null;
        }

        var baseRef = Git.RemoteBranchExists(baseBranch) ? GitClient.RemoteTracking(baseBranch) : baseBranch.FullRef;
        // Everything on the tracking branch is already in the base: by history, or by content once a squash merged it.
        if (Git.IsAncestor("HEAD", baseRef) || Git.ResolveTree("HEAD") == Git.ResolveTree(baseRef))
        {
            return null;
        }

        var remote = Git.RemoteBranchExists(tracking) ? GitClient.RemoteTracking(tracking) : null;
        if (remote is null || Git.ResolveCommit(remote) != Git.Head())
        {
            Git.Push(tracking);
        }

        if (!openPullRequest)
        {
            services.Say($"Plan tracking: {tracking} pushed; its PR is opened or updated when the issue is submitted");
            return null;
        }

        try
        {
            return EnsurePullRequest(milestone, baseBranch, tracking, summary);
        }
        catch (WorkflowException e)
        {
            // The record is committed and pushed; only its PR is missing, and the next target that records opens it.
            services.Say($"warning: the tracking PR from {tracking} could not be opened or checked ({e.Message}); the next run opens it");
            return null;
        }
    }

    private (int Number, string Url)? EnsurePullRequest(MilestoneId milestone, BranchName baseBranch, BranchName tracking, string summary)
    {
        services.Gh.EnsureAuthenticated();
        if (services.Gh.ListByHead(tracking.Value).FirstOrDefault(p => p.IsOpen && p.BaseRefName == baseBranch.Value) is { } open)
        {
            services.Say($"Plan tracking: PR #{open.Number} updated ({open.Url})");
            return (open.Number, open.Url);
        }

        // The earlier tracking PR may have merged (and its branch been deleted) between the push and this look: then
        // what was pushed may already be in the base, or the branch must be pushed again before a new PR can name it.
        Git.Fetch();
        var baseRef = Git.RemoteBranchExists(baseBranch) ? GitClient.RemoteTracking(baseBranch) : baseBranch.FullRef;
        Merge(baseRef, tracking);
        if (Git.IsAncestor("HEAD", baseRef) || Git.ResolveTree("HEAD") == Git.ResolveTree(baseRef))
        {
            services.Say("Plan tracking: already in the base (its PR merged meanwhile)");
            return null;
        }

        if (!Git.RemoteBranchExists(tracking) || Git.ResolveCommit(GitClient.RemoteTracking(tracking)) != Git.Head())
        {
            Git.Push(tracking);
        }

        var pr = services.Gh.CreatePullRequest(baseBranch.Value, tracking.Value, Title(milestone),
            $"Plan tracking of {milestone}, recorded by MilestonePlan's workflow targets: {summary}\n\n"
            + "Only the plan and the files the targets generate are changed; each issue's code is in its own PR.\n");

        var merge = services.Gh.EnableAutoMerge(pr.Number);
        services.Say($"Plan tracking: opened PR #{pr.Number} ({pr.Url})"
            + (merge.Succeeded ? string.Empty : $"; auto-merge could not be enabled ({merge.Describe()}), so it waits for a person"));
        return pr;
    }

    /// <summary>Merges <paramref name="revision"/> in, or stops with the tree as it was when the plan conflicts.</summary>
    private void Merge(string? revision, BranchName tracking)
    {
        if (revision is not null && !Git.TryMerge(revision))
        {
            throw WorkflowException.Tool($"{tracking} cannot take {revision.Replace("refs/remotes/", string.Empty)} without a conflict "
                + "(the plan was edited on both); resolve it on that branch by hand, then run the target again (nothing was changed)");
        }
    }
}

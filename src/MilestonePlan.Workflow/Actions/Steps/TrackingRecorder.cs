using MilestonePlan.Core.Analysis;
using MilestonePlan.Core.Model;
using MilestonePlan.Core.Planning;
using MilestonePlan.Workflow.Editing;
using MilestonePlan.Workflow.Git;
using MilestonePlan.Workflow.Services;

namespace MilestonePlan.Workflow.Actions.Steps;

/// <summary>
/// Where a target's plan edits are recorded: on the milestone's tracking branch, committed, pushed, with its one PR
/// (<see cref="Tracking.TrackingBranch"/>, docs/tracking.md). One instance per step run: it remembers whether origin
/// was fetched since the last record, so a step that syncs the base and then records fetches once.
/// </summary>
internal sealed class TrackingRecorder(WorkflowServices services, PlanChoice plans, RepositoryGuard repository, BranchGuard branches)
{
    private IGit Git => services.Git;

    private bool fetched;

    /// <summary>One `git fetch` until the next record: RunNextIssue syncs the base and then records on the tracking branch with one fetch.</summary>
    public void FetchOnce()
    {
        if (!fetched)
        {
            Git.Fetch();
            fetched = true;
        }
    }

    /// <summary>The base branch exists locally: from origin's, else created from main and pushed (the template's bootstrap).</summary>
    public void EnsureBaseBranch(BranchName baseBranch)
    {
        if (!Git.LocalBranchExists(baseBranch))
        {
            if (Git.RemoteBranchExists(baseBranch))
            {
                Git.CreateBranch(baseBranch, GitClient.RemoteTracking(baseBranch));
            }
            else
            {
                if (branches.IsProtected(baseBranch))
                {
                    throw WorkflowException.Tool($"the base branch '{baseBranch}' does not exist locally or on origin");
                }

                var main = BranchNames.DefaultBase;
                var start = Git.RemoteBranchExists(main) ? GitClient.RemoteTracking(main) : Git.LocalBranchExists(main) ? main.FullRef
                    : throw WorkflowException.Tool($"cannot create '{baseBranch}': there is no 'main' branch to start it from");
                services.Say($"Creating base branch {baseBranch} from {(start.StartsWith("refs/remotes/", StringComparison.Ordinal) ? "origin/" + main : main.Value)} and pushing it");
                Git.CreateBranch(baseBranch, start);
                Git.Push(baseBranch);
            }
        }
    }

    /// <summary>
    /// Runs <paramref name="edit"/> on the milestone's tracking branch (checked out, up to date), then commits what it
    /// wrote under the docs root there, pushes it and keeps the one tracking PR open (<see cref="Tracking.TrackingBranch"/>).
    /// The edit chooses the plan again: on that branch the plan holds the milestone's tracked state. Afterwards the
    /// branch the target started on is checked out again (when it had one), so the work tree ends clean and named.
    /// In a dry run nothing was checked out, so the preconditions of a real checkout are not asked and the edit is
    /// shown on the plan as read: that difference in logic is this method's, not the steps'.
    /// </summary>
    public T OnTracking<T>(PlanDocument plan, BranchName baseBranch, string summary, Func<PlanDocument, T> edit, bool openPullRequest = true)
    {
        var options = services.Options;
        var milestone = plan.Milestone ?? throw WorkflowException.Tool($"{options.Relative(plan.Path)} names no milestone, so its tracking branch has no name");
        // An interrupted run may have left its own edits on the tracking branch: they are committed now, so a rerun
        // converges. Anything else uncommitted stops the target before it changes anything.
        var docs = options.DocsRoot.Replace('\\', '/').TrimEnd('/') + "/";
        if (!options.DryRun && !(Git.CurrentBranch() == Tracking.TrackingBranch.For(milestone).Value
            && Git.Changes().All(c => c.Length > 3 && c.Substring(3).StartsWith(docs, StringComparison.Ordinal))))
        {
            repository.EnsureCleanRepository();
        }

        var started = Git.CurrentBranch() is { } name ? BranchName.TryCreate(name) : null;
        if (!options.DryRun)
        {
            FetchOnce();
            EnsureBaseBranch(baseBranch);
        }

        var tracking = new Tracking.TrackingBranch(services);
        var branch = tracking.CheckOut(milestone, baseBranch);
        var result = edit(options.DryRun ? plan : plans.Choose(milestone.ToString()));
        tracking.Publish(milestone, baseBranch, summary, openPullRequest);
        fetched = false; // a later record of the same step (RunMilestone's) asks origin again
        if (started is not null && !started.Equals(branch))
        {
            Git.Checkout(started);
        }

        return result;
    }

    /// <summary>
    /// One edit of the plan as the tracking branch holds it (<see cref="OnTracking{T}"/>): read there, the transition
    /// made from its text, saved (said, then written, or shown in a dry run), committed and pushed.
    /// </summary>
    public void Record(PlanDocument plan, BranchName baseBranch, string summary, Func<PlanDocument, string, PlanTransition> transition) =>
        OnTracking(plan, baseBranch, summary, tracked =>
        {
            var file = PlanFile.Read(branches.RequireInside(tracked.Path), services.Options.MaxPlanBytes);
            services.Plans.Save(file, transition(tracked, file.Text));
            return true;
        });
}

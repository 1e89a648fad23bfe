using MilestonePlan.Core.Analysis;
using MilestonePlan.Core.Model;
using MilestonePlan.Core.Planning;
using MilestonePlan.Workflow.Editing;
using MilestonePlan.Workflow.Git;
using MilestonePlan.Workflow.GitHub;
using MilestonePlan.Workflow.Services;
using MilestonePlan.Workflow.Tracking;

namespace MilestonePlan.Workflow.Actions.Steps;

/// <summary>
/// ReconcileMilestone: the PRs as GitHub reports them, recorded as the issue lifecycle says (docs/run-milestone.md's
/// state table): merged issues done, open PRs listed with their checks, failing checks and conflicts ⏭️ Skipped and a
/// closed PR ⛔, each stopped issue's PR made a draft first; Current Issue moved on; then MP5007 against Git.
/// </summary>
internal sealed class ReconcileMilestoneStep(Settings.WorkflowContext options, Action<string> say, IPlanStore store, IGit git,
    IGitHub gh, PlanChoice plans, BranchGuard branches, TrackingRecorder tracking)
{
    public ReconcileMilestoneStep(WorkflowServices services)
        : this(services, StepParts.Of(services))
    {
    }

    private ReconcileMilestoneStep(WorkflowServices services, StepParts parts)
        : this(services.Options, services.Say, services.Plans, services.Git, services.Gh, parts.Plans, parts.Branches, parts.Tracking)
    {
    }

    /// <summary>MP5007 findings of this run: where the tracking disagrees with git.</summary>
    public IReadOnlyList<Core.Diagnostics.PlanDiagnostic> Drift { get; private set; } = [];

    /// <summary>The PRs into the base as this run read them (one `gh pr list`), for a caller that would ask again at once.</summary>
    public IReadOnlyList<PullRequestInfo> PullRequests { get; private set; } = [];

    public PlanTransition Run()
    {
        var plan = plans.Choose();
        var baseBranch = branches.RequireBranches(plan);
        gh.EnsureAuthenticated();
        var pullRequests = gh.List(baseBranch.Value).Select(PullRequestEffects.ForPlan).ToList();
        PullRequests = pullRequests;
        var deleted = DeletedHeads(plan, pullRequests);
        (plan, var transition) = tracking.OnTracking(plan, baseBranch, "reconciled with the PRs on GitHub", tracked =>
        {
            // On the tracking branch the plan holds the recorded stops: a stopped issue's PR is left as it is.
            foreach (var (issue, pr, step) in Reconciler.Steps(tracked, pullRequests, deleted))
            {
                if (pr is not null && PullRequestEffects.Apply(gh, say, step, pr, options.DryRun))
                {
                    say($"{issue.Row.Number}: {step.Reason}");
                }
            }

            var file = PlanFile.Read(branches.RequireInside(tracked.Path), options.MaxPlanBytes);
            var reconciled = Reconciler.Reconcile(tracked.Path, file.Text, pullRequests, options.Today, tracked.SpecGitHubNumbers(), deleted);
            store.Save(file, reconciled);
            return (tracked, reconciled);
        });
        say($"{plan.Milestone}: {pullRequests.Count} PR(s) on {baseBranch}; {transition.Changes.Count} change(s) to the plan");
        if (git.IsInsideWorkTree())
        {
            Drift = Workflow.Drift.GitDriftCheck.Check(PlanChoice.Reread(plan, options.DryRun ? transition.After : PlanFile.Read(plan.Path, options.MaxPlanBytes).Text), git);
        }

        return transition;
    }

    /// <summary>The head branches of the plan's closed, unmerged PRs that origin no longer has (one `git ls-remote` each).</summary>
    private HashSet<string> DeletedHeads(PlanDocument plan, IReadOnlyList<PullRequestInfo> pullRequests)
    {
        var features = new HashSet<string>(plan.Issues.Select(r => BranchNames.FeatureBranch(plan, r)), StringComparer.Ordinal);
        return new HashSet<string>(pullRequests
            .Where(p => !p.IsOpen && !p.IsMerged && features.Contains(p.HeadRefName))
            .Select(p => p.HeadRefName).Distinct(StringComparer.Ordinal)
            .Where(h => BranchName.TryCreate(h) is { } branch && !git.RemoteBranchExists(branch)), StringComparer.Ordinal);
    }
}

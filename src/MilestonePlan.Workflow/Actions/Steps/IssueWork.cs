using MilestonePlan.Core.Analysis;
using MilestonePlan.Core.Model;
using MilestonePlan.Core.Planning;
using MilestonePlan.Core.Selection;
using MilestonePlan.Workflow.Agent;
using MilestonePlan.Workflow.Editing;
using MilestonePlan.Workflow.Publishing;
using MilestonePlan.Workflow.Services;
using MilestonePlan.Workflow.Tracking;

namespace MilestonePlan.Workflow.Actions.Steps;

/// <summary>
/// One issue's work in RunMilestone, in the work tree its <paramref name="tree"/> services run in (the main one, or a
/// parallel agent's `git worktree`): the spec checked, the agent run, the result submitted. Stops are recorded
/// through <paramref name="coordinator"/>, the services that own the plan's tracking branch, so every tracking edit of
/// a run is made by one owner, one at a time.
/// </summary>
internal sealed class IssueWork(WorkflowServices tree, WorkflowServices coordinator, StepParts coordinatorParts)
{
    private readonly StepParts parts = StepParts.Of(tree);

    public WorkflowServices Tree => tree;

    /// <summary>Whether the feature branch already has commits the base does not (then the agent is not run again).</summary>
    public bool HasWork(BranchName baseBranch) =>
        !((tree.Git.ResolveCommit(Git.GitClient.RemoteTracking(baseBranch)) ?? tree.Git.ResolveCommit(baseBranch.FullRef)) is { } baseTip
          && tree.Git.IsAncestor("HEAD", baseTip));

    /// <summary>
    /// The template's "Issue Spec Problems" hard stop, before the agent spends anything on an issue it cannot do:
    /// recorded, and the outcome returned; null when the issue is ready.
    /// </summary>
    public IssueOutcome? SpecProblem(PlanDocument plan, IssueRow row, BranchName baseBranch, BranchName branch)
    {
        var problems = IssueReadiness.Problems(Core.IO.DiskFileSystem.Instance, tree.Options.RepositoryRoot, plan, row, parts.Report.SpecFor(plan, row));
        if (problems.Count == 0)
        {
            return null;
        }

        var reason = "issue spec problem: " + string.Join("; ", problems);
        RecordStop(plan, baseBranch, row, hard: true, reason, "fix the spec or the plan, then remove this entry");
        return Outcome(row, branch, IssueOutcomeState.Stopped, reason);
    }

    /// <summary>The agent on the checked-out feature branch of this work tree (it may run on its own thread).</summary>
    public AgentResult RunAgent(PlanDocument plan, IssueRow row, BranchName baseBranch, BranchName branch) =>
        new AgentRunner(tree).Run(plan, row, baseBranch, branch, tree.Options.Relative(parts.Branches.SpecPath(plan, row) ?? plan.Path), tree.Options.Relative(plan.Path));

    /// <summary>What the agent's stop means for the plan: recorded, and the outcome.</summary>
    public IssueOutcome Stopped(PlanDocument plan, IssueRow row, BranchName baseBranch, BranchName branch, AgentStop stop)
    {
        RecordStop(plan, baseBranch, row, stop.Hard, stop.Reason, stop.Needs);
        return Outcome(row, branch, stop.Hard ? IssueOutcomeState.Stopped : IssueOutcomeState.Skipped, stop.Reason);
    }

    /// <summary>
    /// SubmitIssue in this work tree, then the PR as GitHub has it: the outcome so far and, when the PR is open and may
    /// still merge by itself, that PR (the loop decides whether to wait).
    /// </summary>
    public (IssueOutcome Outcome, PendingPullRequest? Opened) Submit(IssueRow row, BranchName baseBranch, BranchName branch)
    {
        var findings = new SubmitIssueStep(tree).Run();
        if (findings.Count > 0)
        {
            var first = findings[0];
            return (Outcome(row, branch, first.IsHard ? IssueOutcomeState.Stopped : IssueOutcomeState.Skipped, first.Reason), null);
        }

        var pr = tree.Gh.ListByHead(branch.Value).Where(p => p.BaseRefName == baseBranch.Value).OrderByDescending(p => p.IsOpen || p.IsMerged).FirstOrDefault();
        if (pr is null)
        {
            return (Outcome(row, branch, IssueOutcomeState.Waiting, "no PR was found after submitting"), null);
        }

        var step = IssueLifecycle.Of(new IssueFacts { PullRequest = PullRequestEffects.ForPlan(pr) });
        var opened = new PendingPullRequest(pr.Number, PublishedText.PlanLine(pr.Url), branch.Value, row);
        return (IssueOutcomes.Of(opened, step, tree.Options.MergeTimeout), step.Loop == LoopMove.Wait ? opened : null);
    }

    private static IssueOutcome Outcome(IssueRow row, BranchName branch, IssueOutcomeState state, string reason) =>
        new(row.Number.ToString(), row.TitleText, branch.Value, state, PublishedText.PlanLine(reason));

    private void RecordStop(PlanDocument plan, BranchName baseBranch, IssueRow row, bool hard, string reason, string needs)
    {
        var options = coordinator.Options;
        coordinator.Say($"{(hard ? "⛔" : "⏭️")} {row.Number}: {reason}");
        coordinatorParts.Tracking.OnTracking(plan, baseBranch, $"{row.Number} {(hard ? "stopped" : "skipped")}", tracked =>
        {
            var file = PlanFile.Read(coordinatorParts.Branches.RequireInside(tracked.Path), options.MaxPlanBytes);
            coordinator.Plans.Save(file, PlanTransition.Edit(tracked.Path, file.Text, tracked.SpecGitHubNumbers(), (u, p) =>
                u.RecordStop(p.Find(row.Number)!, hard, PublishedText.PlanLine(reason), PublishedText.PlanLine(needs)).Concat(u.SetLastUpdated(options.Today)))
                .MoveCurrentToNext(tracked.Path, options.Today));
            return true;
        });
    }
}

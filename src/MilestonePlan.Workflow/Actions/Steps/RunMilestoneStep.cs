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
/// RunMilestone: the template's autopilot loop. Each round reconciles with GitHub, takes the next eligible issue
/// (RunNextIssue), runs the coding agent on its branch (<see cref="AgentRunner"/>) and submits it (SubmitIssue); with
/// its PR open and auto-merge on, the loop goes on to the next eligible issue (pipelined, the template's "proceed to
/// next eligible issue"), and waits only when nothing is eligible and PRs are pending, until the first of them ends
/// (<see cref="PullRequestWait"/>). A stopped issue is recorded and the loop goes on with the others. Every round
/// starts from what is recorded in git and on GitHub, so a run that was stopped anywhere resumes where it was.
/// </summary>
internal sealed class RunMilestoneStep(WorkflowServices services, StepParts parts)
{
    public RunMilestoneStep(WorkflowServices services)
        : this(services, StepParts.Of(services))
    {
    }

    private Settings.WorkflowContext Options => services.Options;

    private Action<string> Say => services.Say;

    private Git.IGit Git => services.Git;

    private GitHub.IGitHub Gh => services.Gh;

    public IReadOnlyList<IssueOutcome> Run()
    {
        if (Options.Agent is null)
        {
            throw WorkflowException.Tool("RunMilestone needs the coding agent: -p:MilestonePlanAgentCommand=\"my-agent --issue {issue} --spec {spec}\"");
        }

        var outcomes = new IssueOutcomes();
        // A review an interrupted run left ⏳ Pending is run again before auto-merge, never skipped.
        var review = new UnfinishedReview(services, parts);
        PlanDocument? tracked = null;
        var wait = new PullRequestWait(Options, Say, Gh, pending =>
            tracked is not null && review.IsUnfinished(tracked, pending.Row) ? review.Resume(parts.Plans.Choose(), pending.Row, pending.Number) : null);
        var started = new HashSet<int>();
        if (Options.ParallelAgents > 1)
        {
            // Registrations of work trees whose folders are gone, so their branches can be checked out again.
            Git.PruneWorktrees();
        }

        using var pool = Options.ParallelAgents > 1 ? new AgentPool(services, parts) : null;
        while (true)
        {
            Options.Cancellation.ThrowIfCancellationRequested();
            var reconcile = new ReconcileMilestoneStep(services);
            var reconciled = reconcile.Run();
            var plan = parts.Plans.Choose();
            tracked = PlanChoice.Reread(plan, reconciled.After);
            var baseBranch = parts.Branches.RequireBranches(tracked);
            if (pool is not null)
            {
                if (RunSideBySide(pool, tracked, reconcile.PullRequests, baseBranch, outcomes, started, wait))
                {
                    continue;
                }
            }

            IssueRow? row = null;
            if (pool is null && (Options.MaxIssues <= 0 || started.Count < Options.MaxIssues))
            {
                Say($"RunMilestone: {plan.Milestone}: looking for the next eligible issue");
                row = new RunNextIssueStep(services).Run();
            }

            if (row is not null)
            {
                if (!started.Add(row.Number.Value))
                {
                    // Recorded state did not move on (e.g. a record that could not land): stop rather than loop.
                    throw WorkflowException.Tool($"{row.Number} was chosen twice in one run; its last outcome was not recorded (see above)");
                }

                var (outcome, opened) = RunIssue(parts.Plans.Choose(), row);
                outcomes.Set(outcome);
                if (opened is not null && !Options.Pipeline)
                {
                    // Not pipelined: this PR's final state (or its timeout) before the next issue, as before pipelining.
                    while (!wait.TimedOut(opened.Number) && outcomes.Take(wait.WaitForFirst(baseBranch, [opened]), Options.MergeTimeout) == 0)
                    {
                    }
                }

                continue;
            }

            // Nothing eligible now (or no more issues to start): the PRs that may still merge by themselves (from this
            // run or an earlier one) may make their dependents eligible. Wait for the first to end, then look again;
            // the next round's reconcile records what it ended on (merged, a stop with the PR a draft).
            // A PR that merged since the reconcile read the list ends the wait at its first look, which is at once.
            var pending = Pending(tracked, reconcile.PullRequests, wait);
            if (pending.Count == 0 || outcomes.Take(wait.WaitForFirst(baseBranch, pending), Options.MergeTimeout) == 0)
            {
                break;
            }
        }

        if (outcomes.Count > 0)
        {
            // What the last wait ended on (a merge, a stop) is recorded before the run ends, also when MilestonePlanMaxIssues
            // ends it: the plan never says less than GitHub does.
            var plan = parts.Plans.Choose();
            var reconcile = new ReconcileMilestoneStep(services);
            tracked = PlanChoice.Reread(plan, reconcile.Run().After);

            // A PR the loop moved on from may have ended between two looks (the reconciles recorded it): the summary
            // says where each issue is now, from the PRs that last reconcile read.
            var now = reconcile.PullRequests.GroupBy(p => p.Number).ToDictionary(g => g.Key, g => g.First());
            foreach (var open in outcomes.All.Where(o => o.State == IssueOutcomeState.PrOpen && o.PullRequest is { } n && now.ContainsKey(n)).ToList())
            {
                var row = tracked.Issues.FirstOrDefault(r => r.Number.ToString() == open.Issue);
                if (row is not null && IssueLifecycle.Of(new IssueFacts { PullRequest = now[open.PullRequest!.Value] }) is { } step && IssueLifecycle.IsFinal(step.State))
                {
                    outcomes.Set(IssueOutcomes.Of(new PendingPullRequest(open.PullRequest.Value, open.Url ?? string.Empty, open.Branch, row), step, Options.MergeTimeout));
                }
            }
        }

        Say($"RunMilestone: {outcomes.Count} issue(s) this run");
        services.Items.Clear();
        foreach (var outcome in outcomes.All)
        {
            Say("  " + outcome);
            services.Items.Add(TargetItem.Of(outcome.Issue, ("Kind", "Outcome"), ("Issue", outcome.Issue), ("Title", outcome.Title),
                ("Branch", outcome.Branch), ("State", outcome.State.ToString()), ("Reason", outcome.Reason),
                ("PullRequest", outcome.PullRequest?.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("Url", outcome.Url)));
        }

        // The summary reads the plan as the tracking branch holds it, not the copy on whichever branch is checked out.
        var final = NextIssueSelector.Select(tracked ?? parts.Plans.Choose());
        foreach (var waiting in final.PassedOver)
        {
            Say($"  waiting: {waiting.Row.Number} — {waiting.Reason}");
            services.Items.Add(TargetItem.Of(waiting.Row.Number.ToString(), ("Kind", "Waiting"), ("Issue", waiting.Row.Number.ToString()),
                ("Title", waiting.Row.TitleText), ("State", waiting.State.ToString()), ("Reason", waiting.Reason)));
        }

        return outcomes.All;
    }

    /// <summary>
    /// One round with agents side by side: the finished ones submitted, free places filled with eligible issues, then a
    /// wait for an agent to finish (or, with a place free and PRs pending, for the first of those to end). False when
    /// no agent is at work and none could start: the loop's own waiting on pending PRs decides then.
    /// </summary>
    private bool RunSideBySide(AgentPool pool, PlanDocument tracked, IReadOnlyList<PullRequestInfo> pullRequests, BranchName baseBranch, IssueOutcomes outcomes, HashSet<int> started, PullRequestWait wait)
    {
        var moved = false;
        foreach (var (outcome, _) in pool.Collect(baseBranch))
        {
            outcomes.Set(outcome);
            moved = true;
        }

        if (moved)
        {
            // Submitting changed the tracked plan (an open PR, a stop): choose from the next round's reconciled state.
            return true;
        }

        while (pool.HasRoom && (Options.MaxIssues <= 0 || started.Count < Options.MaxIssues) && pool.Start(tracked, baseBranch) is { Row: { } row } start)
        {
            if (!started.Add(row.Number.Value))
            {
                throw WorkflowException.Tool($"{row.Number} was chosen twice in one run; its last outcome was not recorded (see above)");
            }

            if (start.Ended is { } ended)
            {
                outcomes.Set(ended);
            }

            moved = true;
        }

        if (pool.Count == 0)
        {
            return moved;
        }

        var pending = pool.HasRoom ? Pending(tracked, pullRequests, wait) : [];
        if (pending.Count > 0)
        {
            outcomes.Take(wait.WaitForFirst(baseBranch, pending, pool.Finished), Options.MergeTimeout);
        }
        else
        {
            pool.WaitForOne();
        }

        return true;
    }

    /// <summary>
    /// One issue, on its checked-out feature branch: agent (unless there is work already), submit. Returns the outcome
    /// so far and, when its PR is open and may still merge by itself, that PR (the loop decides whether to wait).
    /// </summary>
    private (IssueOutcome Outcome, PendingPullRequest? Opened) RunIssue(PlanDocument plan, IssueRow row)
    {
        var baseBranch = parts.Branches.RequireBranches(plan);
        var branch = BranchGuard.RequireFeature(plan, row);
        var work = new IssueWork(services, services, parts);
        if (!work.HasWork(baseBranch))
        {
            if (work.SpecProblem(plan, row, baseBranch, branch) is { } problem)
            {
                return (problem, null);
            }

            if (work.RunAgent(plan, row, baseBranch, branch).Stop is { } stop)
            {
                return (work.Stopped(plan, row, baseBranch, branch, stop), null);
            }
        }
        else
        {
            Say($"{row.Number}: {branch} already has work and no PR; going straight to the checks");
        }

        return work.Submit(row, baseBranch, branch);
    }

    /// <summary>
    /// The milestone's PRs that may still merge by themselves (the lifecycle's Wait: auto-merge on or to be enabled,
    /// checks pending or passing) among <paramref name="pullRequests"/> (the round's reconcile read them), except those
    /// already waited on for their whole timeout. <paramref name="tracked"/> is the plan as the tracking branch holds it:
    /// a stopped or skipped issue's PR is never waited for or touched.
    /// </summary>
    private List<PendingPullRequest> Pending(PlanDocument tracked, IReadOnlyList<PullRequestInfo> pullRequests, PullRequestWait wait) =>
        Options.MergeTimeout <= TimeSpan.Zero
            ? []
            : Reconciler.Steps(tracked, pullRequests)
                .Where(s => s.PullRequest is { IsOpen: true } pr && s.Step.Loop == LoopMove.Wait && !wait.TimedOut(pr.Number))
                .Select(s => new PendingPullRequest(s.PullRequest!.Number, s.PullRequest.Url, s.PullRequest.HeadRefName, s.Issue.Row))
                .OrderBy(p => p.Number).ToList();
}

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
/// (RunNextIssue), runs the coding agent on its branch (<see cref="AgentRunner"/>), submits (SubmitIssue) and waits
/// for the merge; a stopped issue is recorded and the loop goes on with the others. Every round starts from what is
/// recorded in git and on GitHub, so a run that was stopped anywhere resumes where it was.
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

        var outcomes = new List<IssueOutcome>();
        PlanDocument? latest = null;
        var started = new HashSet<int>();
        var waited = new HashSet<int>();
        while (Options.MaxIssues <= 0 || started.Count < Options.MaxIssues)
        {
            Options.Cancellation.ThrowIfCancellationRequested();
            var reconciled = new ReconcileMilestoneStep(services).Run();
            var plan = parts.Plans.Choose();
            var tracked = PlanChoice.Reread(plan, reconciled.After);
            latest = tracked;
            Say($"RunMilestone: {plan.Milestone}: looking for the next eligible issue");
            if (new RunNextIssueStep(services).Run() is not { } row)
            {
                // Nothing eligible now; an issue PR that may still merge by itself (from this run or an earlier one)
                // may make its dependents eligible: wait for it once, until GitHub's answer is final, then look again.
                if (OpenIssuePullRequest(tracked, waited) is { } open)
                {
                    // A review an interrupted run left ⏳ Pending is run again before auto-merge, never skipped.
                    var review = new UnfinishedReview(services, parts);
                    var waitedFor = WaitForFinalState(open.Number, review.IsUnfinished(tracked, open.Row) ? () => review.Resume(plan, open.Row, open.Number) : null);
                    if (waitedFor.State == LifecycleState.Merged)
                    {
                        outcomes.Add(new IssueOutcome(open.Row.Number.ToString(), open.Row.TitleText, open.Branch, IssueOutcomeState.Done, string.Empty, open.Number, open.Url));
                    }
                    else if (waitedFor.Loop is LoopMove.Stop or LoopMove.Skip)
                    {
                        outcomes.Add(new IssueOutcome(open.Row.Number.ToString(), open.Row.TitleText, open.Branch,
                            waitedFor.Loop == LoopMove.Stop ? IssueOutcomeState.Stopped : IssueOutcomeState.Skipped, PublishedText.PlanLine(waitedFor.Reason), open.Number, open.Url));
                    }

                    // The next round's reconcile records what the wait ended on (merged, a stop with the PR a draft).
                    if (IssueLifecycle.IsFinal(waitedFor.State))
                    {
                        continue;
                    }
                }

                break;
            }

            if (!started.Add(row.Number.Value))
            {
                // Recorded state did not move on (e.g. a record that could not land): stop rather than loop.
                throw WorkflowException.Tool($"{row.Number} was chosen twice in one run; its last outcome was not recorded (see above)");
            }

            outcomes.Add(RunIssue(parts.Plans.Choose(), row));
        }

        if (outcomes.Count > 0)
        {
            // What the last wait ended on (a merge, a stop) is recorded before the run ends, also when MilestonePlanMaxIssues
            // ends it: the plan never says less than GitHub does.
            var plan = parts.Plans.Choose();
            latest = PlanChoice.Reread(plan, new ReconcileMilestoneStep(services).Run().After);
        }

        Say($"RunMilestone: {outcomes.Count} issue(s) this run");
        services.Items.Clear();
        foreach (var outcome in outcomes)
        {
            Say("  " + outcome);
            services.Items.Add(TargetItem.Of(outcome.Issue, ("Kind", "Outcome"), ("Issue", outcome.Issue), ("Title", outcome.Title),
                ("Branch", outcome.Branch), ("State", outcome.State.ToString()), ("Reason", outcome.Reason),
                ("PullRequest", outcome.PullRequest?.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("Url", outcome.Url)));
        }

        // The summary reads the plan as the tracking branch holds it, not the copy on whichever branch is checked out.
        var final = NextIssueSelector.Select(latest ?? parts.Plans.Choose());
        foreach (var waiting in final.PassedOver)
        {
            Say($"  waiting: {waiting.Row.Number} — {waiting.Reason}");
            services.Items.Add(TargetItem.Of(waiting.Row.Number.ToString(), ("Kind", "Waiting"), ("Issue", waiting.Row.Number.ToString()),
                ("Title", waiting.Row.TitleText), ("State", waiting.State.ToString()), ("Reason", waiting.Reason)));
        }

        return outcomes;
    }

    /// <summary>One issue, on its checked-out feature branch: agent (unless there is work already), submit, merge.</summary>
    private IssueOutcome RunIssue(PlanDocument plan, IssueRow row)
    {
        var baseBranch = parts.Branches.RequireBranches(plan);
        var branch = BranchGuard.RequireFeature(plan, row);
        IssueOutcome Outcome(IssueOutcomeState state, string reason, int? pr = null, string? url = null) =>
            new(row.Number.ToString(), row.TitleText, branch.Value, state, PublishedText.PlanLine(reason), pr, url);

        var hasWork = !(Git.ResolveCommit(baseBranch.FullRef) is { } baseTip && Git.IsAncestor("HEAD", baseTip));
        if (IssueLifecycle.Of(new IssueFacts { BranchExists = true, HasCommits = hasWork }).Next == LifecycleAction.RunAgent)
        {
            // The template's "Issue Spec Problems" hard stop, before the agent spends anything on an issue it cannot do.
            var problems = IssueReadiness.Problems(Core.IO.DiskFileSystem.Instance, Options.RepositoryRoot, plan, row, parts.Report.SpecFor(plan, row));
            if (problems.Count > 0)
            {
                var reason = "issue spec problem: " + string.Join("; ", problems);
                RecordStop(plan, baseBranch, row, hard: true, reason, "fix the spec or the plan, then remove this entry");
                return Outcome(IssueOutcomeState.Stopped, reason);
            }

            var agent = new AgentRunner(services).Run(plan, row, baseBranch, branch, Options.Relative(parts.Branches.SpecPath(plan, row) ?? plan.Path), Options.Relative(plan.Path));
            if (agent.Stop is { } stop)
            {
                RecordStop(plan, baseBranch, row, stop.Hard, stop.Reason, stop.Needs);
                return Outcome(stop.Hard ? IssueOutcomeState.Stopped : IssueOutcomeState.Skipped, stop.Reason);
            }
        }
        else
        {
            Say($"{row.Number}: {branch} already has work and no PR; going straight to the checks");
        }

        var findings = new SubmitIssueStep(services).Run();
        if (findings.Count > 0)
        {
            var first = findings[0];
            return Outcome(first.IsHard ? IssueOutcomeState.Stopped : IssueOutcomeState.Skipped, first.Reason);
        }

        var pr = Gh.ListByHead(branch.Value).Where(p => p.BaseRefName == baseBranch.Value).OrderByDescending(p => p.IsOpen || p.IsMerged).FirstOrDefault();
        if (pr is null)
        {
            return Outcome(IssueOutcomeState.Waiting, "no PR was found after submitting");
        }

        var final = WaitForFinalState(pr.Number);
        if (final.State == LifecycleState.Merged)
        {
            return Outcome(IssueOutcomeState.Done, string.Empty, pr.Number, pr.Url);
        }

        if (final.Loop is LoopMove.Stop or LoopMove.Skip)
        {
            // Recorded (and the PR made a draft) by the reconcile that starts the next round, as for any other PR.
            return Outcome(final.Loop == LoopMove.Stop ? IssueOutcomeState.Stopped : IssueOutcomeState.Skipped, final.Reason, pr.Number, pr.Url);
        }

        return Outcome(IssueOutcomeState.PrOpen, final.State == LifecycleState.Draft
            ? "the PR is a draft; a person decides"
            : $"not merged within {Options.MergeTimeout.TotalMinutes:0.#} min; issues that depend on it wait", pr.Number, pr.Url);
    }

    /// <summary>
    /// A PR of one of the milestone's issues that may still merge by itself (the lifecycle's Wait: auto-merge on, checks
    /// pending or passing), not yet waited for in this run (it is marked as waited for). <paramref name="tracked"/> is
    /// the plan as the tracking branch holds it: a stopped or skipped issue's PR is never waited for or touched.
    /// </summary>
    private (int Number, string Url, string Branch, IssueRow Row)? OpenIssuePullRequest(PlanDocument tracked, HashSet<int> waited)
    {
        if (Options.MergeTimeout <= TimeSpan.Zero)
        {
            return null;
        }

        var baseBranch = parts.Branches.RequireBranches(tracked);
        var pullRequests = Gh.List(baseBranch.Value).Select(PullRequestEffects.ForPlan).ToList();
        var open = Reconciler.Steps(tracked, pullRequests)
            .Where(s => s.PullRequest is { IsOpen: true } pr && s.Step.Loop == LoopMove.Wait && !waited.Contains(pr.Number))
            .OrderBy(s => s.PullRequest!.Number).FirstOrDefault();
        if (open.PullRequest is not { } found)
        {
            return null;
        }

        waited.Add(found.Number);
        return (found.Number, found.Url, found.HeadRefName, open.Issue.Row);
    }

    /// <summary>
    /// Polls the PR until its state is final in the lifecycle's sense (merged, closed, checks failed, conflicted, a
    /// draft) or the merge timeout ran out; returns the last answer. Auto-merge missing on an open PR (a run stopped
    /// between `gh pr create` and `gh pr merge --auto`) is enabled once: that step is finished, not skipped; with
    /// <paramref name="reviewFirst"/> (its code review did not finish) the PR is submitted again instead, which reviews it
    /// first (false: it could not be, and waiting ends).
    /// </summary>
    private LifecycleStep WaitForFinalState(int number, Func<bool>? reviewFirst = null)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var autoMergeAsked = false;
        while (true)
        {
            var pr = PullRequestEffects.ForPlan(Gh.View(number));
            var step = IssueLifecycle.Of(new IssueFacts { PullRequest = pr });
            if (step.State == LifecycleState.Merged)
            {
                Say($"PR #{number} merged after {clock.Elapsed.TotalSeconds:0} s");
                return step;
            }

            if (step.Next == LifecycleAction.EnableAutoMerge && !autoMergeAsked && reviewFirst is not null)
            {
                autoMergeAsked = true;
                if (!reviewFirst())
                {
                    return step;
                }

                continue;
            }

            if (step.Next == LifecycleAction.EnableAutoMerge && !autoMergeAsked)
            {
                autoMergeAsked = true;
                Say($"PR #{number} has no auto-merge yet; enabling it");
                var merge = Gh.EnableAutoMerge(number);
                if (!merge.Succeeded && !Gh.View(number).AutoMergeEnabled)
                {
                    return IssueLifecycle.Of(new IssueFacts { PullRequest = pr, AutoMergeRefused = true, AutoMergeRefusal = PublishedText.PlanLine(merge.Describe()) });
                }

                continue;
            }

            if (IssueLifecycle.IsFinal(step.State))
            {
                Say($"PR #{number}: {(step.Reason.Length > 0 ? step.Reason : step.Rule)}; not waiting for it");
                return step;
            }

            if (clock.Elapsed >= Options.MergeTimeout)
            {
                return step;
            }

            Say($"PR #{number}: waiting for the merge ({clock.Elapsed.TotalSeconds:0} s so far)");
            if (Options.Cancellation.WaitHandle.WaitOne(Options.MergePollInterval))
            {
                Options.Cancellation.ThrowIfCancellationRequested();
            }
        }
    }

    private void RecordStop(PlanDocument plan, BranchName baseBranch, IssueRow row, bool hard, string reason, string needs)
    {
        Say($"{(hard ? "⛔" : "⏭️")} {row.Number}: {reason}");
        parts.Tracking.OnTracking(plan, baseBranch, $"{row.Number} {(hard ? "stopped" : "skipped")}", tracked =>
        {
            var file = PlanFile.Read(parts.Branches.RequireInside(tracked.Path), Options.MaxPlanBytes);
            services.Plans.Save(file, PlanTransition.Edit(tracked.Path, file.Text, tracked.SpecGitHubNumbers(), (u, p) =>
                u.RecordStop(p.Find(row.Number)!, hard, PublishedText.PlanLine(reason), PublishedText.PlanLine(needs)).Concat(u.SetLastUpdated(Options.Today)))
                .MoveCurrentToNext(tracked.Path, Options.Today));
            return true;
        });
    }
}

using MilestonePlan.Core.Analysis;
using MilestonePlan.Core.Model;
using MilestonePlan.Core.Planning;
using MilestonePlan.Core.Selection;
using MilestonePlan.Workflow.Agent;
using MilestonePlan.Workflow.Editing;
using MilestonePlan.Workflow.Publishing;
using MilestonePlan.Workflow.Services;

namespace MilestonePlan.Workflow.Actions.Steps;

/// <summary>
/// RunMilestone: the template's autopilot loop. Each round reconciles with GitHub, takes the next eligible issue
/// (RunNextIssue), runs the coding agent on its branch (<see cref="AgentRunner"/>), submits (SubmitIssue) and waits
/// for the merge; a stopped issue is recorded and the loop goes on with the others. Every round starts from what is
/// recorded in git and on GitHub, so a run that was stopped anywhere resumes where it was.
/// </summary>
internal sealed class RunMilestoneStep(WorkflowServices services) : WorkflowStep(services)
{
    public IReadOnlyList<IssueOutcome> Run()
    {
        if (Options.Agent is null)
        {
            throw WorkflowException.Tool("RunMilestone needs the coding agent: -p:MilestonePlanAgentCommand=\"my-agent --issue {issue} --spec {spec}\"");
        }

        var outcomes = new List<IssueOutcome>();
        var started = new HashSet<int>();
        var waited = new HashSet<int>();
        while (Options.MaxIssues <= 0 || started.Count < Options.MaxIssues)
        {
            Options.Cancellation.ThrowIfCancellationRequested();
            new ReconcileMilestoneStep(Services).Run();
            var plan = ChoosePlan();
            Say($"RunMilestone: {plan.Milestone}: looking for the next eligible issue");
            if (new RunNextIssueStep(Services).Run() is not { } row)
            {
                // Nothing eligible now; an issue PR that is still open (from this run or an earlier one) may merge and
                // make its dependents eligible: wait for it once, then look again.
                if (OpenIssuePullRequest(plan, waited) is { } open && WaitForMerge(open.Number))
                {
                    outcomes.Add(new IssueOutcome(open.Row.Number.ToString(), open.Row.TitleText, open.Branch, IssueOutcomeState.Done, string.Empty, open.Number, open.Url));
                    continue;
                }

                break;
            }

            if (!started.Add(row.Number.Value))
            {
                // Recorded state did not move on (e.g. a record that could not land): stop rather than loop.
                throw WorkflowException.Tool($"{row.Number} was chosen twice in one run; its last outcome was not recorded (see above)");
            }

            outcomes.Add(RunIssue(ChoosePlan(), row));
        }

        Say($"RunMilestone: {outcomes.Count} issue(s) this run");
        Services.Items.Clear();
        foreach (var outcome in outcomes)
        {
            Say("  " + outcome);
            Services.Items.Add(TargetItem.Of(outcome.Issue, ("Kind", "Outcome"), ("Issue", outcome.Issue), ("Title", outcome.Title),
                ("Branch", outcome.Branch), ("State", outcome.State.ToString()), ("Reason", outcome.Reason),
                ("PullRequest", outcome.PullRequest?.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("Url", outcome.Url)));
        }

        var final = NextIssueSelector.Select(ChoosePlan());
        foreach (var waiting in final.PassedOver)
        {
            Say($"  waiting: {waiting.Row.Number} — {waiting.Reason}");
            Services.Items.Add(TargetItem.Of(waiting.Row.Number.ToString(), ("Kind", "Waiting"), ("Issue", waiting.Row.Number.ToString()),
                ("Title", waiting.Row.TitleText), ("State", waiting.State.ToString()), ("Reason", waiting.Reason)));
        }

        return outcomes;
    }

    /// <summary>One issue, on its checked-out feature branch: agent (unless there is work already), submit, merge.</summary>
    private IssueOutcome RunIssue(PlanDocument plan, IssueRow row)
    {
        var baseBranch = RequireBranches(plan);
        var branch = RequireFeature(plan, row);
        IssueOutcome Outcome(IssueOutcomeState state, string reason, int? pr = null, string? url = null) =>
            new(row.Number.ToString(), row.TitleText, branch.Value, state, PublishedText.PlanLine(reason), pr, url);

        var hasWork = !(Git.ResolveCommit(baseBranch.FullRef) is { } baseTip && Git.IsAncestor("HEAD", baseTip));
        if (IssueLifecycle.Of(new IssueFacts { BranchExists = true, HasCommits = hasWork }).Next == LifecycleAction.RunAgent)
        {
            var agent = new AgentRunner(Services).Run(plan, row, baseBranch, branch, Relative(SpecPath(plan, row) ?? plan.Path), Relative(plan.Path));
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

        var findings = new SubmitIssueStep(Services).Run();
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

        return WaitForMerge(pr.Number) ? Outcome(IssueOutcomeState.Done, string.Empty, pr.Number, pr.Url)
            : Outcome(IssueOutcomeState.PrOpen, $"not merged within {Options.MergeTimeout.TotalMinutes:0.#} min; issues that depend on it wait", pr.Number, pr.Url);
    }

    /// <summary>An open PR of one of the milestone's issues not yet waited for in this run (it is marked as waited for).</summary>
    private (int Number, string Url, string Branch, IssueRow Row)? OpenIssuePullRequest(PlanDocument plan, HashSet<int> waited)
    {
        if (Options.MergeTimeout <= TimeSpan.Zero)
        {
            return null;
        }

        var baseBranch = RequireBranches(plan);
        // Two rows naming one branch is the plan's own finding (MP4001); the first row is taken here.
        var features = new Dictionary<string, IssueRow>(StringComparer.Ordinal);
        foreach (var row in plan.Issues)
        {
            if (BranchNames.Feature(plan, row).Name is { } feature && !features.ContainsKey(feature.Value))
            {
                features.Add(feature.Value, row);
            }
        }

        var open = Gh.List(baseBranch.Value).Where(p => p.IsOpen && features.ContainsKey(p.HeadRefName) && !waited.Contains(p.Number))
            .OrderBy(p => p.Number).FirstOrDefault();
        if (open is null)
        {
            return null;
        }

        waited.Add(open.Number);
        return (open.Number, open.Url, open.HeadRefName, features[open.HeadRefName]);
    }

    /// <summary>Polls the PR until it merged or the merge timeout ran out; true when merged.</summary>
    private bool WaitForMerge(int number)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var autoMergeAsked = false;
        while (true)
        {
            var step = IssueLifecycle.Of(new IssueFacts { PullRequest = Gh.View(number) });
            if (step.State == LifecycleState.Merged)
            {
                Say($"PR #{number} merged after {clock.Elapsed.TotalSeconds:0} s");
                return true;
            }

            if (step.Next == LifecycleAction.EnableAutoMerge && !autoMergeAsked)
            {
                autoMergeAsked = true;
                // A run stopped between `gh pr create` and `gh pr merge --auto`: finish that step. A draft is a PR a
                // stop demoted, and stays as it is.
                Say($"PR #{number} has no auto-merge yet; enabling it");
                Gh.EnableAutoMerge(number);
                continue;
            }

            if (!IssueLifecycle.HasOpenPullRequest(step.State) || clock.Elapsed >= Options.MergeTimeout)
            {
                return false;
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
        OnTracking(plan, baseBranch, $"{row.Number} {(hard ? "stopped" : "skipped")}", tracked =>
        {
            var file = PlanFile.Read(RequireInside(tracked.Path), Options.MaxPlanBytes);
            Save(file, PlanTransition.Edit(tracked.Path, file.Text, tracked.SpecGitHubNumbers(), (u, p) =>
                u.RecordStop(p.Find(row.Number)!, hard, PublishedText.PlanLine(reason), PublishedText.PlanLine(needs)).Concat(u.SetLastUpdated(Options.Today))));
            return true;
        });
    }
}

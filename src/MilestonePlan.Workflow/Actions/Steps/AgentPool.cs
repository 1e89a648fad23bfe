using MilestonePlan.Core.Analysis;
using MilestonePlan.Core.Model;
using MilestonePlan.Core.Selection;
using MilestonePlan.Workflow.Agent;
using MilestonePlan.Workflow.Editing;
using MilestonePlan.Workflow.Services;

namespace MilestonePlan.Workflow.Actions.Steps;

/// <summary>
/// RunMilestone's agents side by side (MilestonePlanParallelAgents = N &gt; 1): up to N agents at once, each on its
/// issue's feature branch in its own work tree (<see cref="IssueWorktrees"/>). Only the agents run on their own
/// threads; everything else (choosing, recording on the tracking branch, submitting) is done by the one coordinator
/// thread that calls this class, one step at a time, so plan edits are serialized and none is lost. The main work
/// tree is never switched to a feature branch. Ctrl+C (or a failure) ends every agent's process tree; their work
/// stays in their branches and stashes, and a rerun reuses their work trees.
/// </summary>
internal sealed class AgentPool(WorkflowServices services, StepParts parts) : IDisposable
{
    private sealed record AgentAtWork(IssueRow Row, BranchName Branch, string Path, IssueWork Work, PlanDocument Plan, Task<AgentResult?> Agent);

    private readonly List<AgentAtWork> running = [];
    private readonly CancellationTokenSource stop = CancellationTokenSource.CreateLinkedTokenSource(services.Options.Cancellation);
    private readonly AutoResetEvent finished = new(false);
    private readonly IssueWorktrees worktrees = new(services);

    public int Count => running.Count;

    public bool HasRoom => running.Count < services.Options.ParallelAgents;

    /// <summary>Set when an agent finishes: the coordinator's waits end then.</summary>
    public WaitHandle Finished => finished;

    /// <summary>
    /// Takes up the next eligible issue that no agent of this run works on: recorded as current on the tracking
    /// branch, its work tree opened, its agent started (not when the branch already has work: then it goes straight to
    /// submitting). Null when none is eligible; an issue with a spec problem is recorded and returned as its outcome.
    /// </summary>
    public (IssueRow? Row, IssueOutcome? Ended) Start(PlanDocument plan, BranchName baseBranch)
    {
        bool Taken(IssueRow row) => running.Any(r => r.Row.Number == row.Number);
        if (NextIssueSelector.Select(plan, Taken).Next is null)
        {
            return (null, null);
        }

        var row = parts.Tracking.OnTracking(plan, baseBranch, "next issue started", tracked =>
        {
            var chosen = NextIssueSelector.Select(tracked, Taken).Next;
            if (chosen is not null)
            {
                var file = PlanFile.Read(parts.Branches.RequireInside(tracked.Path), services.Options.MaxPlanBytes);
                services.Plans.Save(file, RunNextIssueStep.Started(tracked, file.Text, chosen, services.Options.Today));
            }

            return chosen;
        }, openPullRequest: false);
        if (row is null)
        {
            return (null, null);
        }

        var branch = BranchGuard.RequireFeature(plan, row);
        worktrees.FastForwardBase(baseBranch);
        var path = worktrees.Open(branch, baseBranch);
        var prefix = row.Number + " ";
        var tree = services.InWorkTree(path, line => services.Say(prefix + line), stop.Token);
        var work = new IssueWork(tree, services, parts);
        var treePlan = StepParts.Of(tree).Plans.Choose();
        services.Say($"Implement {row.Number} {row.TitleText} on {branch} in {path} (base {baseBranch}); {running.Count + 1} of {services.Options.ParallelAgents} agent(s) at work");
        Task<AgentResult?> agent;
        if (work.HasWork(baseBranch))
        {
            services.Say($"{row.Number}: {branch} already has work and no PR; going straight to the checks");
            agent = Task.FromResult<AgentResult?>(null);
        }
        else if (work.SpecProblem(treePlan, row, baseBranch, branch) is { } problem)
        {
            worktrees.Remove(path);
            return (row, problem);
        }
        else
        {
            agent = Task.Run(() => (AgentResult?)work.RunAgent(treePlan, row, baseBranch, branch), stop.Token);
        }

        agent.ContinueWith(_ => finished.Set(), TaskScheduler.Default);
        running.Add(new AgentAtWork(row, branch, path, work, treePlan, agent));
        return (row, null);
    }

    /// <summary>
    /// The issues whose agent has finished, each recorded and submitted from its work tree in turn (the outcome, and
    /// the PR when it may still merge by itself); their work trees are removed. An agent that failed ends the run,
    /// after every other agent was stopped.
    /// </summary>
    public List<(IssueOutcome Outcome, PendingPullRequest? Opened)> Collect(BranchName baseBranch)
    {
        var done = new List<(IssueOutcome, PendingPullRequest?)>();
        foreach (var issue in running.Where(r => r.Agent.IsCompleted).ToList())
        {
            running.Remove(issue);
            var result = issue.Agent.GetAwaiter().GetResult();
            var ended = result?.Stop is { } agentStop
                ? (issue.Work.Stopped(issue.Plan, issue.Row, baseBranch, issue.Branch, agentStop), null)
                : issue.Work.Submit(issue.Row, baseBranch, issue.Branch);
            done.Add(ended);
            worktrees.Remove(issue.Path);
        }

        return done;
    }

    /// <summary>Waits until an agent finishes (or Ctrl+C).</summary>
    public void WaitForOne()
    {
        if (running.Count > 0 && !running.Any(r => r.Agent.IsCompleted))
        {
            WaitHandle.WaitAny([finished, services.Options.Cancellation.WaitHandle]);
            services.Options.Cancellation.ThrowIfCancellationRequested();
        }
    }

    /// <summary>Every agent still running is stopped (its process tree ended, its changes stashed) and waited for.</summary>
    public void Dispose()
    {
        if (running.Count > 0)
        {
            stop.Cancel();
            try
            {
                Task.WaitAll([.. running.Select(r => (Task)r.Agent)], TimeSpan.FromMinutes(1));
            }
            catch (AggregateException)
            {
                // Each agent's own failure or cancellation: the run ends with the error that stopped the coordinator.
            }
        }

        stop.Dispose();
        finished.Dispose();
    }
}

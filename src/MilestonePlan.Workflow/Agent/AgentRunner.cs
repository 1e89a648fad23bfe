using MilestonePlan.Core.Model;
using MilestonePlan.Workflow.Actions.Steps;
using MilestonePlan.Workflow.Git;
using MilestonePlan.Workflow.Services;

namespace MilestonePlan.Workflow.Agent;

/// <summary>Why the agent's work does not go on to the checks: a hard stop (needs review) or a soft one (skipped).</summary>
internal sealed record AgentStop(bool Hard, string Reason, string Needs);

/// <summary>What one agent run left: a stop, or work committed on the feature branch.</summary>
internal sealed record AgentResult(AgentStop? Stop);

/// <summary>
/// Runs the coding agent for one issue on its feature branch and judges what it left. The agent is untrusted like
/// the plan: it runs with an argument list (never a shell), in the repository root, stdin closed, under a timeout that
/// ends its whole process tree; afterwards git says what it did. Changes it left uncommitted are committed in the
/// template's format; a switched branch, a commit on the base or history rewritten below the base is a hard stop, and
/// the local base is put back where it was (origin never saw it: nothing is pushed here).
/// </summary>
internal sealed class AgentRunner(WorkflowServices services)
{
    private IGit Git => services.Git;

    public static IReadOnlyDictionary<string, string> Values(PlanDocument plan, IssueRow row, BranchName baseBranch, BranchName branch, string spec, string planPath) =>
        new Dictionary<string, string>
        {
            ["{issue}"] = row.Number.ToString(),
            ["{github}"] = row.GitHubNumber is { } n ? n.ToString(System.Globalization.CultureInfo.InvariantCulture) : string.Empty,
            ["{spec}"] = spec,
            ["{title}"] = row.TitleText,
            ["{branch}"] = branch.Value,
            ["{base}"] = baseBranch.Value,
            ["{plan}"] = planPath,
            ["{milestone}"] = plan.Milestone?.ToString() ?? string.Empty,
            [AgentCommand.Context] = string.Join("\n", Core.Planning.IssueReadiness.RequiredReads(plan)),
        };

    public AgentResult Run(PlanDocument plan, IssueRow row, BranchName baseBranch, BranchName branch, string spec, string planPath)
    {
        var options = services.Options;
        var values = Values(plan, row, baseBranch, branch, spec, planPath);
        var command = AgentCommand.With(options.Agent ?? throw WorkflowException.Tool("RunMilestone needs the coding agent (MilestonePlanAgentCommand)"), values);
        var program = Settings.RequiredPrograms.AgentProgram(options, command.Program);
        var baseTip = Git.ResolveCommit(baseBranch.FullRef);
        var headBefore = Git.Head();
        services.Say($"{row.Number}: running the agent on {branch}: {Processes.CommandLine.Display(command.Program, command.Arguments)}");
        var clock = System.Diagnostics.Stopwatch.StartNew();
        Processes.ProcessResult result;
        try
        {
            // Its output goes to the log as it comes (an agent runs for minutes), redacted line by line, never kept.
            result = services.Runner.Run(program, command.Arguments, options.RepositoryRoot, options.AgentTimeout,
                AgentCommand.Environment(values), options.Cancellation, new Publishing.StreamedText("agent> ", services.Say).Line);
        }
        catch (OperationCanceledException)
        {
            KeepInterruptedWork(row);
            throw;
        }
        services.Say($"{row.Number}: the agent ended after {clock.Elapsed.TotalSeconds:0} s (exit code {result.ExitCode})");

        // What git says the agent did, hard stops first: they are about the repository, not the issue.
        if (Git.ResolveCommit(baseBranch.FullRef) is { } after && baseTip is not null && after != baseTip)
        {
            Git.UpdateRef(baseBranch.FullRef, baseTip, after, "MilestonePlan: undo the agent's commit on the base");
            Park(row, branch);
            return Stop(true, $"the agent committed on the base {baseBranch} (its commit {after.Substring(0, Math.Min(12, after.Length))} was taken off the local base)",
                "look at the agent's commit and redo it on the feature branch");
        }

        if (Git.CurrentBranch() != branch.Value)
        {
            var where = Git.CurrentBranch() ?? "a detached HEAD";
            Park(row, branch);
            return Stop(true, $"the agent switched from {branch} to {where}", "look at what it did there (its uncommitted changes are in `git stash list`)");
        }

        // The branch as it was before the agent must still be in its history (the base may have moved on meanwhile).
        if (!Git.IsAncestor(headBefore, "HEAD"))
        {
            Park(row, branch);
            return Stop(true, $"the agent rewrote {branch}'s history (its commit {headBefore.Substring(0, Math.Min(12, headBefore.Length))} is gone from it)",
                "look at the branch's history");
        }

        if (!Git.IsWorkTreeClean())
        {
            Git.AddAll();
            Git.Commit(CommitMessage(plan, row));
        }

        if (result.TimedOut)
        {
            return Stop(false, $"the agent did not finish within {options.AgentTimeout.TotalMinutes:0.#} min and was stopped", "run it again or implement by hand");
        }

        if (!result.Succeeded)
        {
            return Stop(false, result.NotFound ? $"the agent '{command.Program}' was not found" : $"the agent exited with code {result.ExitCode}",
                "look at its output, then run again");
        }

        return Git.Head() == headBefore
            ? Stop(false, "the agent changed nothing", "run it again or implement by hand")
            : new AgentResult(null);
    }

    /// <summary>
    /// Ctrl+C while the agent ran: its process tree is already ended. What it wrote so far is put in the stash (nothing
    /// lost, the tree clean), not committed: a half-done change on the branch would go straight to the checks on the
    /// next run, which instead runs the agent again from the branch as it was.
    /// </summary>
    private void KeepInterruptedWork(IssueRow row)
    {
        // The run's own git client is cancelled with it; this one finishes the clean-up.
        var git = new GitClient(services.Runner, services.Options.RepositoryRoot, services.Options.Timeout);
        if (git.StashAll($"milestoneplan: interrupted agent run for {row.Number}"))
        {
            services.Say($"{row.Number}: interrupted; the agent's changes so far are in `git stash list` (milestoneplan: interrupted agent run for {row.Number})");
        }
    }

    /// <summary>The template's commit format: `feat(m{n}): Title`, then `Implements issue #NN` and `Closes #N` when GitHub's number is known.</summary>
    public static IReadOnlyList<string> CommitMessage(PlanDocument plan, IssueRow row)
    {
        var paragraphs = new List<string> { $"{Core.Planning.PullRequestText.Token(plan, row)}: {row.TitleText}", $"Implements issue {row.Number}" };
        if (row.GitHubNumber is { } gitHub)
        {
            paragraphs.Add($"Closes #{gitHub}");
        }

        return paragraphs;
    }

    /// <summary>After a hard stop: uncommitted changes go to the stash (kept, never pushed) and the feature branch is checked out, so the tree is clean.</summary>
    private void Park(IssueRow row, BranchName branch)
    {
        Git.StashAll($"milestoneplan: stopped agent run for {row.Number}");
        if (Git.CurrentBranch() != branch.Value)
        {
            Git.Checkout(branch);
        }
    }

    private static AgentResult Stop(bool hard, string reason, string needs) => new(new AgentStop(hard, reason, needs));
}

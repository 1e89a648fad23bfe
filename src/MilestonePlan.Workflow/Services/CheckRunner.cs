using MilestonePlan.Workflow.Git;
using MilestonePlan.Workflow.Processes;
using MilestonePlan.Workflow.Publishing;

namespace MilestonePlan.Workflow.Services;

/// <summary>
/// The run's checks (MilestonePlanCheckCommand) and auto-fix (MilestonePlanFixCommand), each split once in the
/// settings (no shell): run one after the other, or in a dry run only said. Which one is chosen once, where the run's
/// services are composed; SubmitIssue just asks.
/// </summary>
internal sealed class CheckRunner
{
    private readonly IReadOnlyList<CommandWords> checks;
    private readonly IReadOnlyList<CommandWords> fixes;
    private readonly Func<CommandWords, string, string?> run;
    private readonly Action<string> say;

    private CheckRunner(IReadOnlyList<CommandWords> checks, IReadOnlyList<CommandWords> fixes, Func<CommandWords, string, string?> run, Action<string> say)
    {
        this.checks = checks;
        this.fixes = fixes;
        this.run = run;
        this.say = say;
    }

    public static CheckRunner Running(Settings.WorkflowContext context, IProcessRunner runner, Action<string> say) =>
        new(context.Checks, context.Fixes, (command, prefix) =>
        {
            say((prefix == "fix> " ? "Running auto-fix: " : "Running checks: ") + command.Display);
            // Printed as it runs (a test run takes minutes, and a failure is read there); the result keeps its start only.
            var result = runner.Run(command.Program, command.Arguments, context.RepositoryRoot, TimeSpan.FromMinutes(30),
                cancellationToken: context.Cancellation, onLine: new StreamedText(prefix, say).Line);
            return result.Succeeded ? null : result.Describe().Split('\n')[0];
        }, say);

    public static CheckRunner DryRun(Settings.WorkflowContext context, Action<string> say) =>
        new(context.Checks, context.Fixes, (command, prefix) =>
        {
            say((prefix == "fix> " ? "would run if a check failed: " : "would run: ") + command.Display);
            return null;
        }, say);

    /// <summary>Runs each check in order; the first failure's reason (its first line), or null when all passed.</summary>
    public string? Run() => RunAll(checks, "check> ");

    /// <summary>
    /// The checks; when one fails and an auto-fix is set (the template: "attempt auto-fix, then skip if still
    /// failing"), the fix commands, their changes committed as their own commit (<paramref name="fixCommit"/>, the
    /// template's format), and the checks once more. The reason that remains is one sentence about the checks (the fix
    /// failed or timed out, changed nothing, or the checks still fail after it); without a fix, the check's own failure.
    /// Null when the checks pass (at once or after the fix).
    /// </summary>
    public string? RunWithFix(IGit git, IReadOnlyList<string> fixCommit)
    {
        var failure = Run();
        if (failure is null)
        {
            return null;
        }

        if (fixes.Count == 0)
        {
            return failure;
        }

        say($"a check failed ({failure}); trying the auto-fix");
        if (RunAll(fixes, "fix> ") is { } fixFailure)
        {
            // Kept, not committed and not lost: the tree is clean again for the record, and a person can look.
            var kept = git.StashAll("milestoneplan: the auto-fix that failed");
            return $"checks still fail: {failure}; the auto-fix failed ({fixFailure})" + (kept ? "; what it changed is in `git stash list`" : string.Empty);
        }

        if (git.IsWorkTreeClean())
        {
            return $"checks still fail: {failure}; the auto-fix changed nothing";
        }

        git.AddAll();
        git.Commit(fixCommit);
        say("auto-fix committed; running the checks again");
        return Run() is { } still ? $"checks still fail after auto-fix: {still}" : null;
    }

    /// <summary>Whether an auto-fix is set (a dry run says it would try one).</summary>
    public bool HasFix => fixes.Count > 0;

    private string? RunAll(IReadOnlyList<CommandWords> commands, string prefix)
    {
        foreach (var command in commands)
        {
            if (run(command, prefix) is { } failure)
            {
                return failure;
            }
        }

        return null;
    }
}

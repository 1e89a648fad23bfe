using MilestonePlan.Workflow.Processes;
using MilestonePlan.Workflow.Publishing;

namespace MilestonePlan.Workflow.Services;

/// <summary>
/// The run's checks (MilestonePlanCheckCommand, split once in the settings; no shell): run one after the other, or in
/// a dry run only said. Which one is chosen once, where the run's services are composed; SubmitIssue just asks.
/// </summary>
internal sealed class CheckRunner
{
    private readonly IReadOnlyList<CommandWords> checks;
    private readonly Func<CommandWords, string?> run;

    private CheckRunner(IReadOnlyList<CommandWords> checks, Func<CommandWords, string?> run)
    {
        this.checks = checks;
        this.run = run;
    }

    public static CheckRunner Running(Settings.WorkflowContext context, IProcessRunner runner, Action<string> say) =>
        new(context.Checks, check =>
        {
            say("Running checks: " + check.Display);
            // Printed as it runs (a test run takes minutes, and a failure is read there); the result keeps its start only.
            var result = runner.Run(check.Program, check.Arguments, context.RepositoryRoot, TimeSpan.FromMinutes(30),
                cancellationToken: context.Cancellation, onLine: new StreamedText("check> ", say).Line);
            return result.Succeeded ? null : result.Describe().Split('\n')[0];
        });

    public static CheckRunner DryRun(Settings.WorkflowContext context, Action<string> say) =>
        new(context.Checks, check =>
        {
            say("would run: " + check.Display);
            return null;
        });

    /// <summary>Runs each check in order; the first failure's reason (its first line), or null when all passed.</summary>
    public string? Run()
    {
        foreach (var check in checks)
        {
            if (run(check) is { } failure)
            {
                return failure;
            }
        }

        return null;
    }
}

using System.Globalization;
using MilestonePlan.Core.Model;
using MilestonePlan.Workflow.Services;

namespace MilestonePlan.Workflow.Agent;

/// <summary>
/// The code-review gate's reviewer (MilestonePlanReviewCommand): any program (an LLM reviewer CLI, a script, an
/// analyzer run) started after the checks pass and before auto-merge, with the agent's placeholders and environment
/// plus `{pr}`, `{findings}` (the SARIF 2.1.0 log it writes) and `{range}` (`base...head`). Like the agent it is run
/// with an argument list, in the repository root, stdin closed, output streamed (`review>`) and redacted, its process
/// tree ended at MilestonePlanReviewTimeout. A reviewer that crashes, times out or writes no readable log is a failure
/// (a soft stop), never a pass.
/// </summary>
internal sealed class ReviewRunner(WorkflowServices services)
{
    public ReviewResult Run(PlanDocument plan, IssueRow row, BranchName baseBranch, BranchName branch, string spec, string planPath, int pullRequest)
    {
        var options = services.Options;
        var words = options.Review ?? throw WorkflowException.Tool("no reviewer is set (MilestonePlanReviewCommand)");
        var findings = Path.Combine(Path.GetTempPath(), "milestoneplan-review-" + Guid.NewGuid().ToString("N") + ".sarif");
        var values = AgentRunner.Values(plan, row, baseBranch, branch, spec, planPath).ToDictionary(v => v.Key, v => v.Value);
        values["{pr}"] = pullRequest.ToString(CultureInfo.InvariantCulture);
        values["{findings}"] = findings;
        values["{range}"] = $"{baseBranch}...{branch}";
        var command = AgentCommand.With(words, values);
        services.Say($"{row.Number}: reviewing PR #{pullRequest}: {Processes.CommandLine.Display(command.Program, command.Arguments)}");
        try
        {
            var result = services.Runner.Run(Settings.RequiredPrograms.AgentProgram(options, command.Program), command.Arguments, options.RepositoryRoot,
                options.ReviewTimeout, AgentCommand.Environment(values), options.Cancellation, new Publishing.StreamedText("review> ", services.Say).Line);
            if (result.TimedOut)
            {
                return new([], $"the reviewer did not finish within {options.ReviewTimeout.TotalMinutes:0.#} min and was stopped");
            }

            if (!result.Succeeded)
            {
                return new([], result.NotFound ? $"the reviewer '{command.Program}' was not found" : $"the reviewer exited with code {result.ExitCode}");
            }

            return SarifFindings.Read(findings);
        }
        finally
        {
            File.Delete(findings);
        }
    }
}

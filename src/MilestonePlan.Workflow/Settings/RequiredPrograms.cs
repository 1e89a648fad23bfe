using MilestonePlan.Workflow.Processes;

namespace MilestonePlan.Workflow.Settings;

/// <summary>
/// The programs a run will start (the checks, the coding agent) exist before anything runs: found only when needed,
/// a missing one used to stop an issue after its base branch was pushed and a stop recorded in the plan.
/// </summary>
internal static class RequiredPrograms
{
    /// <summary>Why a check's program (<paramref name="checks"/>) or the agent's (<paramref name="agent"/>) cannot be run, naming the setting; empty when all are found.</summary>
    public static IReadOnlyList<string> Missing(WorkflowContext context, bool checks, bool agent, string? path)
    {
        var missing = new List<string>();
        if (checks)
        {
            missing.AddRange(context.Checks.Select(check => Problem(check.Program, "MilestonePlanCheckCommand", path)).OfType<string>());
            missing.AddRange(context.Fixes.Select(fix => Problem(fix.Program, WorkflowSettings.FixCommandSetting, path)).OfType<string>());
            if (context.Review is { } review && review.Program.IndexOf('{') < 0
                && Problem(AgentProgram(context, review.Program), WorkflowSettings.ReviewCommandSetting, path) is { } reviewProblem)
            {
                missing.Add(reviewProblem);
            }
        }

        // The agent's program may be a placeholder ({spec}...): known only per issue, so not checked here.
        if (agent && context.Agent is { } command && command.Program.IndexOf('{') < 0
            && Problem(AgentProgram(context, command.Program), WorkflowSettings.AgentCommandSetting, path) is { } problem)
        {
            missing.Add(problem);
        }

        return missing;
    }

    /// <summary>The agent's program as it is run: a relative path is relative to the repository root, a bare name is looked up on PATH.</summary>
    public static string AgentProgram(WorkflowContext context, string program) =>
        program.IndexOfAny(['/', '\\']) >= 0 && !Path.IsPathRooted(program)
            ? Path.GetFullPath(Path.Combine(context.RepositoryRoot, program))
            : program;

    private static string? Problem(string program, string setting, string? path)
    {
        var location = ExecutableLocator.Locate(program, path);
        return location.Path is not null ? null
            : location.Refusal is { } refusal ? $"{setting}: {refusal}"
            : $"{setting}: '{program}' was not found (not on PATH, or no such file)";
    }
}

using MilestonePlan.Workflow.Processes;

namespace MilestonePlan.Workflow.Settings;

/// <summary>
/// The programs a run will start (the checks, the coding agent) exist before anything runs: found only when needed,
/// a missing one used to stop an issue after its base branch was pushed and a stop recorded in the plan.
/// </summary>
internal static class RequiredPrograms
{
    /// <summary>MP9001 naming the setting when a check's program (<paramref name="checks"/>) or the agent's (<paramref name="agent"/>) cannot be found.</summary>
    public static void Require(WorkflowContext context, bool checks, bool agent, string? path)
    {
        if (checks)
        {
            foreach (var check in context.Checks)
            {
                Require(check.Program, "MilestonePlanCheckCommand", path);
            }
        }

        // The agent's program may be a placeholder ({spec}...): known only per issue, so not checked here.
        if (agent && context.Agent is { } command && command.Program.IndexOf('{') < 0)
        {
            Require(AgentProgram(context, command.Program), WorkflowSettings.AgentCommandSetting, path);
        }
    }

    /// <summary>The agent's program as it is run: a relative path is relative to the repository root, a bare name is looked up on PATH.</summary>
    public static string AgentProgram(WorkflowContext context, string program) =>
        program.IndexOfAny(['/', '\\']) >= 0 && !Path.IsPathRooted(program)
            ? Path.GetFullPath(Path.Combine(context.RepositoryRoot, program))
            : program;

    private static void Require(string program, string setting, string? path)
    {
        var location = ExecutableLocator.Locate(program, path);
        if (location.Path is null)
        {
            throw WorkflowException.Tool(location.Refusal is { } refusal
                ? $"{setting}: {refusal}; nothing was run"
                : $"{setting}: '{program}' was not found (not on PATH, or no such file); nothing was run");
        }
    }
}

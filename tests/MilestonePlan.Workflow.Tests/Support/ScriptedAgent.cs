using MilestonePlan.Workflow.Actions;

namespace MilestonePlan.Workflow.Tests.Support;

/// <summary>
/// A coding agent for RunMilestone tests: a small executable script, run by path with an argument list as a user's
/// agent CLI would be, that appends each issue it is run for to a log beside the fake gh.
/// </summary>
internal static class ScriptedAgent
{
    /// <summary>Writes one file per issue: the agent that implements.</summary>
    public const string Implements = """
        #!/bin/sh
        echo "agent for $MILESTONEPLAN_ISSUE on $MILESTONEPLAN_BRANCH: $1"
        echo "$MILESTONEPLAN_ISSUE" >> "$AGENT_LOG"
        mkdir -p src
        printf 'code for %s\n' "$MILESTONEPLAN_TITLE" > "src/issue-$MILESTONEPLAN_ISSUE.txt"
        """;

    public static string Log(WorkflowRepository repo) => Path.Combine(repo.Gh.Folder, "agent.log");

    public static string[] Calls(WorkflowRepository repo) => File.Exists(Log(repo)) ? File.ReadAllLines(Log(repo)) : [];

    /// <summary>
    /// A runner for RunMilestone with <paramref name="script"/> as the agent (`$AGENT_LOG` is replaced by the log's path)
    /// and, when given, <paramref name="reviewCommand"/> as the reviewer.
    /// </summary>
    public static WorkflowRunner Loop(WorkflowRepository repo, string script, int maxIssues = 0, double mergeTimeoutSeconds = 20,
        TimeSpan? agentTimeout = null, CancellationToken cancellation = default, Action<string>? say = null, string agentCommand = "'{agent}' \"{title}\"",
        string? reviewCommand = null, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var path = Path.Combine(repo.Gh.Folder, "agent-" + Guid.NewGuid().ToString("N") + ".sh");
        File.WriteAllText(path, script.Replace("$AGENT_LOG", Log(repo)) + "\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        var properties = new Dictionary<string, string?>
        {
            ["MilestonePlanCheckCommand"] = "none",
            ["MilestonePlanAgentCommand"] = agentCommand.Replace("{agent}", path, StringComparison.Ordinal),
            ["MilestonePlanMaxIssues"] = maxIssues.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["MilestonePlanReviewCommand"] = reviewCommand,
        };
        foreach (var (name, value) in settings ?? new Dictionary<string, string?>())
        {
            properties[name] = value;
        }

        return new WorkflowRunner(repo.Settings(properties, cancellation) with
        {
            AgentTimeout = agentTimeout ?? TimeSpan.FromMinutes(1),
            MergePollInterval = TimeSpan.FromMilliseconds(200),
            MergeTimeout = TimeSpan.FromSeconds(mergeTimeoutSeconds),
        }, repo.Gh.Runner, say ?? repo.Output.Add);
    }
}

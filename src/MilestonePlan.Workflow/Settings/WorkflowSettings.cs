using System.Globalization;
using MilestonePlan.Core.Configuration;
using MilestonePlan.Core.Model;
using MilestonePlan.Workflow.Processes;

namespace MilestonePlan.Workflow.Settings;

/// <summary>
/// The MSBuild properties of the workflow targets, by their public names, turned into a <see cref="WorkflowContext"/>.
/// A value that cannot be used (an unclosed quote, a negative timeout, a milestone that is no milestone id) is an
/// MP9001 error here, before any target runs: nothing is pushed, opened or recorded on a typo. The defaults of the
/// workflow's settings are written here and nowhere else in C#.
/// </summary>
internal static class WorkflowSettings
{
    public const string FixCommandSetting = "MilestonePlanFixCommand";

    /// <summary>The check run when MilestonePlanCheckCommand is empty.</summary>
    public const string DefaultCheckCommand = "dotnet test";

    public const string AgentCommandSetting = "MilestonePlanAgentCommand";

    public const string ReviewCommandSetting = "MilestonePlanReviewCommand";

    /// <summary>The settings by name, as MSBuild passes them (the task's global properties); absent or empty: the default.</summary>
    public static WorkflowContext Parse(string repositoryRoot, IReadOnlyDictionary<string, string?> properties, CancellationToken cancellation = default) =>
        Parse(repositoryRoot, name => properties.TryGetValue(name, out var value) ? value : null, cancellation);

    /// <summary>The settings from <paramref name="property"/>, which gives a setting's text by its MSBuild name (null: not set).</summary>
    public static WorkflowContext Parse(string repositoryRoot, Func<string, string?> property, CancellationToken cancellation = default)
    {
        string? Text(string name) => property(name) is { } value && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

        return new WorkflowContext
        {
            RepositoryRoot = repositoryRoot,
            Validation = ValidationSettings.Create(repositoryRoot, Text("MilestonePlanDocsRoot"), Text("MilestonePlanNonSpecFiles"),
                Text("MilestonePlanMaxPlanBytes"), Text("MilestonePlanMaxSpecBytes")),
            Milestone = Milestone(Text("Milestone")),
            DryRun = Flag("MilestonePlanDryRun", Text("MilestonePlanDryRun")),
            Timeout = TimeSpan.FromSeconds(Math.Max(1, Whole("MilestonePlanTimeoutSeconds", Text("MilestonePlanTimeoutSeconds"), 120))),
            Checks = Commands(Text("MilestonePlanCheckCommand") ?? DefaultCheckCommand, "MilestonePlanCheckCommand"),
            Fixes = Commands(Text(FixCommandSetting) ?? "none", FixCommandSetting),
            Agent = Text(AgentCommandSetting) is { } agent ? Command(agent, AgentCommandSetting) : null,
            Review = Text(ReviewCommandSetting) is { } review ? Command(review, ReviewCommandSetting) : null,
            ReviewThreshold = Math.Min(100, Whole("MilestonePlanReviewThreshold", Text("MilestonePlanReviewThreshold"), 80)),
            ReviewTimeout = TimeSpan.FromMinutes(Math.Max(1, Whole("MilestonePlanReviewTimeout", Text("MilestonePlanReviewTimeout"), 30))),
            AgentTimeout = TimeSpan.FromMinutes(Math.Max(1, Whole("MilestonePlanAgentTimeout", Text("MilestonePlanAgentTimeout"), 60))),
            MergePollInterval = TimeSpan.FromSeconds(Math.Max(1, Whole("MilestonePlanMergePollSeconds", Text("MilestonePlanMergePollSeconds"), 30))),
            MergeTimeout = TimeSpan.FromMinutes(Whole("MilestonePlanMergeTimeout", Text("MilestonePlanMergeTimeout"), 30)),
            MaxIssues = Whole("MilestonePlanMaxIssues", Text("MilestonePlanMaxIssues"), 0),
            Pipeline = Text("MilestonePlanPipeline") is not { } pipeline || Flag("MilestonePlanPipeline", pipeline),
            ParallelAgents = Math.Max(1, Whole("MilestonePlanParallelAgents", Text("MilestonePlanParallelAgents"), 1)),
            GitHubMilestone = Text("MilestonePlanGitHubMilestone"),
            Cancellation = cancellation,
        };
    }

    /// <summary>Each line a command, split like the agent's command (quotes group words); `none` or `false` as a line's program: no command.</summary>
    private static IReadOnlyList<CommandWords> Commands(string text, string setting) =>
        text.Split(['\n'], StringSplitOptions.RemoveEmptyEntries)
            .Where(line => line.Trim().Length > 0)
            .Select(line => Command(line, setting))
            .Where(command => command.Program is not ("none" or "false"))
            .ToList();

    private static CommandWords Command(string text, string setting)
    {
        var (command, problem) = CommandWords.Parse(text, setting);
        return command ?? throw Refused(problem!);
    }

    private static MilestoneId? Milestone(string? text) =>
        text is null ? null : MilestoneId.Parse(text) ?? throw Refused($"'{text}' is not a milestone id (use m2, M2 or 2)");

    /// <summary>A whole number, not negative (0 keeps each setting's documented meaning).</summary>
    private static int Whole(string setting, string? text, int fallback)
    {
        if (text is null)
        {
            return fallback;
        }

        return int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) && value >= 0
            ? value
            : throw Refused($"{setting} must be a whole number, 0 or more, not '{text}'");
    }

    /// <summary>MSBuild's spellings of a boolean.</summary>
    private static bool Flag(string setting, string? text) => text?.ToLowerInvariant() switch
    {
        null or "false" or "off" or "no" or "!true" => false,
        "true" or "on" or "yes" or "!false" => true,
        _ => throw Refused($"{setting} must be true or false, not '{text}'"),
    };

    private static WorkflowException Refused(string reason) => WorkflowException.Tool(reason + "; nothing was run");
}

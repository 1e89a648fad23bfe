using Microsoft.Build.Framework;
using MilestonePlan.Core.Diagnostics;
using MilestonePlan.Workflow;
using MilestonePlan.Workflow.Actions;
using MilestonePlan.Workflow.Processes;
using MilestonePlan.Workflow.Settings;
using Task = Microsoft.Build.Utilities.Task;
using MilestonePlan.Workflow.Services;

namespace MilestonePlan.Tasks;

/// <summary>The workflow targets (NextIssue, RunNextIssue, SubmitIssue, ReconcileMilestone, MilestoneStatus): one action each.</summary>
public sealed class MilestoneWorkflow : Task, ICancelableTask
{
    private readonly CancellationTokenSource cancellation = new();

#if NETFRAMEWORK
    static MilestoneWorkflow() => TaskAssemblyResolver.Register();

#endif
    [Required]
    public string Action { get; set; } = string.Empty;

    [Required]
    public string ProjectDirectory { get; set; } = string.Empty;

    public string? RepositoryRoot { get; set; }

    public string? DocsRoot { get; set; }

    /// <summary>File names that are never issue specs, added to the defaults (`;`-separated), as for validation.</summary>
    public string? NonSpecFiles { get; set; }

    public string? Milestone { get; set; }

    public bool DryRun { get; set; }

    public string? CheckCommand { get; set; }

    public int TimeoutSeconds { get; set; } = 120;

    public string? MaxPlanBytes { get; set; }

    public string? MaxSpecBytes { get; set; }

    /// <summary>RunMilestone's coding agent: a command line with {issue} {github} {spec} {title} {branch} {base} {plan} {milestone}.</summary>
    public string? AgentCommand { get; set; }

    /// <summary>Minutes the agent may run for one issue (default 60).</summary>
    public int AgentTimeoutMinutes { get; set; } = 60;

    /// <summary>Seconds between two looks at a PR's merge (default 30).</summary>
    public int MergePollSeconds { get; set; } = 30;

    /// <summary>Minutes to wait for one PR to merge before going on with other issues (default 30).</summary>
    public int MergeTimeoutMinutes { get; set; } = 30;

    /// <summary>At most this many issues per RunMilestone run; 0: no limit.</summary>
    public int MaxIssues { get; set; }

    /// <summary>
    /// The settings by MSBuild property name (item spec; value in <c>Value</c>); without any, the task's global
    /// properties (MilestonePlan.Repository.proj passes every setting that way). A setting wins over the parameter of the same meaning.
    /// </summary>
    public ITaskItem[] Settings { get; set; } = [];

    /// <summary>What the target found, one item per issue (or milestone) with its metadata: docs/targets.md.</summary>
    [Output]
    public ITaskItem[] Results { get; private set; } = [];

    /// <summary>Environment lookup for GITHUB_STEP_SUMMARY; tests replace it.</summary>
    internal Func<string, string?> Environment { get; set; } = System.Environment.GetEnvironmentVariable;

    /// <summary>Ctrl+C: ends the running agent, git or gh (their whole process tree); the next run resumes.</summary>
    public void Cancel() => cancellation.Cancel();

    public override bool Execute()
    {
        var settings = TaskSettings.Read(Settings, BuildEngine);
        RepositoryRoot = settings.Get("MilestonePlanRepositoryRoot", RepositoryRoot);
        var start = string.IsNullOrWhiteSpace(ProjectDirectory) ? Directory.GetCurrentDirectory() : ProjectDirectory;
        var root = string.IsNullOrWhiteSpace(RepositoryRoot) ? RepositoryLocator.Find(start) : Path.GetFullPath(Path.Combine(start, RepositoryRoot));

        try
        {
            // Every setting is parsed and checked here, once: a bad value stops the target before anything runs.
            var options = WorkflowSettings.Parse(root, Parameters(settings), cancellation.Token);
            var runner = new WorkflowRunner(options, new ProcessRunner(), line => Log.LogMessage(MessageImportance.High, line));
            if (options.DryRun)
            {
                Log.LogMessage(MessageImportance.High, $"MilestonePlan: {Action} dry run: nothing is changed.");
            }

            try
            {
                runner.Run(Action);
            }
            finally
            {
                // Whatever was found before a stop or an error is still returned.
                Results = runner.Items.Select(ToTaskItem).ToArray();
            }

            if (Action == "MilestoneStatus" && !options.DryRun)
            {
                Reporting.StepSummary.AppendIfRequested(Environment, Reporting.StatusSummary.Markdown(runner.Items));
            }

            foreach (var drift in runner.Drift)
            {
                DiagnosticLogger.Log(Log, drift, drift.DefaultSeverity);
            }
        }
        catch (OperationCanceledException)
        {
            Log.LogWarning($"MilestonePlan: {Action} was cancelled; the running process tree was ended. Run it again to resume.");
        }
        catch (WorkflowException e)
        {
            var span = e.Span ?? default;
            Log.LogError(null, e.Rule.Id, e.Rule.HelpLink, e.Rule.HelpLink, e.File, span.Line, span.Column, span.EndLine, span.EndColumn, e.Message);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidOperationException or System.Text.Json.JsonException)
        {
            var rule = Rules.MP9001;
            Log.LogError(null, rule.Id, rule.HelpLink, rule.HelpLink, null, 0, 0, 0, 0, rule.Format($"{Action} failed: {e.GetType().Name}: {e.Message}"));
        }

        return !Log.HasLoggedErrors;
    }

    /// <summary>
    /// The settings <see cref="WorkflowSettings"/> reads, by name: each from the settings (what the targets pass), else
    /// from the task parameter of the same meaning (a direct caller of the task).
    /// </summary>
    private Func<string, string?> Parameters(TaskSettings settings)
    {
        string Number(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var parameters = new Dictionary<string, string?>
        {
            ["MilestonePlanDocsRoot"] = DocsRoot,
            ["MilestonePlanNonSpecFiles"] = NonSpecFiles,
            ["Milestone"] = Milestone,
            ["MilestonePlanDryRun"] = DryRun ? "true" : "false",
            ["MilestonePlanCheckCommand"] = CheckCommand,
            ["MilestonePlanTimeoutSeconds"] = Number(TimeoutSeconds),
            ["MilestonePlanMaxPlanBytes"] = MaxPlanBytes,
            ["MilestonePlanMaxSpecBytes"] = MaxSpecBytes,
            ["MilestonePlanAgentCommand"] = AgentCommand,
            ["MilestonePlanAgentTimeout"] = Number(AgentTimeoutMinutes),
            ["MilestonePlanMergePollSeconds"] = Number(MergePollSeconds),
            ["MilestonePlanMergeTimeout"] = Number(MergeTimeoutMinutes),
            ["MilestonePlanMaxIssues"] = Number(MaxIssues),
        };
        return name => settings.Get(name, parameters.TryGetValue(name, out var value) ? value : null);
    }

    private static ITaskItem ToTaskItem(TargetItem item)
    {
        var task = new Microsoft.Build.Utilities.TaskItem(Escape(item.Identity));
        foreach (var pair in item.Metadata)
        {
            // Literal: plan text may hold %, ; or $(...), which MSBuild would otherwise read as its own syntax.
            ((ITaskItem2)task).SetMetadataValueLiteral(pair.Key, pair.Value);
        }

        return task;
    }

    /// <summary>MSBuild's escaping (%XX) of the characters it gives a meaning to.</summary>
    private static string Escape(string text)
    {
        var builder = new System.Text.StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c is '%' or '*' or '?' or '@' or '$' or '(' or ')' or ';' or '\'')
            {
                builder.Append('%').Append(((int)c).ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }
}

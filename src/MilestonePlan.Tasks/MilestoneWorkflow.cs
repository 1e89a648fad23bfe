using Microsoft.Build.Framework;
using MilestonePlan.Core.Diagnostics;
using MilestonePlan.Workflow;
using MilestonePlan.Workflow.Actions;
using MilestonePlan.Workflow.Processes;
using Task = Microsoft.Build.Utilities.Task;

namespace MilestonePlan.Tasks;

/// <summary>The workflow targets (NextIssue, RunNextIssue, SubmitIssue, ReconcileMilestone, MilestoneStatus): one action each.</summary>
public sealed class MilestoneWorkflow : Task
{
#if NETFRAMEWORK
    static MilestoneWorkflow() => TaskAssemblyResolver.Register();

#endif
    [Required]
    public string Action { get; set; } = string.Empty;

    [Required]
    public string ProjectDirectory { get; set; } = string.Empty;

    public string? RepositoryRoot { get; set; }

    public string? DocsRoot { get; set; }

    public string? Milestone { get; set; }

    public bool DryRun { get; set; }

    public string? CheckCommand { get; set; }

    public int TimeoutSeconds { get; set; } = 120;

    public string? MaxPlanBytes { get; set; }

    public string? MaxSpecBytes { get; set; }

    public override bool Execute()
    {
        var start = string.IsNullOrWhiteSpace(ProjectDirectory) ? Directory.GetCurrentDirectory() : ProjectDirectory;
        var root = string.IsNullOrWhiteSpace(RepositoryRoot) ? RepositoryLocator.Find(start) : Path.GetFullPath(Path.Combine(start, RepositoryRoot));

        var options = new WorkflowOptions
        {
            RepositoryRoot = root,
            DocsRoot = string.IsNullOrWhiteSpace(DocsRoot) ? "docs/03-build-notes" : DocsRoot!,
            Milestone = Milestone,
            DryRun = DryRun,
            Timeout = TimeSpan.FromSeconds(Math.Max(1, TimeoutSeconds)),
            CheckCommand = CheckCommand ?? "dotnet test",
            MaxPlanBytes = ByteLimit.Parse(MaxPlanBytes, Core.IO.FileLimits.DefaultMaxPlanBytes),
            MaxSpecBytes = ByteLimit.Parse(MaxSpecBytes, Core.IO.FileLimits.DefaultMaxSpecBytes),
        };
        var runner = new WorkflowRunner(options, new ProcessRunner(), line => Log.LogMessage(MessageImportance.High, line));
        try
        {
            if (DryRun)
            {
                Log.LogMessage(MessageImportance.High, $"MilestonePlan: {Action} dry run: nothing is changed.");
            }

            runner.Run(Action);
            foreach (var drift in runner.Drift)
            {
                DiagnosticLogger.Log(Log, drift, drift.DefaultSeverity);
            }
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
}

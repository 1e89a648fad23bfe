using MilestonePlan.Workflow.StopConditions;

namespace MilestonePlan.Workflow.Actions;

/// <summary>Everything a workflow target needs to know, from MSBuild properties.</summary>
internal sealed record WorkflowOptions
{
    public required string RepositoryRoot { get; init; }

    public string DocsRoot { get; init; } = "docs/03-build-notes";

    /// <summary>`m2`, `M2`, `2`, or empty for the only plan that is not Complete.</summary>
    public string? Milestone { get; init; }

    public bool DryRun { get; init; }

    public TimeSpan Timeout { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>The checks SubmitIssue runs first, one per line, each a program and its arguments (split on spaces, no shell). `none`: none.</summary>
    public string CheckCommand { get; init; } = "dotnet test";

    public string Today { get; init; } = DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    public StopPolicy StopPolicy { get; init; } = new();

    /// <summary>Plans larger than this are not read (MilestonePlanMaxPlanBytes).</summary>
    public long MaxPlanBytes { get; init; } = Core.IO.FileLimits.DefaultMaxPlanBytes;

    /// <summary>Specs larger than this are not read or published (MilestonePlanMaxSpecBytes).</summary>
    public long MaxSpecBytes { get; init; } = Core.IO.FileLimits.DefaultMaxSpecBytes;

    /// <summary>RunMilestone's coding agent (MilestonePlanAgentCommand): a program and its arguments with placeholders; empty: none.</summary>
    public string AgentCommand { get; init; } = string.Empty;

    /// <summary>How long the agent may run for one issue before its process tree is ended (MilestonePlanAgentTimeout).</summary>
    public TimeSpan AgentTimeout { get; init; } = TimeSpan.FromMinutes(60);

    /// <summary>How often RunMilestone asks GitHub whether an issue's PR merged (MilestonePlanMergePollSeconds).</summary>
    public TimeSpan MergePollInterval { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How long RunMilestone waits for one PR to merge before going on with other issues (MilestonePlanMergeTimeout).</summary>
    public TimeSpan MergeTimeout { get; init; } = TimeSpan.FromMinutes(30);

    /// <summary>At most this many issues per RunMilestone run; 0: no limit (MilestonePlanMaxIssues).</summary>
    public int MaxIssues { get; init; }

    /// <summary>Ctrl+C in the build: ends the agent's (and git's) process tree; the next run resumes.</summary>
    public CancellationToken Cancellation { get; init; }
}

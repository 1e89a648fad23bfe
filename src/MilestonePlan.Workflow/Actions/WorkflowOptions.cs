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
}

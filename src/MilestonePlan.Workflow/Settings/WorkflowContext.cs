using MilestonePlan.Core.Configuration;
using MilestonePlan.Core.Model;
using MilestonePlan.Workflow.Processes;
using MilestonePlan.Workflow.StopConditions;

namespace MilestonePlan.Workflow.Settings;

/// <summary>
/// Everything a workflow run needs to know, parsed and checked once from the MSBuild properties
/// (<see cref="WorkflowSettings.Parse"/>): typed and immutable, so no step reads or splits a property again.
/// </summary>
internal sealed record WorkflowContext
{
    public required string RepositoryRoot { get; init; }

    /// <summary>What validation reads (docs root, non-spec files, caps), from the same factory as the build and the analyzer.</summary>
    public required ValidationOptions Validation { get; init; }

    public string DocsRoot => Validation.DocsRoot;

    /// <summary>Plans larger than this are not read (MilestonePlanMaxPlanBytes).</summary>
    public long MaxPlanBytes => Validation.MaxPlanBytes;

    /// <summary>Specs larger than this are not read or published (MilestonePlanMaxSpecBytes).</summary>
    public long MaxSpecBytes => Validation.MaxSpecBytes;

    /// <summary>-p:Milestone; null for the only plan that is not Complete.</summary>
    public MilestoneId? Milestone { get; init; }

    public bool DryRun { get; init; }

    /// <summary>The timeout of each git and gh command (MilestonePlanTimeoutSeconds).</summary>
    public required TimeSpan Timeout { get; init; }

    /// <summary>The checks SubmitIssue runs first, in order (MilestonePlanCheckCommand, one per line; `none` lines dropped).</summary>
    public required IReadOnlyList<CommandWords> Checks { get; init; }

    /// <summary>The auto-fix SubmitIssue runs when a check fails (MilestonePlanFixCommand, one per line; none by default).</summary>
    public IReadOnlyList<CommandWords> Fixes { get; init; } = [];

    /// <summary>RunMilestone's coding agent with its placeholders still in place (MilestonePlanAgentCommand); null: none.</summary>
    public CommandWords? Agent { get; init; }

    /// <summary>The code reviewer SubmitIssue runs before auto-merge (MilestonePlanReviewCommand, split once); null: no review.</summary>
    public CommandWords? Review { get; init; }

    /// <summary>Findings whose rank (0–100) is at least this are critical (MilestonePlanReviewThreshold, default 80).</summary>
    public double ReviewThreshold { get; init; } = 80;

    /// <summary>How long the reviewer may run (MilestonePlanReviewTimeout, minutes, default 30).</summary>
    public TimeSpan ReviewTimeout { get; init; } = TimeSpan.FromMinutes(30);

    /// <summary>How long the agent may run for one issue before its process tree is ended (MilestonePlanAgentTimeout).</summary>
    public required TimeSpan AgentTimeout { get; init; }

    /// <summary>How often RunMilestone asks GitHub whether an issue's PR merged (MilestonePlanMergePollSeconds).</summary>
    public required TimeSpan MergePollInterval { get; init; }

    /// <summary>How long RunMilestone waits for one PR to merge before going on with other issues (MilestonePlanMergeTimeout).</summary>
    public required TimeSpan MergeTimeout { get; init; }

    /// <summary>
    /// RunMilestone goes on to the next eligible issue once a PR is open with auto-merge, and waits only when nothing
    /// is eligible (MilestonePlanPipeline, default true); false waits for each PR before the next issue.
    /// </summary>
    public bool Pipeline { get; init; } = true;

    /// <summary>How many coding agents RunMilestone runs at once, each in its own worktree (MilestonePlanParallelAgents, default 1).</summary>
    public int ParallelAgents { get; init; } = 1;

    /// <summary>At most this many issues per RunMilestone run; 0: no limit (MilestonePlanMaxIssues).</summary>
    public int MaxIssues { get; init; }

    /// <summary>
    /// The GitHub milestone CompleteMilestone closes, by title or number (MilestonePlanGitHubMilestone); null: the one
    /// titled as the template's `gh milestone close "M{n} - {Milestone Title}"` names it.
    /// </summary>
    public string? GitHubMilestone { get; init; }

    public string Today { get; init; } = DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    public StopPolicy StopPolicy { get; init; } = new();

    /// <summary>Ctrl+C in the build: ends the agent's (and git's) process tree; the next run resumes.</summary>
    public CancellationToken Cancellation { get; init; }

    /// <summary>A path as printed: relative to the repository root with `/`, or as it is when outside.</summary>
    public string Relative(string path)
    {
        var root = Path.GetFullPath(RepositoryRoot).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        return path.StartsWith(root, StringComparison.Ordinal) ? path.Substring(root.Length).Replace('\\', '/') : path;
    }
}

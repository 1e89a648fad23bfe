using System.Text;
using MilestonePlan.Core.Model;
using MilestonePlan.Core.Selection;

namespace MilestonePlan.Core.Planning;

/// <summary>MilestoneStatus's report: counts by state, the next issue, what each stop holds up, the critical path.</summary>
internal sealed record MilestoneSummary(
    PlanDocument Plan,
    IReadOnlyDictionary<IssueState, int> Counts,
    NextIssueDecision Decision,
    IReadOnlyList<(IssueRow Stopped, IReadOnlyList<IssueRow> HeldUp)> BlockedChains,
    IReadOnlyList<IssueRow> CriticalPath)
{
    public const string GraphFileName = "DEPENDENCY_GRAPH.md";

    public static MilestoneSummary Of(PlanDocument plan)
    {
        var status = PlanStatus.Of(plan);
        var counts = Enum.GetValues(typeof(IssueState)).Cast<IssueState>()
            .ToDictionary(s => s, s => status.Issues.Count(i => i.State == s));
        var graph = DependencyGraph.Of(plan);

        var chains = status.Issues
            .Where(i => i.State is IssueState.Stopped or IssueState.Skipped)
            .Select(i => (i.Row, (IReadOnlyList<IssueRow>)graph.Dependents(i.Row).Where(r => status.Of(r) is { IsDone: false }).ToList()))
            .ToList();

        var remaining = status.Issues.Where(i => !i.IsDone).Select(i => i.Row).ToList();
        return new MilestoneSummary(plan, counts, NextIssueSelector.Select(status), chains, graph.LongestPath(remaining));
    }

    /// <summary>The plain-text report the target prints.</summary>
    public string Render()
    {
        var b = new StringBuilder();
        var total = Counts.Values.Sum();
        b.Append($"{Plan.Milestone}: {Counts[IssueState.Done]}/{total} done");
        foreach (var state in new[] { IssueState.OpenPullRequest, IssueState.InProgress, IssueState.Stopped, IssueState.Skipped, IssueState.Open })
        {
            if (Counts[state] > 0)
            {
                b.Append($", {Counts[state]} {Describe(state)}");
            }
        }

        b.Append('\n');
        b.Append(Decision.Next is { } next ? $"  next: {next} ({next.Priority})\n" : "  next: none eligible\n");
        foreach (var passed in Decision.PassedOver)
        {
            b.Append($"    {passed.Reason}\n");
        }

        foreach (var (stopped, heldUp) in BlockedChains.Where(c => c.HeldUp.Count > 0))
        {
            b.Append($"  {stopped.Number} holds up {string.Join(", ", heldUp.Select(r => r.Number))}\n");
        }

        if (CriticalPath.Count > 0)
        {
            b.Append($"  critical path ({CriticalPath.Count} issues): {string.Join(" → ", CriticalPath.Select(r => r.Number))}\n");
        }

        return b.ToString();
    }

    /// <summary>A Mermaid flowchart of the dependencies, issues coloured by state.</summary>
    public string Mermaid()
    {
        var status = PlanStatus.Of(Plan);
        var b = new StringBuilder("```mermaid\nflowchart TD\n");
        foreach (var issue in status.Issues)
        {
            var title = issue.Row.TitleText.Replace("\"", "'");
            b.Append($"  I{issue.Row.Number.Padded}[\"{issue.Row.Number} {title}\"]:::{issue.State.ToString().ToLowerInvariant()}\n");
        }

        foreach (var row in Plan.Issues)
        {
            foreach (var dependency in row.Dependencies.References.Where(r => !r.IsExternal))
            {
                if (Plan.Resolve(dependency.Number) is { } target && target.Number != row.Number)
                {
                    b.Append($"  I{target.Number.Padded} --> I{row.Number.Padded}\n");
                }
            }
        }

        b.Append("  classDef done fill:#d4f7d4;\n  classDef stopped fill:#f7d4d4;\n  classDef skipped fill:#eeeeee;\n");
        b.Append("  classDef openpullrequest fill:#d4e4f7;\n  classDef inprogress fill:#fff3c4;\n  classDef open fill:#ffffff;\n```\n");
        return b.ToString();
    }

    private static string Describe(IssueState state) => state switch
    {
        IssueState.OpenPullRequest => "open PR",
        IssueState.InProgress => "in progress",
        IssueState.Stopped => "stopped",
        IssueState.Skipped => "skipped",
        _ => "open",
    };
}

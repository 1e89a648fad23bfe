using System.Text;
using MilestonePlan.Workflow.Actions;
using MilestonePlan.Workflow.Services;

namespace MilestonePlan.Tasks.Reporting;

/// <summary>
/// MilestoneStatus's block for a GitHub job summary (GITHUB_STEP_SUMMARY): one table row per milestone with its counts
/// and next issue, made from the target's own items so the summary and `-getTargetResult` always agree. Plan text in
/// a cell is escaped like validation's summary (<see cref="StepSummary.Cell"/>).
/// </summary>
internal static class StatusSummary
{
    private static readonly string[] States = ["Done", "OpenPullRequest", "InProgress", "Open", "Stopped", "Skipped"];

    public static string Markdown(IReadOnlyList<TargetItem> items)
    {
        var milestones = items.Where(i => i.Metadata.TryGetValue("Kind", out var kind) && kind == "Milestone").ToList();
        var text = new StringBuilder("### MilestonePlan status\n\n| Milestone | Done | Open PR | In progress | Open | Stopped | Skipped | Next |\n|---|---:|---:|---:|---:|---:|---:|---|\n");
        foreach (var milestone in milestones)
        {
            text.Append("| ").Append(StepSummary.Cell(milestone.Identity));
            foreach (var state in States)
            {
                text.Append(" | ").Append(milestone.Metadata.TryGetValue(state, out var count) ? StepSummary.Cell(count) : "0");
            }

            text.Append(" | ").Append(milestone.Metadata.TryGetValue("Next", out var next) ? StepSummary.Cell(next) : "—").Append(" |\n");
        }

        return text.ToString();
    }
}

using MilestonePlan.Core.Analysis;
using MilestonePlan.Core.Model;
using MilestonePlan.Core.Selection;
using MilestonePlan.Core.Parsing;

namespace MilestonePlan.Core.Planning;

/// <summary>
/// FixMilestonePlans' safe automatic fixes — the ones with only one right answer: Total Issues (MP5001), missing
/// Completed Issues lines and their titles (MP5002), and a Status that contradicts the checklist (MP5003).
/// Everything else needs a person. Pure.
/// </summary>
internal static class PlanFixer
{
    /// <param name="hasEpicSpec">Whether a `00-epic.md` lies beside the plan (Total Issues then counts the epic when it says so).</param>
    public static PlanTransition Fix(string path, string text, bool hasEpicSpec = false) => PlanTransition.Edit(path, text, (updater, plan) =>
    {
        var status = PlanStatus.Of(plan);
        var edits = new List<Editing.LineEdit>();
        if (plan.Field(FieldKeys.TotalIssues)?.Value.Text is { } total && StructureRules.LeadingInteger(total) is { } written)
        {
            var expected = TotalIssues.Expected(plan, hasEpicSpec);
            if (written != expected)
            {
                edits.AddRange(updater.SetTotalIssues(expected));
            }
        }

        if (plan.Tracking.Completed is not null)
        {
            foreach (var issue in status.Issues)
            {
                if (issue.Facts.Checklist is null)
                {
                    edits.AddRange(updater.AddChecklistEntry(issue.Row));
                }
                else if (issue.Facts.Checklist.Title is { } title && issue.Row.Title is { IsEmpty: false } rowTitle
                    && !TrackingEntryGrammar.NamesTitle(issue.Facts.Checklist, rowTitle.Text)
                    && Placeholders.Find(rowTitle.Raw).FirstOrDefault().Text is null
                    // Where a title holds a separator, where the old title ends is a guess: a person fixes it.
                    && rowTitle.Text.IndexOf(" — ", StringComparison.Ordinal) < 0 && rowTitle.Text.IndexOf(" – ", StringComparison.Ordinal) < 0
                    && rowTitle.Text.IndexOf(" - ", StringComparison.Ordinal) < 0)
                {
                    edits.AddRange(updater.SetChecklistTitle(issue.Facts.Checklist, rowTitle.Text));
                }
            }
        }

        var current = Parsing.MilestoneStatusText.Of(plan.Field(FieldKeys.Status)?.Value.Text ?? string.Empty);
        if (WantedStatus(status) is { } wanted)
        {
            edits.AddRange(updater.SetStatus(wanted));
        }
        else if (current is not null && plan.Tracking.FooterStatus is { } footer
            && Parsing.MilestoneStatusText.Of(footer.Value.Text) != current)
        {
            edits.AddRange(updater.SetStatus(plan.Field(FieldKeys.Status)!.Value.Text));
        }

        return edits;
    });

    /// <summary>
    /// The Status the issues call for when the one written contradicts them (MP5003): `In Progress` for a milestone
    /// said Complete with an issue open, or said Not Started with an issue done or in a PR; null when it may stay.
    /// </summary>
    public static string? WantedStatus(PlanStatus status)
    {
        var current = Parsing.MilestoneStatusText.Of(status.Plan.Field(FieldKeys.Status)?.Value.Text ?? string.Empty);
        var allDone = status.Issues.Count > 0 && status.Issues.All(i => i.IsDone);
        var started = status.Issues.Any(i => i.IsDone || i.State == IssueState.OpenPullRequest);
        return current switch
        {
            "complete" when !allDone => "In Progress",
            "not started" when started => "In Progress",
            _ => null,
        };
    }
}

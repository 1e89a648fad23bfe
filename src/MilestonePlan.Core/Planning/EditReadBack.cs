using MilestonePlan.Core.Editing;
using MilestonePlan.Core.Model;
using MilestonePlan.Core.Parsing;
using MilestonePlan.Core.Selection;

namespace MilestonePlan.Core.Planning;

/// <summary>
/// Reads a plan edit back: the edited text, parsed again, must show every intended change and nothing else (each
/// row's state and tracking facts, and each field, as before, except what an intent names). Otherwise the edit is
/// refused. Pure.
/// </summary>
internal static class EditReadBack
{
    public static void Check(PlanDocument before, PlanDocument after, IReadOnlyList<EditIntent> intents)
    {
        var beforeStatus = PlanStatus.Of(before);
        var afterStatus = PlanStatus.Of(after);
        if (afterStatus.Issues.Count != beforeStatus.Issues.Count)
        {
            Refuse(before, intents.FirstOrDefault()?.Line ?? 0, $"after the edit the plan reads {afterStatus.Issues.Count} issue row(s), not {beforeStatus.Issues.Count}");
        }

        foreach (var intent in intents)
        {
            if (Failure(intent, after, afterStatus) is { } failure)
            {
                Refuse(before, intent.Line, $"{intent.Why}: {failure}");
            }
        }

        var rows = new HashSet<int>(intents.Where(i => i.RowOrder is not null).Select(i => i.RowOrder!.Value));
        for (var i = 0; i < beforeStatus.Issues.Count; i++)
        {
            var was = beforeStatus.Issues[i];
            if (!rows.Contains(was.Row.Order) && Facts(was) != Facts(afterStatus.Issues[i]))
            {
                Refuse(before, was.Row.RowSpan.Line, $"the edit would also change what the plan says of {was.Row.Number} ({Facts(was)} → {Facts(afterStatus.Issues[i])})");
            }
        }

        // The completion checklist reads as before, but for the items an intent ticks.
        var ticked = new HashSet<string>(intents.Where(i => i.Kind == IntentKind.CompletionTicked).Select(i => i.Value!), StringComparer.Ordinal);
        static string Items(PlanDocument plan, ISet<string> ticked) =>
            string.Join("\n", plan.CompletionChecklist.Select(e => e.Line.Text.Trim() + "|" + (ticked.Contains(e.Line.Text.Trim()) ? "ticked" : e.Checked?.ToString())));
        if (Items(before, ticked) != Items(after, ticked))
        {
            Refuse(before, intents.FirstOrDefault()?.Line ?? 0, "the edit would also change the Milestone Completion Checklist");
        }

        var fields = new HashSet<string>(intents.Where(i => i.Field is not null).Select(i => i.Field!), StringComparer.Ordinal);
        var afterFields = TrackingFields.Of(after).ToDictionary(f => f.Name, f => f.Value, StringComparer.Ordinal);
        foreach (var (name, value) in TrackingFields.Of(before))
        {
            afterFields.TryGetValue(name, out var now);
            if (!fields.Contains(name) && !string.Equals(value, now, StringComparison.Ordinal))
            {
                Refuse(before, intents.FirstOrDefault()?.Line ?? 0, $"the edit would also change {name} ('{value}' → '{now}')");
            }
        }
    }

    private static string? Failure(EditIntent intent, PlanDocument after, PlanStatus status)
    {
        var issue = intent.RowOrder is { } order ? status.Issues.FirstOrDefault(i => i.Row.Order == order) : null;
        if (intent.RowOrder is not null && issue is null)
        {
            return "the row is gone";
        }

        var facts = issue?.Facts;
        return intent.Kind switch
        {
            IntentKind.FieldValue => FieldValue(after, intent.Field!) is var value && value == intent.Value ? null : $"reads back as '{value}'",
            IntentKind.TotalIssues => AsciiNumber.Leading(FieldValue(after, intent.Field!) ?? string.Empty)?.ToString(System.Globalization.CultureInfo.InvariantCulture) == intent.Value
                ? null : $"Total Issues reads back as '{FieldValue(after, intent.Field!)}'",
            IntentKind.CurrentIssue => after.Tracking.CurrentIssue is { } current && after.Issues.FirstOrDefault(r => r.Number.ToString() == current.Value.Text)?.Order == intent.RowOrder
                ? null : $"Current Issue reads back as '{after.Tracking.CurrentIssue?.Value.Text}'",
            IntentKind.Done => issue!.IsDone ? null : $"the issue reads back as {issue.State}, not done",
            IntentKind.NoOpenPullRequest => facts!.OpenPullRequest is null ? null : "an Open PRs entry still names it",
            IntentKind.OpenPullRequest => facts!.OpenPullRequest is not null ? null : "no Open PRs entry reads back for it",
            IntentKind.Stopped => facts!.Blocked is not null ? null : "no Blocked entry reads back for it",
            IntentKind.Skipped => facts!.Skipped is not null ? null : "no Skipped entry reads back for it",
            IntentKind.NotSkipped => facts!.Skipped is null ? null : "a Skipped entry still names it",
            IntentKind.NoStop => facts!.Blocked is null && facts.Skipped is null ? null : "a Blocked or Skipped entry still names it",
            IntentKind.InChecklist => facts!.Checklist is null ? "no Completed Issues line reads back for it"
                : intent.Value is { Length: > 0 } title && !Parsing.TrackingEntryGrammar.NamesTitle(facts.Checklist, title) ? $"the line written does not read back as naming '{title}' (MP5002)" : null,
            IntentKind.ChecklistTitle => facts!.Checklist?.Title?.Text == intent.Value ? null : $"the title reads back as '{facts.Checklist?.Title?.Text}'",
            IntentKind.CompletionTicked => after.CompletionChecklist.Count(e => e.Line.Text.Trim() == intent.Value!.Trim() && e.Checked == true) == 1
                ? null : $"the item '{intent.Value}' does not read back as ticked",
            IntentKind.GitHubNumber => issue!.Row.GitHubNumber?.ToString(System.Globalization.CultureInfo.InvariantCulture) == intent.Value
                ? null : $"the GitHub # cell reads back as '{issue.Row.GitHubCell?.Text}'",
            IntentKind.CodeReview => facts!.OpenPullRequest is { } open && CodeReviewText.SummaryOf(open) is { } review && CodeReviewText.Format(review) == intent.Value
                ? null : $"the Code Review line reads back as '{(facts.OpenPullRequest is { } entry && CodeReviewText.SummaryOf(entry) is { } read ? CodeReviewText.Format(read) : null)}'",
            IntentKind.ReviewFindings => Findings(facts!) == intent.Value ? null : "the code review's findings do not read back as written",
            _ => null,
        };
    }

    /// <summary>The issue's code-review stop as read back (<see cref="CodeReviewText.Identity"/>); null when it has none.</summary>
    private static string? Findings(TrackingFacts facts) =>
        facts.Blocked is { } blocked && CodeReviewText.StopOf(blocked) is { } stop ? CodeReviewText.Identity(stop) : null;

    private static string? FieldValue(PlanDocument plan, string field) => TrackingFields.Of(plan).FirstOrDefault(f => f.Name == field).Value;

    /// <summary>What the plan says of an issue, as one comparable string.</summary>
    private static string Facts(IssueStatus issue) => string.Join("|",
        issue.Row.Number, issue.Row.TitleText, issue.State, issue.Row.GitHubNumber, issue.Facts.Checklist?.Checked, issue.Facts.Checklist?.Title?.Text,
        issue.Facts.OpenPullRequest is null ? "-" : "open PR", issue.Facts.Blocked is null ? "-" : "blocked", issue.Facts.Skipped is null ? "-" : "skipped",
        issue.Facts.OpenPullRequest is { } open && CodeReviewText.SummaryOf(open) is { } review ? CodeReviewText.Format(review) : "-", Findings(issue.Facts));

    private static void Refuse(PlanDocument plan, int line, string reason) => throw new EditRefusedException(plan.Path, line, reason);
}

using MilestonePlan.Core.Model;

namespace MilestonePlan.Core.Editing;

/// <summary>
/// The field edits of <see cref="PlanUpdater"/>: Current Phase / Current Issue / Blockers, Total Issues, Last Updated
/// and Status. Each replaces exactly the old value (its span on its one line) and says what must read back.
/// </summary>
internal sealed partial class PlanUpdater
{
    /// <summary>Current Phase and Current Issue point at <paramref name="row"/>.</summary>
    public IEnumerable<LineEdit> SetCurrent(IssueRow row)
    {
        RequireUnambiguous(row);
        var phase = Plan.Phases.FirstOrDefault(p => p.Index == row.PhaseIndex);
        var edits = new List<LineEdit>();
        if (Plan.Tracking.CurrentPhase is { } phaseField && phase is { Name.Length: > 0 })
        {
            edits.Add(ReplaceValue(phaseField.Value, phase.Name, TrackingFields.Phase, $"Current Phase → {phase.Name}"));
        }

        if (Plan.Tracking.CurrentIssue is { } issueField)
        {
            edits.Add(ReplaceValue(issueField.Value, row.Number.ToString(), TrackingFields.CurrentIssue, $"Current Issue → {row.Number}"));
            Intend(EditIntent.ForRow(IntentKind.CurrentIssue, row, issueField.Value.Span.Line, $"Current Issue → {row.Number}"));
        }
        else if (Plan.Tracking.CurrentPhaseHeading is { } heading)
        {
            var why = $"Current Issue → {row.Number}";
            edits.Add(LineEdit.InsertAfter(heading.Span.Line, ["", $"* **Phase:** {phase?.Name}", $"* **Current Issue:** {row.Number}"], why));
            Intend(EditIntent.ForRow(IntentKind.CurrentIssue, row, heading.Span.Line, why));
            Intend(new EditIntent(IntentKind.FieldValue, heading.Span.Line, why, Field: TrackingFields.Phase, Value: phase?.Name ?? string.Empty));
        }

        return edits;
    }

    /// <summary>
    /// No issue is current: Current Issue says `None` (the template's word for nothing) and Blockers says why, so the
    /// plan never names a finished issue as current (MP5004) once nothing is eligible.
    /// </summary>
    public IEnumerable<LineEdit> ClearCurrent(string blockers)
    {
        var edits = new List<LineEdit>();
        if (Plan.Tracking.CurrentIssue is { } issueField)
        {
            edits.Add(ReplaceValue(issueField.Value, "None", TrackingFields.CurrentIssue, "Current Issue → None (nothing eligible)"));
        }

        if (Plan.Tracking.CurrentIssue is not null)
        {
            edits.AddRange(SetBlockers(blockers));
        }

        return edits;
    }

    /// <summary>The Current Phase block's Blockers field says <paramref name="blockers"/> (when the plan has one).</summary>
    public IEnumerable<LineEdit> SetBlockers(string blockers) => Plan.Tracking.Blockers is { } field && field.Value.Text != blockers
        ? [ReplaceValue(field.Value, blockers, TrackingFields.Blockers, $"Blockers → {blockers}")]
        : [];

    /// <summary>Total Issues says <paramref name="total"/>, keeping any note after the number (`(including epic)`).</summary>
    public IEnumerable<LineEdit> SetTotalIssues(int total)
    {
        if (Plan.Field(FieldKeys.TotalIssues) is not { } field)
        {
            return [];
        }

        var text = field.Value.Text;
        var digits = AsciiNumber.CountDigits(text);
        var number = total.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var edit = ReplaceValue(field.Value, number + text.Substring(digits), null, $"Total Issues → {total}");
        Intend(new EditIntent(IntentKind.TotalIssues, field.Value.Span.Line, edit.Why, Field: TrackingFields.Overview(FieldKeys.TotalIssues), Value: number));
        return [edit];
    }

    public IEnumerable<LineEdit> SetLastUpdated(string date) =>
        Plan.Tracking.LastUpdated is { } field ? [ReplaceValue(field.Value, date, TrackingFields.LastUpdated, $"Last Updated → {date}")] : [];

    /// <summary>The Overview Status and the closing Status both say <paramref name="status"/>.</summary>
    public IEnumerable<LineEdit> SetStatus(string status)
    {
        var edits = new List<LineEdit>();
        if (Plan.Field(FieldKeys.Status) is { } overview && overview.Value.Text != status)
        {
            edits.Add(ReplaceValue(overview.Value, status, TrackingFields.Overview(FieldKeys.Status), $"Status → {status}"));
        }

        if (Plan.Tracking.FooterStatus is { } footer && footer.Value.Text != status)
        {
            edits.Add(ReplaceValue(footer.Value, status, TrackingFields.FooterStatus, $"Status → {status}"));
        }

        return edits;
    }

    /// <summary>
    /// The value of a field replaced, exactly: from where its value starts to where it ends on its line. A value that
    /// spans lines is not edited surgically and is refused.
    /// </summary>
    private LineEdit ReplaceValue(TextCell value, string newValue, string? field, string why)
    {
        if (value.Span.EndLine != value.Span.Line)
        {
            throw Refuse(value.Span.Line, $"the value to replace ('{Shorten(value.Raw)}') runs over more than one line");
        }

        var line = lines[value.Span.Line];
        var start = Math.Min(value.Span.Column - 1, line.Length);
        var end = Math.Min(value.Span.EndColumn, line.Length);
        var written = newValue;
        if (value.IsEmpty)
        {
            // An empty value's span points at the label; write after the label's closing '**' and colon.
            start = end = line.Length;
            written = (line.EndsWith(" ", StringComparison.Ordinal) ? string.Empty : " ") + newValue;
        }
        else if (start > 0 && !char.IsWhiteSpace(line[start - 1]) && newValue.Length > 0 && !char.IsWhiteSpace(newValue[0]))
        {
            // A value glued to its label (`**Status:**! Complete`) keeps the label's closing `**` closing only while
            // punctuation follows it; `**Status:**In Progress` is not bold at all. A space always closes it.
            written = " " + newValue;
        }

        if (field is not null)
        {
            Intend(new EditIntent(IntentKind.FieldValue, value.Span.Line, why, Field: field, Value: newValue));
        }

        return LineEdit.Replace(value.Span.Line, line.Substring(0, start) + written + line.Substring(end), why);
    }

    private static string Shorten(string text) => text.Length <= 60 ? text : text.Substring(0, 57) + "...";
}

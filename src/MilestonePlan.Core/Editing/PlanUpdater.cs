using MilestonePlan.Core.Diagnostics;
using MilestonePlan.Core.Model;

namespace MilestonePlan.Core.Editing;

/// <summary>
/// The tracking updates the workflow makes, as line edits computed from the parsed plan. Pure: it reads the
/// plan and its lines and says what to change; writing is someone else's job. Only the value part of a field
/// is replaced, so the author's prefix, bullets and spacing stay as written.
/// </summary>
internal sealed class PlanUpdater(PlanDocument plan, TextLines lines)
{
    private static readonly HashSet<string> NonePlaceholders = new(StringComparer.OrdinalIgnoreCase)
    {
        "(none)", "none", "none yet", "*none yet*", "-", "—", "_none_", "*none*",
    };

    public PlanDocument Plan { get; } = plan;

    /// <summary>Current Phase and Current Issue point at <paramref name="row"/>.</summary>
    public IEnumerable<LineEdit> SetCurrent(IssueRow row)
    {
        var phase = Plan.Phases.FirstOrDefault(p => p.Index == row.PhaseIndex);
        if (Plan.Tracking.CurrentPhase is { } phaseField && phase is { Name.Length: > 0 })
        {
            yield return ReplaceValue(phaseField.Value, phase.Name, $"Current Phase → {phase.Name}");
        }

        if (Plan.Tracking.CurrentIssue is { } issueField)
        {
            yield return ReplaceValue(issueField.Value, row.Number.ToString(), $"Current Issue → {row.Number}");
        }
        else if (Plan.Tracking.CurrentPhaseHeading is { } heading)
        {
            yield return LineEdit.InsertAfter(heading.Span.Line,
                ["", $"* **Phase:** {phase?.Name}", $"* **Current Issue:** {row.Number}"], $"Current Issue → {row.Number}");
        }
    }

    /// <summary>The Completed Issues checkbox of <paramref name="row"/> is ticked (added when missing).</summary>
    public IEnumerable<LineEdit> MarkDone(IssueRow row)
    {
        var entry = Plan.Tracking.Completed?.Entries.FirstOrDefault(e => e.IssueCandidates.Any(c => Plan.Resolve(c) == row));
        if (entry is { Checked: false })
        {
            var line = lines[entry.Line.Span.Line];
            var box = line.IndexOf("[ ]", StringComparison.Ordinal);
            if (box >= 0)
            {
                yield return LineEdit.Replace(entry.Line.Span.Line, line.Substring(0, box) + "[x]" + line.Substring(box + 3), $"{row.Number} done");
            }
        }
        else if (entry is null && Plan.Tracking.Completed is { } completed)
        {
            foreach (var edit in AddToList(completed, $"* [x] {row.Number} — {row.TitleText}", $"{row.Number} done"))
            {
                yield return edit;
            }
        }

        // Whatever state the tracking gave the issue before (a stop can sit beside an open PR), its Open PRs entry goes.
        foreach (var edit in RemoveFrom(Plan.Tracking.OpenPullRequests, row, $"{row.Number} merged: no longer an open PR"))
        {
            yield return edit;
        }
    }

    /// <summary>
    /// An entry under Open PRs for <paramref name="row"/>, in the template's enhanced format: the PR, the title, the
    /// issue (its GitHub number where known), and, when gh said, nested Status and Created lines.
    /// </summary>
    public IEnumerable<LineEdit> AddOpenPullRequest(IssueRow row, int number, string url, CheckState checks = CheckState.Unknown,
        DateTimeOffset? created = null)
    {
        // A rerun finds the entry an earlier run wrote: never a second one.
        if (Plan.Tracking.OpenPullRequests is not { } list || EntriesOf(list, row).Any())
        {
            return [];
        }

        var issue = row.GitHubNumber is { } gh ? $"#{gh}" : row.Number.ToString();
        var details = new List<string>();
        if (checks != CheckState.Unknown)
        {
            details.Add("  - Status: " + checks switch
            {
                CheckState.Passing => "✓ Checks passing",
                CheckState.Failing => "⚠ Failing",
                _ => "⏳ Checks pending",
            });
        }

        if (created is { } at)
        {
            details.Add("  - Created: " + at.UtcDateTime.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        }

        return AddToList(list, $"* [PR #{number}]({url}) — {row.TitleText} ({issue})", $"{row.Number}: PR #{number} open", details);
    }

    /// <summary>
    /// A hard stop under Blocked / Needs Review (`#XX — Title — STOP: reason — Needs: what`), or a soft stop under
    /// Skipped Issues (`#XX — Title — Skipped: reason`): the template's standard formats.
    /// </summary>
    public IEnumerable<LineEdit> RecordStop(IssueRow row, bool hard, string reason, string needs)
    {
        var list = hard ? Plan.Tracking.Blocked : Plan.Tracking.Skipped;
        if (list is null)
        {
            return [];
        }

        var text = hard
            ? $"* {row.Number} — {row.TitleText} — STOP: {reason} — Needs: {needs}"
            : $"* {row.Number} — {row.TitleText} — Skipped: {reason}";
        var why = hard ? $"{row.Number} stopped" : $"{row.Number} skipped";
        if (EntriesOf(list, row).FirstOrDefault() is { } earlier)
        {
            // A rerun that stops again replaces the issue's entry (and what is nested under it): one entry per issue.
            var line = earlier.Line.Span.Line;
            var current = lines[line];
            var indent = current.Substring(0, current.Length - current.TrimStart().Length);
            var bullet = current.TrimStart() is { Length: > 0 } t && t[0] is '-' or '*' ? t[0] : '*';
            return new[] { LineEdit.Replace(line, indent + bullet + text.Substring(1), why) }
                .Concat(Enumerable.Range(line + 1, EntryEnd(line) - line).Select(n => LineEdit.Delete(n, why)));
        }

        return AddToList(list, text, why);
    }

    /// <summary>The issue's Blocked and Skipped entries removed: a submission that passed every stop clears earlier ones.</summary>
    public IEnumerable<LineEdit> ClearStops(IssueRow row) =>
        RemoveFrom(Plan.Tracking.Blocked, row, $"{row.Number}: earlier stop cleared").Concat(RemoveFrom(Plan.Tracking.Skipped, row, $"{row.Number}: earlier skip cleared"));

    private IEnumerable<TrackingEntry> EntriesOf(TrackingList? list, IssueRow row) =>
        list?.Entries.Where(e => e.IssueCandidates.Any(c => Plan.Resolve(c) == row)) ?? [];

    /// <summary>Total Issues says <paramref name="total"/>, keeping any note after the number (`(including epic)`).</summary>
    public IEnumerable<LineEdit> SetTotalIssues(int total)
    {
        if (Plan.Field(FieldKeys.TotalIssues) is not { } field)
        {
            yield break;
        }

        var text = field.Value.Text;
        var digits = AsciiNumber.CountDigits(text);
        yield return ReplaceValue(field.Value, total.ToString(System.Globalization.CultureInfo.InvariantCulture) + text.Substring(digits),
            $"Total Issues → {total}");
    }

    /// <summary>An unchecked Completed Issues line for a row that has none.</summary>
    public IEnumerable<LineEdit> AddChecklistEntry(IssueRow row) =>
        Plan.Tracking.Completed is { } completed ? AddToList(completed, $"* [ ] {row.Number} — {row.TitleText}", $"{row.Number} added to Completed Issues") : [];

    /// <summary>The title part of a checklist line replaced by the table's title.</summary>
    public IEnumerable<LineEdit> SetChecklistTitle(TrackingEntry entry, string title)
    {
        if (entry.Title is not { } current || current.Span.Line != current.Span.EndLine)
        {
            yield break;
        }

        var line = lines[current.Span.Line];
        var start = current.Span.Column - 1;
        var end = Math.Min(current.Span.EndColumn, line.Length);
        yield return LineEdit.Replace(current.Span.Line, line.Substring(0, start) + title + line.Substring(end), $"checklist title → {title}");
    }

    public IEnumerable<LineEdit> SetLastUpdated(string date) =>
        Plan.Tracking.LastUpdated is { } field ? [ReplaceValue(field.Value, date, $"Last Updated → {date}")] : [];

    /// <summary>The Overview Status and the closing Status both say <paramref name="status"/>.</summary>
    public IEnumerable<LineEdit> SetStatus(string status)
    {
        if (Plan.Field(FieldKeys.Status) is { } overview && overview.Value.Text != status)
        {
            yield return ReplaceValue(overview.Value, status, $"Status → {status}");
        }

        if (Plan.Tracking.FooterStatus is { } footer && footer.Value.Text != status)
        {
            yield return ReplaceValue(footer.Value, status, $"Status → {status}");
        }
    }

    /// <summary>Edits that touch the same line are merged, later ones on top of earlier ones.</summary>
    public static IReadOnlyList<LineEdit> Combine(IEnumerable<LineEdit> edits) =>
        edits.GroupBy(e => (e.Line, e.Kind)).Select(g => g.Last()).OrderBy(e => e.Line).ToList();

    private LineEdit ReplaceValue(TextCell value, string newValue, string why)
    {
        var line = lines[value.Span.Line];
        var start = Math.Min(value.Span.Column - 1, line.Length);
        var end = value.Span.EndLine == value.Span.Line ? Math.Min(value.Span.EndColumn, line.Length) : line.Length;
        if (value.IsEmpty)
        {
            // An empty value's span points at the label; write after the label's closing '**' and colon.
            start = end = line.Length;
            newValue = (line.EndsWith(" ", StringComparison.Ordinal) ? string.Empty : " ") + newValue;
        }
        else if (start > 0 && !char.IsWhiteSpace(line[start - 1]) && newValue.Length > 0 && !char.IsWhiteSpace(newValue[0]))
        {
            // A value glued to its label (`**Status:**! Complete`) keeps the label's closing `**` closing only while
            // punctuation follows it; `**Status:**In Progress` is not bold at all. A space always closes it.
            newValue = " " + newValue;
        }

        return LineEdit.Replace(value.Span.Line, line.Substring(0, start) + newValue + line.Substring(end), why);
    }

    private IEnumerable<LineEdit> AddToList(TrackingList list, string text, string why) => AddToList(list, text, why, []);

    /// <summary><paramref name="text"/> as a new entry of the list, with <paramref name="nested"/> lines under it.</summary>
    private IEnumerable<LineEdit> AddToList(TrackingList list, string text, string why, IReadOnlyList<string> nested)
    {
        var placeholder = list.Entries.FirstOrDefault(e => e.IssueCandidates.Count == 0 && NonePlaceholders.Contains(e.Line.Text.Trim()));
        if (placeholder is not null)
        {
            var line = lines[placeholder.Line.Span.Line];
            var indent = line.Substring(0, line.Length - line.TrimStart().Length);
            var bullet = line.TrimStart().Length > 0 && line.TrimStart()[0] is '-' or '*' ? line.TrimStart()[0] : '*';
            return [new LineEdit(placeholder.Line.Span.Line, LineEditKind.Replace, [indent + bullet + text.Substring(1), .. nested.Select(n => indent + n)], why)];
        }

        var last = list.Entries.Where(e => e.IssueCandidates.Count > 0).Select(e => e.Line.Span.EndLine).DefaultIfEmpty(0).Max();
        if (last > 0)
        {
            var entryLine = list.Entries.Where(e => e.IssueCandidates.Count > 0).Select(e => e.Line.Span.Line).Max();
            var bullet = lines[entryLine].TrimStart() is { Length: > 0 } t && t[0] is '-' or '*' ? t[0] : '*';
            return [LineEdit.InsertAfter(EntryEnd(entryLine), [bullet + text.Substring(1), .. nested], why)];
        }

        return [LineEdit.InsertAfter(list.Heading.Span.Line, [string.Empty, text, .. nested], why)];
    }

    private IEnumerable<LineEdit> RemoveFrom(TrackingList? list, IssueRow row, string why)
    {
        var entries = EntriesOf(list, row).ToList();
        if (entries.Count == 0)
        {
            yield break;
        }

        var remaining = list!.Entries.Count(e => e.IssueCandidates.Count > 0) - entries.Count;
        for (var i = 0; i < entries.Count; i++)
        {
            var line = entries[i].Line.Span.Line;
            if (remaining == 0 && i == 0)
            {
                var text = lines[line];
                var indent = text.Substring(0, text.Length - text.TrimStart().Length);
                yield return LineEdit.Replace(line, indent + (text.TrimStart() is { Length: > 0 } t ? t[0] : '*') + " (none)", why);
            }
            else
            {
                yield return LineEdit.Delete(line, why);
            }

            // The entry's nested lines (Status, Created, Reason, Findings ...) go with it.
            for (var nested = line + 1; nested <= EntryEnd(line); nested++)
            {
                yield return LineEdit.Delete(nested, why);
            }
        }
    }

    /// <summary>The last line of the entry starting at <paramref name="line"/>: its more indented lines below belong to it.</summary>
    private int EntryEnd(int line)
    {
        var indent = Indentation(lines[line]);
        var end = line;
        while (end + 1 <= lines.Count && lines[end + 1].Trim().Length > 0 && Indentation(lines[end + 1]) > indent)
        {
            end++;
        }

        return end;
    }

    private static int Indentation(string line) => line.Length - line.TrimStart(' ', '\t').Length;
}

using MilestonePlan.Core.Model;

namespace MilestonePlan.Core.Editing;

/// <summary>
/// The tracking updates the workflow makes, as line edits computed from the parsed plan. Pure: it reads the
/// plan and its lines and says what to change; writing is someone else's job. Only the value part of a field
/// is replaced, so the author's prefix, bullets and spacing stay as written. Every edit also says what it means
/// (<see cref="Intents"/>), so the result can be read back; an edit it cannot make surgically, or on a row the plan
/// makes ambiguous, is refused (<see cref="EditRefusedException"/>).
/// </summary>
internal sealed partial class PlanUpdater(PlanDocument plan, TextLines lines)
{
    private readonly List<EditIntent> intents = [];
    private readonly TrackingListEditor lists = new(lines);

    public PlanDocument Plan { get; } = plan;

    /// <summary>What the edits returned so far mean to change.</summary>
    public IReadOnlyList<EditIntent> Intents => intents;

    /// <summary>The Completed Issues checkbox of <paramref name="row"/> is ticked (added when missing).</summary>
    public IEnumerable<LineEdit> MarkDone(IssueRow row)
    {
        RequireUnambiguous(row);
        var why = $"{row.Number} done";
        var edits = new List<LineEdit>();
        var entry = Plan.Tracking.Completed?.Entries.FirstOrDefault(e => Names(e, row));
        if (entry is { Checked: false } or { Checked: null, Status: not IssueState.Done })
        {
            edits.Add(Tick(entry, row, why));
        }
        else if (entry is null && Plan.Tracking.Completed is { } completed)
        {
            edits.AddRange(lists.Add(completed, $"* [x] {row.Number} — {row.TitleText}", why, []));
            Intend(EditIntent.ForRow(IntentKind.Done, row, completed.Heading.Span.Line, why));
            Intend(EditIntent.ForRow(IntentKind.InChecklist, row, completed.Heading.Span.Line, why, row.Title?.Text));
        }

        // Whatever state the tracking gave the issue before (a stop can sit beside an open PR), its Open PRs entry goes.
        edits.AddRange(RemoveFrom(Plan.Tracking.OpenPullRequests, row, IntentKind.NoOpenPullRequest, $"{row.Number} merged: no longer an open PR"));
        return edits;
    }

    /// <summary>
    /// A hard stop under Blocked / Needs Review (`#XX — Title — STOP: reason — Needs: what`), or a soft stop under
    /// Skipped Issues (`#XX — Title — Skipped: reason`): the template's standard formats.
    /// </summary>
    public IEnumerable<LineEdit> RecordStop(IssueRow row, bool hard, string reason, string needs)
    {
        RequireUnambiguous(row);
        var list = hard ? Plan.Tracking.Blocked : Plan.Tracking.Skipped;
        if (list is null)
        {
            return [];
        }

        var text = hard
            ? $"* {row.Number} — {row.TitleText} — STOP: {reason} — Needs: {needs}"
            : $"* {row.Number} — {row.TitleText} — Skipped: {reason}";
        var why = hard ? $"{row.Number} stopped" : $"{row.Number} skipped";
        Intend(EditIntent.ForRow(hard ? IntentKind.Stopped : IntentKind.Skipped, row, list.Heading.Span.Line, why));

        // A rerun that stops again replaces the issue's entry (and what is nested under it): one entry per issue.
        return EntriesOf(list, row).FirstOrDefault() is { } earlier ? lists.Replace(earlier, text, why) : lists.Add(list, text, why, []);
    }

    /// <summary>The issue's Blocked and Skipped entries removed: a submission that passed every stop clears earlier ones.</summary>
    public IEnumerable<LineEdit> ClearStops(IssueRow row)
    {
        RequireUnambiguous(row);
        return RemoveFrom(Plan.Tracking.Blocked, row, IntentKind.NoStop, $"{row.Number}: earlier stop cleared")
            .Concat(RemoveFrom(Plan.Tracking.Skipped, row, IntentKind.NoStop, $"{row.Number}: earlier skip cleared")).ToList();
    }

    /// <summary>The issue's Skipped entry removed: a hard stop that follows a soft one is the issue's one stop.</summary>
    public IEnumerable<LineEdit> ClearSkip(IssueRow row)
    {
        RequireUnambiguous(row);
        return RemoveFrom(Plan.Tracking.Skipped, row, IntentKind.NotSkipped, $"{row.Number}: skip replaced by a stop").ToList();
    }

    /// <summary>An unchecked Completed Issues line for a row that has none.</summary>
    public IEnumerable<LineEdit> AddChecklistEntry(IssueRow row)
    {
        RequireUnambiguous(row);
        if (Plan.Tracking.Completed is not { } completed)
        {
            return [];
        }

        var why = $"{row.Number} added to Completed Issues";
        Intend(EditIntent.ForRow(IntentKind.InChecklist, row, completed.Heading.Span.Line, why, row.Title?.Text));
        return lists.Add(completed, $"* [ ] {row.Number} — {row.TitleText}", why, []);
    }

    /// <summary>The title part of a checklist line replaced by the table's title.</summary>
    public IEnumerable<LineEdit> SetChecklistTitle(TrackingEntry entry, string title)
    {
        if (entry.Title is not { } current || current.Span.Line != current.Span.EndLine
            || Plan.Issues.FirstOrDefault(r => Names(entry, r)) is not { } row)
        {
            return [];
        }

        RequireUnambiguous(row);
        var line = lines[current.Span.Line];
        var start = current.Span.Column - 1;
        var end = Math.Min(current.Span.EndColumn, line.Length);
        var why = $"checklist title → {title}";
        Intend(EditIntent.ForRow(IntentKind.ChecklistTitle, row, current.Span.Line, why, title));
        return [LineEdit.Replace(current.Span.Line, line.Substring(0, start) + title + line.Substring(end), why)];
    }

    /// <summary>The row's GitHub # cell set to `#N` (the text between its pipes replaced).</summary>
    public IEnumerable<LineEdit> SetGitHubCell(IssueRow row, int number)
    {
        if (row.GitHubCell is not { } cell || cell.Span.Line != cell.Span.EndLine)
        {
            return [];
        }

        var line = lines[cell.Span.Line];
        var at = Math.Min(Math.Max(cell.Span.Column - 1, 0), line.Length - 1);
        var open = at < 0 ? -1 : line.LastIndexOf('|', line[at] == '|' ? Math.Max(at - 1, 0) : at);
        var close = open < 0 ? -1 : line.IndexOf('|', Math.Max(at, open + 1));
        if (open < 0 || close < 0)
        {
            throw Refuse(cell.Span.Line, $"{row.Number}: the GitHub # cell has no pipes around it to write between");
        }

        var why = $"{row.Number}: GitHub #{number}";
        Intend(EditIntent.ForRow(IntentKind.GitHubNumber, row, cell.Span.Line, why, number.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        return [LineEdit.Replace(cell.Span.Line, line.Substring(0, open + 1) + $" #{number} " + line.Substring(close), why)];
    }

    /// <summary>
    /// Edits that touch the same line are merged, later ones on top of earlier ones; lines inserted after the same line
    /// are all kept, in order (an entry's Status and Code Review lines both added under it), each distinct block once.
    /// </summary>
    public static IReadOnlyList<LineEdit> Combine(IEnumerable<LineEdit> edits) =>
        edits.GroupBy(e => (e.Line, e.Kind)).Select(g => g.Key.Kind == LineEditKind.InsertAfter ? Inserts(g.ToList()) : g.Last()).OrderBy(e => e.Line).ToList();

    private static LineEdit Inserts(List<LineEdit> inserts)
    {
        var distinct = inserts.Where((e, i) => !inserts.Take(i).Any(earlier => earlier.Text.SequenceEqual(e.Text))).ToList();
        return distinct.Count == 1 ? distinct[0]
            : LineEdit.InsertAfter(distinct[0].Line, distinct.SelectMany(e => e.Text).ToList(), string.Join("; ", distinct.Select(e => e.Why)));
    }

    private void Intend(EditIntent intent) => intents.Add(intent);

    private EditRefusedException Refuse(int line, string reason) => new(Plan.Path, line, reason);

    /// <summary>
    /// An edit for a row whose number another row also has (MP1004) would land on whichever entry reading resolves
    /// first, not necessarily this row's: refused until a person makes the plan say which is which.
    /// </summary>
    private void RequireUnambiguous(IssueRow row)
    {
        var twin = Plan.Issues.FirstOrDefault(r => r.Order != row.Order
            && (r.Number.Value == row.Number.Value || (row.GitHubNumber is { } gh && r.GitHubNumber == gh)));
        if (twin is not null)
        {
            var what = twin.Number.Value == row.Number.Value ? $"issue number {row.Number}" : $"GitHub number #{row.GitHubNumber}";
            throw Refuse(row.RowSpan.Line, $"two rows have {what} (lines {Math.Min(row.RowSpan.Line, twin.RowSpan.Line)} and "
                + $"{Math.Max(row.RowSpan.Line, twin.RowSpan.Line)}, MP1004), so which one a tracking entry names is not known; fix the plan first");
        }
    }

    /// <summary>The entry's checkbox ticked: `[ ]` becomes `[x]`; an entry written without one gets `[x]` after its bullet.</summary>
    private LineEdit Tick(TrackingEntry entry, IssueRow row, string why)
    {
        var number = entry.Line.Span.Line;
        var line = lines[number];
        var box = line.IndexOf("[ ]", StringComparison.Ordinal);
        var trimmed = line.TrimStart();
        string ticked;
        if (entry.Checked == false && box >= 0)
        {
            ticked = line.Substring(0, box) + "[x]" + line.Substring(box + 3);
        }
        else if (entry.Checked is null && entry.Line.Span.Line == entry.Line.Span.EndLine && trimmed.Length > 1 && trimmed[0] is '-' or '*' or '+' && trimmed[1] == ' ')
        {
            var bullet = line.Length - trimmed.Length;
            ticked = line.Substring(0, bullet + 2) + "[x] " + line.Substring(bullet + 2).TrimStart();
        }
        else
        {
            throw Refuse(number, $"{row.Number}: its Completed Issues entry has no checkbox this editor can tick");
        }

        Intend(EditIntent.ForRow(IntentKind.Done, row, number, why));
        return LineEdit.Replace(number, ticked, why);
    }

    /// <summary>The entry names the row as the status reads it (<see cref="PlanDocument.Resolve(TrackingEntry)"/>), so an edit finds the entry that gives the row its state.</summary>
    private bool Names(TrackingEntry entry, IssueRow row) => Plan.Resolve(entry) == row;

    private IEnumerable<TrackingEntry> EntriesOf(TrackingList? list, IssueRow row) => list?.Entries.Where(e => Names(e, row)) ?? [];

    private IEnumerable<LineEdit> RemoveFrom(TrackingList? list, IssueRow row, IntentKind intent, string why)
    {
        var entries = EntriesOf(list, row).ToList();
        if (entries.Count == 0)
        {
            return [];
        }

        Intend(EditIntent.ForRow(intent, row, entries[0].Line.Span.Line, why));
        return lists.Remove(list!, entries, why).ToList();
    }

}

using Markdig.Extensions.Tables;
using Markdig.Syntax;
using MilestonePlan.Core.Model;

namespace MilestonePlan.Core.Parsing;

/// <summary>
/// The tracking part of a plan: its headings, the entries of its lists (completed issues, open PRs, blocked, skipped)
/// and the completion checklist. The first heading of each kind is the one kept; entries go to the list of the
/// section they are written in.
/// </summary>
internal sealed class TrackingSections(PlanParseContext context)
{
    private readonly TrackingEntryReader entries = new(context.Map, context.Cells);
    private readonly Dictionary<SectionKind, (TextCell Heading, List<TrackingEntry> Entries)> lists = [];
    private readonly List<TrackingEntry> completion = [];
    private TextCell? trackingHeading;
    private TextCell? currentPhaseHeading;

    public IReadOnlyList<TrackingEntry> CompletionChecklist => completion;

    /// <summary>Notes the heading of a section of kind <paramref name="kind"/> when it is a tracking one.</summary>
    public void Enter(SectionKind kind, TextCell heading)
    {
        switch (kind)
        {
            case SectionKind.Tracking:
                trackingHeading ??= heading;
                break;
            case SectionKind.CurrentPhase:
                currentPhaseHeading ??= heading;
                break;
            case var _ when SectionClassifier.IsEntryList(kind):
                if (!lists.ContainsKey(kind))
                {
                    lists[kind] = (heading, []);
                }

                break;
        }
    }

    /// <summary>A list item of an entry list (<see cref="SectionClassifier.IsEntryList"/>).</summary>
    public void ReadItem(ParagraphBlock paragraph, SectionKind kind)
    {
        var entry = entries.Read(paragraph);
        if (entry is not null && paragraph.Parent is ListItemBlock { Count: > 1 } item)
        {
            entry = entry with { Details = entries.Details(item) };
        }

        if (entry is not null)
        {
            lists[kind].Entries.Add(entry);
            if (kind == SectionKind.CompletedIssues)
            {
                context.Placeholders.Add(entry.Line);
            }
        }
    }

    /// <summary>A completion checklist item; only checkbox lines count.</summary>
    public void ReadChecklistItem(ParagraphBlock paragraph)
    {
        if (entries.Read(paragraph) is { Checked: not null } checkbox)
        {
            completion.Add(checkbox);
        }
    }

    /// <summary>The rows after the header of a table written in an entry list, one entry each.</summary>
    public void ReadTable(IReadOnlyList<TableSourceRow> rows, ColumnKind[] kinds, SectionKind kind)
    {
        var numberColumn = Array.IndexOf(kinds, ColumnKind.Number);
        var list = lists[kind].Entries;
        for (var i = 1; i < rows.Count; i++)
        {
            list.Add(entries.ReadRow(rows[i], numberColumn));
        }
    }

    public Tracking Build(PlanFieldReader fields)
    {
        TrackingList? List(SectionKind kind) =>
            lists.TryGetValue(kind, out var l) ? new TrackingList(l.Heading, l.Entries) : null;

        return new Tracking(
            trackingHeading,
            List(SectionKind.CompletedIssues),
            List(SectionKind.OpenPullRequests),
            List(SectionKind.Blocked),
            List(SectionKind.Skipped),
            currentPhaseHeading,
            fields.CurrentPhase,
            fields.CurrentIssue,
            fields.LastUpdated,
            fields.FooterStatus,
            fields.Blockers);
    }
}

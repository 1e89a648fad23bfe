using MilestonePlan.Core.Diagnostics;
using MilestonePlan.Core.Model;

namespace MilestonePlan.Core.Parsing;

/// <summary>
/// Reads the issue tables of a plan into phases. Columns are recognised by their header (<see cref="ColumnClassifier"/>);
/// a table is an issue table when it has a number column and a title or file column. A table under a phase heading
/// belongs to that phase; one anywhere else belongs to phase 0, the issues of no phase.
/// </summary>
internal sealed class IssueTableReader(PlanParseContext context)
{
    private readonly List<PhaseBuilder> phases = [];
    private int rowOrder;

    /// <summary>What each column of a table holds, read from its header row.</summary>
    public static ColumnKind[] Columns(TableSourceRow header) =>
        ColumnClassifier.Resolve(header.Cells.Select(c => c.Cell.Text).ToList());

    /// <summary>The phases that have rows or a table, in document order (phase 0 first).</summary>
    public List<Phase> Phases() => phases.Where(p => p.Rows.Count > 0 || p.HasTable).Select(p => p.Build()).ToList();

    public void OpenPhase(TextCell heading)
    {
        context.Placeholders.Add(heading);
        phases.Add(PhaseBuilder.FromHeading(phases.Count + 1, heading));
    }

    /// <summary>Reads the rows after the header when the table is an issue table in section <paramref name="kind"/>.</summary>
    public void Read(IReadOnlyList<TableSourceRow> rows, ColumnKind[] kinds, SectionKind kind)
    {
        var isIssueTable = kinds.Contains(ColumnKind.Number)
            && (kinds.Contains(ColumnKind.Title) || kinds.Contains(ColumnKind.File));
        if (!isIssueTable || SectionClassifier.IsTracking(kind))
        {
            return;
        }

        var phase = phases.Count > 0 ? phases[phases.Count - 1] : null;
        if (phase is null || kind != SectionKind.Phase)
        {
            phase = phases.FirstOrDefault(p => p.Index == 0);
            if (phase is null)
            {
                phase = new PhaseBuilder(0, string.Empty, null, Priority.Unknown);
                phases.Insert(0, phase);
            }
        }

        phase.HasTable = true;
        for (var i = 1; i < rows.Count; i++)
        {
            var issue = ReadRow(rows[i], kinds, phase);
            if (issue is not null)
            {
                phase.Rows.Add(issue);
            }
        }
    }

    private IssueRow? ReadRow(TableSourceRow row, ColumnKind[] kinds, PhaseBuilder phase)
    {
        var map = context.Map;
        var cells = row.Cells;

        RowCell? Get(ColumnKind kind)
        {
            var index = Array.IndexOf(kinds, kind);
            return index >= 0 && index < cells.Count ? cells[index] : null;
        }

        var rowSpan = map.Span(row.Start, row.End);
        var number = Get(ColumnKind.Number);
        if (number is null || number.Value.Cell.IsEmpty)
        {
            if (cells.All(c => c.Cell.IsEmpty))
            {
                return null;
            }

            context.Diagnostics.Add(PlanDiagnostic.Create(RuleMessages.MP1001RowWithoutNumber, context.Path, number?.Cell.Span ?? rowSpan, rowSpan.Line));
            return null;
        }

        if (!IssueNumber.TryParse(number.Value.Cell.Text, out var issueNumber))
        {
            context.Diagnostics.Add(PlanDiagnostic.Create(RuleMessages.MP1001UnreadableNumber, context.Path, number.Value.Cell.Span, rowSpan.Line, number.Value.Cell.Text));
            return null;
        }

        foreach (var cell in cells)
        {
            if (cell.Cell.Raw.IndexOf('{') >= 0 || cell.Cell.Raw.IndexOf('<') >= 0)
            {
                context.Placeholders.Add(cell.Cell);
            }
        }

        var priorityCell = Get(ColumnKind.Priority)?.Cell;
        var priority = Priority.TryParse(priorityCell?.Text, out var p) ? p : phase.DefaultPriority;
        var dependencyCell = Get(ColumnKind.Dependencies);
        var dependencies = dependencyCell is null
            ? DependencyList.None
            : DependencyCellReader.Read(dependencyCell.Value.Cell, map, dependencyCell.Value.Offset);
        var gitHubCell = Get(ColumnKind.GitHubNumber)?.Cell;
        int? gitHubNumber = IssueNumber.TryParse(gitHubCell?.Text, out var gh) ? gh.Value : null;

        return new IssueRow(
            issueNumber,
            number.Value.Cell,
            rowSpan,
            phase.Index,
            rowOrder++,
            Get(ColumnKind.File)?.Cell,
            Get(ColumnKind.Title)?.Cell,
            priorityCell,
            priority,
            dependencies,
            Get(ColumnKind.FeatureBranch)?.Cell,
            Get(ColumnKind.PrTitleToken)?.Cell,
            gitHubCell,
            gitHubNumber,
            Get(ColumnKind.Status)?.Cell);
    }
}

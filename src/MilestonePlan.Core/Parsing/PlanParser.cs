using Markdig;
using Markdig.Extensions.Tables;
using Markdig.Extensions.TaskLists;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using MilestonePlan.Core.Diagnostics;
using SourceSpan = Markdig.Syntax.SourceSpan;
using MilestonePlan.Core.Model;

namespace MilestonePlan.Core.Parsing;

/// <summary>
/// Reads an IMPLEMENTATION_PLAN.md from the Markdig syntax tree. Sections and columns are recognised by
/// meaning; every value keeps its position; what cannot be read becomes a diagnostic, never an exception.
/// </summary>
public static class PlanParser
{
    public static PlanDocument Parse(string path, string text)
    {
        var source = MarkdownPipelines.StripBom(text);
        var builder = new PlanBuilder(new PlanParseContext(path, new SourceMap(source)));
        if (MarkdownPipelines.TryParse(source, out var document, out var error) is false)
        {
            builder.Fail(error);
            return builder.Build();
        }

        foreach (var block in document)
        {
            builder.Visit(block);
        }

        return builder.Build();
    }

    /// <summary>The milestone a plan's folder names (`.../m2/IMPLEMENTATION_PLAN.md` is m2), if any.</summary>
    public static MilestoneId? MilestoneOfFolder(string planPath)
    {
        var folder = Path.GetFileName(Path.GetDirectoryName(planPath) ?? string.Empty);
        return folder.Length > 0 && (folder[0] == 'm' || folder[0] == 'M') ? MilestoneId.Parse(folder) : null;
    }

    /// <summary>Mutable state of one parse; the output is immutable.</summary>
    private sealed class PlanBuilder(PlanParseContext context)
    {
        private readonly string path = context.Path;
        private readonly SourceMap map = context.Map;
        private readonly SourceCells positions = context.Cells;
        private readonly List<(int Level, SectionKind Kind)> sections = [];
        private readonly PlanFieldReader fields = new(context);
        private readonly PlanLinkReader linkReader = new(context);
        private readonly List<PhaseBuilder> phases = [];
        private readonly List<TextCell> placeholders = context.Placeholders;
        private readonly List<PlanDiagnostic> diagnostics = context.Diagnostics;
        private readonly TrackingSections tracking = new(context);
        private TextCell? title;
        private TextCell? overview;
        private int rowOrder;

        public void Fail(string reason) =>
            diagnostics.Add(PlanDiagnostic.Create(Rules.MP1001, path, Diagnostics.SourceSpan.FileStart, "The plan cannot be read: " + reason));

        private SectionKind Kind => sections.Count == 0 ? SectionKind.Other : sections[sections.Count - 1].Kind;

        public void Visit(Block block)
        {
            switch (block)
            {
                case HeadingBlock heading:
                    VisitHeading(heading);
                    break;
                case ParagraphBlock paragraph:
                    fields.Read(paragraph, Kind);
                    linkReader.Collect(paragraph.Inline);
                    break;
                case ListBlock list:
                    VisitList(list);
                    break;
                case Table table:
                    VisitTable(table);
                    break;
            }
        }

        public PlanDocument Build()
        {
            var builtPhases = phases.Where(p => p.Rows.Count > 0 || p.HasTable)
                .Select(p => new Phase(p.Index, p.Name, p.Heading, p.DefaultPriority, p.Rows))
                .ToList();

            return new PlanDocument(path, MilestoneOfFolder(path), title, overview, fields.OverviewFields, builtPhases, tracking.Build(fields),
                context.Links, placeholders, diagnostics, map.LineCount) { CompletionChecklist = tracking.CompletionChecklist };
        }

        private void VisitHeading(HeadingBlock heading)
        {
            var cell = positions.Cell(heading.Inline, heading.Span);
            var kind = SectionClassifier.Classify(cell.Text);
            if (heading.Level == 1 && title is null)
            {
                title = cell;
                placeholders.Add(cell);
                sections.Clear();
                return;
            }

            while (sections.Count > 0 && sections[sections.Count - 1].Level >= heading.Level)
            {
                sections.RemoveAt(sections.Count - 1);
            }

            // A heading of no particular meaning belongs to the section around it (a "Notes" under a phase).
            if (kind == SectionKind.Other && sections.Count > 0 && Kind != SectionKind.Overview)
            {
                kind = Kind;
            }

            sections.Add((heading.Level, kind));
            tracking.Enter(kind, cell);
            switch (kind)
            {
                case SectionKind.Overview:
                    overview ??= cell;
                    break;
                case SectionKind.Phase when SectionClassifier.Classify(cell.Text) == SectionKind.Phase:
                    placeholders.Add(cell);
                    phases.Add(new PhaseBuilder(phases.Count + 1, PhaseName(cell.Text), cell, PhasePriority(cell.Text)));
                    break;
            }
        }

        private void VisitList(ListBlock list)
        {
            foreach (var item in list.OfType<ListItemBlock>())
            {
                if (item.FirstOrDefault() is not ParagraphBlock paragraph)
                {
                    continue;
                }

                linkReader.Collect(paragraph.Inline);
                switch (Kind)
                {
                    case var _ when SectionClassifier.IsEntryList(Kind):
                        tracking.ReadItem(paragraph, Kind);
                        break;
                    case SectionKind.CompletionChecklist:
                        tracking.ReadChecklistItem(paragraph);
                        break;
                    case SectionKind.RequiredReads:
                        linkReader.CollectRequiredReads(paragraph);
                        break;
                    default:
                        fields.Read(paragraph, Kind);
                        break;
                }

                // Nested lists (a PR's "Status:" lines) are detail, except in the Overview and Current Phase.
                foreach (var nested in item.Skip(1).OfType<ListBlock>())
                {
                    if (Kind is SectionKind.Overview or SectionKind.CurrentPhase)
                    {
                        VisitList(nested);
                    }
                }
            }
        }

        private void VisitTable(Table table)
        {
            var rows = table.OfType<TableRow>().ToList();
            if (rows.Count == 0 || !rows[0].IsHeader)
            {
                return;
            }

            var kinds = ColumnClassifier.Resolve(rows[0].OfType<TableCell>().Select(c => positions.TableCellAt(c).Cell.Text).ToList());
            foreach (var row in rows)
            {
                foreach (var cell in row.OfType<TableCell>())
                {
                    foreach (var paragraph in cell.OfType<ParagraphBlock>())
                    {
                        linkReader.Collect(paragraph.Inline);
                    }
                }
            }

            if (SectionClassifier.IsEntryList(Kind))
            {
                tracking.ReadTable(rows, kinds, Kind);
                return;
            }

            var isIssueTable = kinds.Contains(ColumnKind.Number)
                && (kinds.Contains(ColumnKind.Title) || kinds.Contains(ColumnKind.File));
            if (!isIssueTable || SectionClassifier.IsTracking(Kind))
            {
                return;
            }

            var phase = phases.Count > 0 ? phases[phases.Count - 1] : null;
            if (phase is null || Kind != SectionKind.Phase)
            {
                phase = phases.FirstOrDefault(p => p.Index == 0);
                if (phase is null)
                {
                    phase = new PhaseBuilder(0, string.Empty, null, Priority.Unknown);
                    phases.Insert(0, phase);
                }
            }

            phase.HasTable = true;
            foreach (var row in rows.Skip(1))
            {
                var issue = ReadRow(row, kinds, phase);
                if (issue is not null)
                {
                    phase.Rows.Add(issue);
                }
            }
        }

        private IssueRow? ReadRow(TableRow row, ColumnKind[] kinds, PhaseBuilder phase)
        {
            var cells = new List<(TextCell Cell, int Offset)>(row.Count);
            var previousEnd = row.Span.Start - 1;
            foreach (var block in row)
            {
                if (block is TableCell cell)
                {
                    var read = positions.TableCellAt(cell, previousEnd);
                    cells.Add(read);
                    previousEnd = Math.Max(previousEnd + 1, read.Offset + Math.Max(read.Cell.Raw.Length - 1, 0));
                }
            }

            (TextCell Cell, int Offset)? Get(ColumnKind kind)
            {
                var index = Array.IndexOf(kinds, kind);
                return index >= 0 && index < cells.Count ? cells[index] : null;
            }

            var rowSpan = map.Span(row.Span.Start, row.Span.End);
            var number = Get(ColumnKind.Number);
            if (number is null || number.Value.Cell.IsEmpty)
            {
                if (cells.All(c => c.Cell.IsEmpty))
                {
                    return null;
                }

                diagnostics.Add(PlanDiagnostic.Create(Rules.MP1001, path, number?.Cell.Span ?? rowSpan,
                    $"Issue table row at line {rowSpan.Line} has no issue number"));
                return null;
            }

            if (!IssueNumber.TryParse(number.Value.Cell.Text, out var issueNumber))
            {
                diagnostics.Add(PlanDiagnostic.Create(Rules.MP1001, path, number.Value.Cell.Span,
                    $"Issue table row at line {rowSpan.Line}: cannot read issue number '{number.Value.Cell.Text}'"));
                return null;
            }

            foreach (var cell in cells)
            {
                if (cell.Cell.Raw.IndexOf('{') >= 0 || cell.Cell.Raw.IndexOf('<') >= 0)
                {
                    placeholders.Add(cell.Cell);
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

        private static string PhaseName(string heading)
        {
            // "Phase 1: Bootstrap — Issues #01, #02" → "Phase 1: Bootstrap".
            var dash = heading.IndexOfAny(['—', '–']);
            var name = dash > 0 ? heading.Substring(0, dash) : heading;
            var paren = name.IndexOf('(');
            return (paren > 0 ? name.Substring(0, paren) : name).Trim();
        }

        private static Priority PhasePriority(string heading)
        {
            var open = heading.LastIndexOf('(');
            var close = open >= 0 ? heading.IndexOf(')', open) : -1;
            return close > open + 1 && Priority.TryParse(heading.Substring(open + 1, close - open - 1), out var p) ? p : Priority.Unknown;
        }

        private sealed class PhaseBuilder(int index, string name, TextCell? heading, Priority defaultPriority)
        {
            public int Index { get; } = index;

            public string Name { get; } = name;

            public TextCell? Heading { get; } = heading;

            public Priority DefaultPriority { get; } = defaultPriority;

            public List<IssueRow> Rows { get; } = [];

            public bool HasTable { get; set; }
        }
    }
}

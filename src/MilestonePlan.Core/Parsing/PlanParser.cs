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
        private readonly IssueTableReader tables = new(context);
        private readonly List<TextCell> placeholders = context.Placeholders;
        private readonly List<PlanDiagnostic> diagnostics = context.Diagnostics;
        private readonly TrackingSections tracking = new(context);
        private TextCell? title;
        private TextCell? overview;

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
            return new PlanDocument(path, MilestoneOfFolder(path), title, overview, fields.OverviewFields, tables.Phases(), tracking.Build(fields),
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
                    tables.OpenPhase(cell);
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

            var kinds = IssueTableReader.Columns(rows[0], positions);
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

            tables.Read(rows, kinds, Kind);
        }
    }
}

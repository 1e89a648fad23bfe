using Markdig.Extensions.Tables;
using Markdig.Syntax;
using MilestonePlan.Core.Diagnostics;
using MilestonePlan.Core.Model;

namespace MilestonePlan.Core.Parsing;

/// <summary>
/// Reads an IMPLEMENTATION_PLAN.md from the Markdig syntax tree. Sections and columns are recognised by
/// meaning; every value keeps its position; what cannot be read becomes a diagnostic, never an exception.
/// </summary>
/// <remarks>
/// One pass over the top-level blocks; each block goes to the reader of its concern, told which section it is in:
/// <see cref="DocumentOutline"/> (sections), <see cref="PlanFieldReader"/> (bold fields), <see cref="IssueTableReader"/>
/// (issue tables), <see cref="TrackingSections"/> (tracking entries) and <see cref="PlanLinkReader"/> (links).
/// </remarks>
internal static class PlanParser
{
    public static PlanDocument Parse(string path, string text) => Parse(path, text, simpleTables: true);

    /// <summary>
    /// Parses a plan; <paramref name="simpleTables"/> false sends every table through Markdig (the agreement tests
    /// compare both ways).
    /// </summary>
    internal static PlanDocument Parse(string path, string text, bool simpleTables)
    {
        var source = MarkdownPipelines.StripBom(text);
        var reader = new PlanReader(new PlanParseContext(path, new SourceMap(source)));
        var pipeline = simpleTables ? MarkdownPipelines.PlanWithSimpleTables : MarkdownPipelines.Plan;
        if (MarkdownPipelines.TryParse(source, pipeline, out var document, out var error, out var tooManyPipes) is false)
        {
            reader.Fail(error, tooManyPipes?.Span(reader.Map) ?? Diagnostics.SourceSpan.FileStart);
            return reader.Build();
        }

        foreach (var block in document)
        {
            reader.Visit(block);
        }

        return reader.Build();
    }

    /// <summary>The milestone a plan's folder names (`.../m2/IMPLEMENTATION_PLAN.md` is m2), if any.</summary>
    public static MilestoneId? MilestoneOfFolder(string planPath)
    {
        var folder = Path.GetFileName(Path.GetDirectoryName(planPath) ?? string.Empty);
        return folder.Length > 0 && (folder[0] == 'm' || folder[0] == 'M') ? MilestoneId.Parse(folder) : null;
    }

    /// <summary>Routes each block to the readers of its concern; the readers hold the state of the parse.</summary>
    private sealed class PlanReader(PlanParseContext context)
    {
        private readonly DocumentOutline outline = new(context);
        private readonly PlanFieldReader fields = new(context);
        private readonly IssueTableReader tables = new(context);
        private readonly TrackingSections tracking = new(context);
        private readonly PlanLinkReader links = new(context);

        public SourceMap Map => context.Map;

        public void Fail(string reason, Diagnostics.SourceSpan at) =>
            context.Diagnostics.Add(PlanDiagnostic.Create(Rules.MP1001, context.Path, at, reason));

        public void Visit(Block block)
        {
            switch (block)
            {
                case HeadingBlock heading:
                    VisitHeading(heading);
                    break;
                case ParagraphBlock paragraph when SimpleTable.IsTable(paragraph):
                    VisitRows(SimpleTable.Rows(paragraph, context.Cells), outline.Kind);
                    break;
                case ParagraphBlock paragraph:
                    fields.Read(paragraph, outline.Kind);
                    links.Collect(paragraph.Inline);
                    break;
                case ListBlock list:
                    VisitList(list, outline.Kind);
                    break;
                case Table table:
                    VisitTable(table, outline.Kind);
                    break;
            }
        }

        public PlanDocument Build()
        {
            var path = context.Path;
            return new PlanDocument(path, MilestoneOfFolder(path), outline.Title, outline.Overview, fields.OverviewFields,
                tables.Phases(), tracking.Build(fields), context.Links, context.Placeholders, context.Diagnostics,
                context.Map.LineCount) { CompletionChecklist = tracking.CompletionChecklist };
        }

        private void VisitHeading(HeadingBlock heading)
        {
            if (!outline.Enter(heading, out var cell, out var opensPhase))
            {
                return;
            }

            tracking.Enter(outline.Kind, cell);
            if (opensPhase)
            {
                tables.OpenPhase(cell);
            }
        }

        private void VisitList(ListBlock list, SectionKind kind)
        {
            foreach (var item in list.OfType<ListItemBlock>())
            {
                if (item.FirstOrDefault() is not ParagraphBlock paragraph)
                {
                    continue;
                }

                links.Collect(paragraph.Inline);
                switch (kind)
                {
                    case var _ when SectionClassifier.IsEntryList(kind):
                        tracking.ReadItem(paragraph, kind);
                        break;
                    case SectionKind.CompletionChecklist:
                        tracking.ReadChecklistItem(paragraph);
                        break;
                    case SectionKind.RequiredReads:
                        links.CollectRequiredReads(paragraph);
                        break;
                    default:
                        fields.Read(paragraph, kind);
                        break;
                }

                // Nested lists (a PR's "Status:" lines) are detail, except in the Overview and Current Phase.
                if (kind is SectionKind.Overview or SectionKind.CurrentPhase)
                {
                    foreach (var nested in item.Skip(1).OfType<ListBlock>())
                    {
                        VisitList(nested, kind);
                    }
                }
            }
        }

        private void VisitTable(Table table, SectionKind kind)
        {
            var rows = MarkdigTableRows.Of(table, context.Cells);
            if (rows.Count == 0)
            {
                return;
            }

            // Links anywhere in the table count, header included (no LINQ: this runs for every cell of every plan).
            for (var r = 0; r < table.Count; r++)
            {
                for (var c = 0; table[r] is TableRow row && c < row.Count; c++)
                {
                    for (var b = 0; row[c] is TableCell cell && b < cell.Count; b++)
                    {
                        if (cell[b] is ParagraphBlock paragraph)
                        {
                            links.Collect(paragraph.Inline);
                        }
                    }
                }
            }

            VisitRows(rows, kind);
        }

        private void VisitRows(List<TableSourceRow> rows, SectionKind kind)
        {
            if (rows.Count == 0)
            {
                return;
            }

            var kinds = IssueTableReader.Columns(rows[0]);
            if (SectionClassifier.IsEntryList(kind))
            {
                tracking.ReadTable(rows, kinds, kind);
                return;
            }

            tables.Read(rows, kinds, kind);
        }
    }
}

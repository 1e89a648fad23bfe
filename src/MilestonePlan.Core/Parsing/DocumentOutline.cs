using Markdig.Syntax;
using MilestonePlan.Core.Model;

namespace MilestonePlan.Core.Parsing;

/// <summary>
/// The heading outline of a plan: which section each block is in. A heading opens a section of the kind its text
/// means; a heading of no particular meaning stays in the section around it, so a "Notes" under a phase is still that
/// phase. The first level-1 heading is the plan's title and closes every section.
/// </summary>
internal sealed class DocumentOutline(PlanParseContext context)
{
    private readonly List<(int Level, SectionKind Kind)> sections = [];

    public TextCell? Title { get; private set; }

    public TextCell? Overview { get; private set; }

    /// <summary>The kind of the innermost open section; before any heading, <see cref="SectionKind.Other"/>.</summary>
    public SectionKind Kind => sections.Count == 0 ? SectionKind.Other : sections[sections.Count - 1].Kind;

    /// <summary>
    /// Opens the heading's section. False for the title, which opens none. <paramref name="opensPhase"/> is true when
    /// the heading itself names a phase (not when it only sits under one).
    /// </summary>
    public bool Enter(HeadingBlock heading, out TextCell cell, out bool opensPhase)
    {
        cell = context.Cells.Cell(heading.Inline, heading.Span);
        var own = SectionClassifier.Classify(cell.Text);
        opensPhase = false;
        if (heading.Level == 1 && Title is null)
        {
            Title = cell;
            context.Placeholders.Add(cell);
            sections.Clear();
            return false;
        }

        while (sections.Count > 0 && sections[sections.Count - 1].Level >= heading.Level)
        {
            sections.RemoveAt(sections.Count - 1);
        }

        var kind = own;

        // A heading of no particular meaning belongs to the section around it (a "Notes" under a phase).
        if (kind == SectionKind.Other && sections.Count > 0 && Kind != SectionKind.Overview)
        {
            kind = Kind;
        }

        sections.Add((heading.Level, kind));
        if (kind == SectionKind.Overview)
        {
            Overview ??= cell;
        }

        opensPhase = kind == SectionKind.Phase && own == SectionKind.Phase;
        return true;
    }
}

using Markdig.Syntax;
using MilestonePlan.Core.Diagnostics;
using MilestonePlan.Core.Parsing;
using SourceSpan = MilestonePlan.Core.Diagnostics.SourceSpan;

namespace MilestonePlan.Core.Tests.Readers;

[TestClass]
public sealed class DocumentOutlineTests
{
    [TestMethod]
    public void The_first_level_one_heading_is_the_title_and_opens_no_section()
    {
        var (context, document) = ReaderInput.Parse("# M1 Plan\n");
        var outline = new DocumentOutline(context);

        var opened = outline.Enter((HeadingBlock)document[0], out var cell, out var opensPhase);

        Assert.IsFalse(opened);
        Assert.IsFalse(opensPhase);
        Assert.AreEqual("M1 Plan", outline.Title?.Text);
        Assert.AreEqual(new SourceSpan(1, 1, 1, 9), cell.Span);
        Assert.AreEqual(SectionKind.Other, outline.Kind);
        Assert.AreSame(cell, context.Placeholders.Single());
    }

    [TestMethod]
    public void A_heading_of_no_meaning_stays_in_the_phase_around_it_but_not_in_the_overview()
    {
        var (context, document) = ReaderInput.Parse(ReaderInput.Lines(
            "# Plan", "## Overview", "### Notes", "## Phase 1: Core (P1)", "### Notes", "## Completed Issues"));
        var outline = new DocumentOutline(context);
        var seen = new List<(SectionKind Kind, bool OpensPhase)>();
        foreach (var heading in document.OfType<HeadingBlock>())
        {
            if (outline.Enter(heading, out _, out var opensPhase))
            {
                seen.Add((outline.Kind, opensPhase));
            }
        }

        CollectionAssert.AreEqual(
            new[]
            {
                (SectionKind.Overview, false), (SectionKind.Other, false), (SectionKind.Phase, true), (SectionKind.Phase, false),
                (SectionKind.CompletedIssues, false),
            },
            seen);
        Assert.AreEqual("Overview", outline.Overview?.Text);
    }
}

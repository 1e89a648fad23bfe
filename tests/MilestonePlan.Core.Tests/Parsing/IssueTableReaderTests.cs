using Markdig.Extensions.Tables;
using MilestonePlan.Core.Diagnostics;
using MilestonePlan.Core.Model;
using MilestonePlan.Core.Parsing;
using SourceSpan = MilestonePlan.Core.Diagnostics.SourceSpan;

namespace MilestonePlan.Core.Tests.Readers;

[TestClass]
public sealed class IssueTableReaderTests
{
    private static (PlanParseContext Context, IssueTableReader Reader) Read(string table, SectionKind kind, TextCell? phaseHeading)
    {
        var (context, document) = ReaderInput.Parse(table);
        var reader = new IssueTableReader(context);
        if (phaseHeading is not null)
        {
            reader.OpenPhase(phaseHeading);
        }

        var rows = MarkdigTableRows.Of((Table)document[0], context.Cells);
        reader.Read(rows, IssueTableReader.Columns(rows[0]), kind);
        return (context, reader);
    }

    [TestMethod]
    public void A_row_gives_its_number_title_dependencies_github_number_and_the_phase_priority()
    {
        var heading = new TextCell("Phase 1: Core — Issues #01 (P1)", "## Phase 1: Core — Issues #01 (P1)", new SourceSpan(1, 1, 1, 1));
        var (context, reader) = Read(
            ReaderInput.Lines("| # | Title | Dependencies | GitHub # |", "|---|---|---|---|", "| 02 | Login | #01 | 207 |"),
            SectionKind.Phase, heading);

        var phase = reader.Phases().Single();
        Assert.AreEqual(1, phase.Index);
        Assert.AreEqual("Phase 1: Core", phase.Name);
        var row = phase.Issues.Single();
        Assert.AreEqual(new IssueNumber(2), row.Number);
        Assert.AreEqual(new TextCell("Login", "Login", new SourceSpan(3, 8, 3, 12)), row.Title);
        Assert.IsTrue(Priority.TryParse("P1", out var p1));
        Assert.AreEqual(p1, row.Priority);
        Assert.AreEqual(new IssueNumber(1), row.Dependencies.References.Single().Number);
        Assert.AreEqual(207, row.GitHubNumber);
        Assert.AreEqual(0, context.Diagnostics.Count);
    }

    [TestMethod]
    public void A_row_without_a_number_is_MP1001_just_after_the_pipe_that_opens_its_empty_number_cell()
    {
        var (context, reader) = Read(ReaderInput.Lines("| Title | # |", "|---|---|", "| Login |  |"), SectionKind.Other, null);

        var phase = reader.Phases().Single();
        Assert.AreEqual(0, phase.Index);
        Assert.AreEqual(0, phase.Issues.Count);
        var diagnostic = context.Diagnostics.Single();
        Assert.AreEqual(Rules.MP1001.Id, diagnostic.Id);
        Assert.AreEqual(new SourceSpan(3, 10, 3, 10), diagnostic.Span);
    }

    [TestMethod]
    public void A_table_without_a_title_or_file_column_is_not_an_issue_table()
    {
        var (_, reader) = Read(ReaderInput.Lines("| # | Size |", "|---|---|", "| 01 | S |"), SectionKind.Other, null);

        Assert.AreEqual(0, reader.Phases().Count);
    }
}

using Markdig.Extensions.Tables;
using Markdig.Syntax;
using MilestonePlan.Core.Diagnostics;
using MilestonePlan.Core.Model;
using MilestonePlan.Core.Parsing;
using SourceSpan = MilestonePlan.Core.Diagnostics.SourceSpan;

namespace MilestonePlan.Core.Tests.Readers;

[TestClass]
public sealed class TrackingEntryReaderTests
{
    private static ParagraphBlock FirstItem(MarkdownDocument document) =>
        (ParagraphBlock)((ListItemBlock)((ListBlock)document[0])[0])[0];

    [TestMethod]
    public void A_checklist_line_gives_its_checkbox_issue_glyph_and_title_positioned_in_the_line()
    {
        var (context, document) = ReaderInput.Parse("- [x] #01 — Webhook retries ✅ (PR #4)\n");
        var reader = new TrackingEntryReader(context.Map, context.Cells);

        var entry = reader.Read(FirstItem(document));

        Assert.IsNotNull(entry);
        Assert.IsTrue(entry.Checked);
        CollectionAssert.AreEqual(new[] { new IssueNumber(1) }, entry.IssueCandidates.ToArray());
        Assert.AreEqual("#01 — Webhook retries ✅ (PR #4)", entry.Line.Raw);
        Assert.AreEqual(new TextCell("Webhook retries", "Webhook retries", new SourceSpan(1, 13, 1, 27)), entry.Title);
    }

    [TestMethod]
    public void A_bullet_that_starts_with_a_pull_request_names_the_issue_it_closes()
    {
        var (context, document) = ReaderInput.Parse("- [PR #12](https://x/pull/12) — Fix #3 crash (#7)\n");

        var entry = new TrackingEntryReader(context.Map, context.Cells).Read(FirstItem(document));

        Assert.IsNotNull(entry);
        Assert.IsNull(entry.Checked);
        CollectionAssert.AreEqual(new[] { new IssueNumber(7) }, entry.IssueCandidates.ToArray());
        Assert.IsTrue(entry.NamesGitHubIssue, "the template's enhanced entry closes with the GitHub issue");
    }

    [TestMethod]
    public void A_table_row_is_read_from_its_number_column_and_spans_the_row_between_its_outer_pipes()
    {
        var (context, document) = ReaderInput.Parse("| Title | # |\n|---|---|\n| Login | 05 |\n");
        var rows = MarkdigTableRows.Of((Table)document[0], context.Cells);

        var entry = new TrackingEntryReader(context.Map, context.Cells).ReadRow(rows[1], numberColumn: 1);

        CollectionAssert.AreEqual(new[] { new IssueNumber(5) }, entry.IssueCandidates.ToArray());
        // Markdig's row span runs from the first cell's text to the last one's, outer pipes left out.
        Assert.AreEqual("Login | 05", entry.Line.Raw);
        Assert.AreEqual(new SourceSpan(3, 3, 3, 12), entry.Line.Span);
        Assert.IsNull(entry.Title);
    }

    [TestMethod]
    public void Entries_go_to_the_list_of_their_section_and_completed_lines_are_placeholders()
    {
        var (context, document) = ReaderInput.Parse("- #02 — Auth ✅\n- [ ] unchecked\n");
        var tracking = new TrackingSections(context);
        var heading = new TextCell("Completed Issues", "## Completed Issues", new SourceSpan(1, 1, 1, 1));
        tracking.Enter(SectionKind.CompletedIssues, heading);
        var list = (ListBlock)document[0];

        tracking.ReadItem((ParagraphBlock)((ListItemBlock)list[0])[0], SectionKind.CompletedIssues);
        tracking.ReadChecklistItem((ParagraphBlock)((ListItemBlock)list[1])[0]);

        var completed = tracking.Build(new PlanFieldReader(context)).Completed;
        Assert.AreSame(heading, completed?.Heading);
        Assert.AreEqual("#02 — Auth ✅", completed?.Entries.Single().Line.Raw);
        Assert.AreSame(completed?.Entries[0].Line, context.Placeholders.Single());
        Assert.IsFalse(tracking.CompletionChecklist.Single().Checked);
    }
}

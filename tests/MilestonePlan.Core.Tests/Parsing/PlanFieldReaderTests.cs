using Markdig.Syntax;
using MilestonePlan.Core.Diagnostics;
using MilestonePlan.Core.Model;
using MilestonePlan.Core.Parsing;
using SourceSpan = MilestonePlan.Core.Diagnostics.SourceSpan;

namespace MilestonePlan.Core.Tests.Readers;

[TestClass]
public sealed class PlanFieldReaderTests
{
    [TestMethod]
    public void Every_bold_field_of_the_overview_is_kept_with_its_value_positioned()
    {
        var (context, document) = ReaderInput.Parse("**Milestone:** `m1`\n**Status**: In Progress\nprose\n");
        var fields = new PlanFieldReader(context);

        fields.Read((ParagraphBlock)document[0], SectionKind.Overview);

        Assert.AreEqual(2, fields.OverviewFields.Count);
        var milestone = fields.OverviewFields[0];
        Assert.AreEqual("Milestone", milestone.Name);
        Assert.AreEqual(new TextCell("m1", "`m1`", new SourceSpan(1, 16, 1, 19)), milestone.Value);
        var status = fields.OverviewFields[1];
        Assert.AreEqual(FieldKeys.Status, status.Key);
        Assert.AreEqual(new TextCell("In Progress", "In Progress", new SourceSpan(2, 13, 2, 23)), status.Value);
        CollectionAssert.AreEqual(new[] { milestone.Value, status.Value }, context.Placeholders);
    }

    [TestMethod]
    public void Outside_the_overview_only_the_footer_fields_are_kept()
    {
        var (context, document) = ReaderInput.Parse("**Status:** Done\n**Owner:** me\n");
        var fields = new PlanFieldReader(context);

        fields.Read((ParagraphBlock)document[0], SectionKind.Other);

        Assert.AreEqual(0, fields.OverviewFields.Count);
        Assert.AreEqual("Done", fields.FooterStatus?.Value.Text);
        Assert.IsNull(fields.CurrentIssue);
        Assert.AreEqual(0, context.Placeholders.Count);
    }

    [TestMethod]
    public void A_bold_word_without_a_colon_is_not_a_field()
    {
        var (context, document) = ReaderInput.Parse("**Note** this is prose\n");

        Assert.AreEqual(0, new PlanFieldReader(context).Fields((ParagraphBlock)document[0]).Count());
    }
}

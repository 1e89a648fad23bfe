using CsCheck;
using MilestonePlan.Core.Diagnostics;
using MilestonePlan.Core.Model;
using MilestonePlan.Core.Parsing;

namespace MilestonePlan.Core.Tests;

[TestClass]
public sealed class SpecParserTests
{
    private const string Spec = """
        ---
        title: "Login — with ünïcode"
        labels: ["type:feature", "prio:P0"]
        github_issue:
        priority: P0
        dependencies: [01-setup.md, 2]
        ---

        # Login

        ## Done

        Users can log in.

        ## Acceptance Criteria

        - [ ] Accepts a password
        - [x] Rejects a wrong one
          - [ ] nested item
        """;

    [TestMethod]
    [DataRow("\n", false)]
    [DataRow("\r\n", false)]
    [DataRow("\r\n", true)]
    public void Front_matter_values_keep_their_positions_whatever_the_line_endings(string newline, bool bom)
    {
        var text = (bom ? "\uFEFF" : string.Empty) + Spec.ReplaceLineEndings(newline);
        var spec = SpecParser.Parse("/r/01-login.md", text);

        Assert.AreEqual("Login — with ünïcode", spec.Get("title")!.Scalar);
        Assert.AreEqual(new SourceSpan(2, 1, 2, 29), spec.Get("title")!.Span);
        CollectionAssert.AreEqual(new[] { "01-setup.md", "2" }, spec.Get("dependencies")!.Items!.ToArray());
        Assert.AreEqual(6, spec.Get("dependencies")!.Span.Line);
        Assert.IsTrue(spec.Get("github_issue")!.IsEmpty);
        Assert.AreEqual("Done", spec.DoneDefinition!.Text);
        Assert.AreEqual(15, spec.AcceptanceCriteria!.Span.Line);
        Assert.HasCount(3, spec.AcceptanceItems);
        Assert.IsNull(spec.FrontMatterError);
    }

    [TestMethod]
    public void Broken_yaml_is_a_diagnostic_at_the_broken_line()
    {
        var spec = SpecParser.Parse("/r/01-x.md", "---\ntitle: ok\nlabels: [a, b\npriority: P0\n---\n\n# X\n");
        Assert.IsNotNull(spec.FrontMatterError);
        Assert.AreEqual("MP2005", spec.FrontMatterError.Id);
        StringAssert.StartsWith(spec.FrontMatterError.Message, "Front matter cannot be read");

        var unterminated = SpecParser.Parse("/r/01-x.md", "---\ntitle: \"open\npriority: P0\n---\n\n# X\n");
        Assert.AreEqual("MP2005", unterminated.FrontMatterError!.Id);
    }

    [TestMethod]
    public void Spec_without_front_matter_or_headings_reads_as_empty()
    {
        var spec = SpecParser.Parse("/r/01-x.md", "just text\twith a tab   \n");
        Assert.IsEmpty(spec.FrontMatter);
        Assert.IsNull(spec.Title);
        Assert.IsNull(spec.AcceptanceCriteria);
    }

    /// <summary>
    /// Which heading is the Done Definition or the Acceptance Criteria: compared ignoring ASCII case without a lower-cased
    /// copy, the answer is the lower-cased comparison's, for Kelvin signs, dotted capital I and every other casing.
    /// </summary>
    [TestMethod]
    public void Section_headings_are_recognised_as_by_lower_casing_them()
    {
        var piece = Gen.OneOf(new[] { "done", "DONE", "Done", " definition", "Definition of ", "of", " when", " criteria", "acceptance",
            "ACCEPTANCE", " Criteria", "criteria", ":", " ", "\u212A", "\u0130", "\u0131", "é", "x", "ǅ" }.Select(Gen.Const).ToArray());
        piece.Array[1, 6].Select(p => string.Concat(p)).Sample(text =>
        {
            var lower = text.ToLowerInvariant().TrimEnd(':');
            var sections = new SpecParser.Sections();
            sections.Heading(2, new TextCell(text, "## " + text, SourceSpan.FileStart));
            var spec = sections.Build("/s.md", [], null, null);
            var done = lower is "done" or "done definition" or "definition of done" or "done when" or "done criteria";
            Assert.AreEqual(done, spec.DoneDefinition is not null, text);
            Assert.AreEqual(!done && lower.Contains("acceptance criteria", StringComparison.Ordinal), spec.AcceptanceCriteria is not null, text);
        }, iter: 20_000);
    }
}

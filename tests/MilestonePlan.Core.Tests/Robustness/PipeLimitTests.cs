using MilestonePlan.Core.Diagnostics;
using MilestonePlan.Core.Parsing;
using MilestonePlan.Core.Tests.Support;

namespace MilestonePlan.Core.Tests.Robustness;

/// <summary>
/// Issue #19: a table row of hundreds of thousands of `|` took Markdig seconds. Past <see cref="PipeLimit.MaxPipes"/>
/// pipes outside simple tables the file is refused before Markdig parses them: MP1001 (plan) or MP2004 (spec) on the
/// line that went past the limit. Outcome and position, not timing, are asserted.
/// </summary>
[TestClass]
public sealed class PipeLimitTests
{
    private const string SpecPath = "/repo/docs/03-build-notes/m1/01-parser.md";

    private static readonly string Header = "| Issue # | Issue File | Title | Priority | Dependencies | Feature Branch | PR Title Token | Est. Size |";

    /// <summary>The sample plan with <paramref name="text"/> inserted as its own block before the Tracking section.</summary>
    private static string WithBlock(string text) =>
        SamplePlan.Plan.Replace("## Tracking (agent-updated)", text + "\n\n## Tracking (agent-updated)", StringComparison.Ordinal);

    private static PlanDiagnostic Refusal(string plan)
    {
        var diagnostics = PlanParser.Parse("/repo/" + SamplePlan.PlanPath, plan).ParseDiagnostics;
        Assert.HasCount(1, diagnostics, Dump.Of(diagnostics));
        Assert.AreEqual("MP1001", diagnostics[0].Id);
        return diagnostics[0];
    }

    [TestMethod]
    [DataRow(520_000, DisplayName = "the issue's row: 520,000 pipes (520 KB, under the 512 KiB cap)")]
    [DataRow(100_000)]
    [DataRow(10_001)]
    public void A_row_of_pipes_in_the_issue_table_makes_the_plan_unreadable_at_that_row(int pipes)
    {
        var row = new string('|', pipes);
        var plan = SamplePlan.Plan.Replace("| #03 | 03-docs.md", row + "\n| #03 | 03-docs.md", StringComparison.Ordinal);
        var refusal = Refusal(plan);

        // The row goes past the limit together with the 27 pipes of its table's other rows above it.
        var (line, column) = SamplePlan.Position(plan, row);
        Assert.AreEqual(new SourceSpan(line, column, line, column + pipes - 1), refusal.Span);
        Assert.AreEqual($"The plan cannot be read: line {line} brings the file past 10,000 '|' outside plain tables (each one is a table cell to Markdig, which parses them slowly)", refusal.Message);
    }

    [TestMethod]
    [DataRow("paragraph", DisplayName = "pipes in a paragraph")]
    [DataRow("- ", DisplayName = "pipes in a list item")]
    [DataRow("> ", DisplayName = "pipes in a quote")]
    [DataRow("| Note | Text |\n|---|---|\n", DisplayName = "a row of another table")]
    [DataRow("| Issue | Status |\n|---|---|\n| #01 | ✅ |\n", DisplayName = "a row of a tracking table")]
    public void Pipes_anywhere_Markdig_parses_them_count(string before)
    {
        var prefix = before == "paragraph" ? string.Empty : before;
        var content = "a " + string.Concat(Enumerable.Repeat("\\| `|` |", 4_000));
        var plan = WithBlock(prefix + content);
        var (line, column) = SamplePlan.Position(plan, content);
        Assert.AreEqual(new SourceSpan(line, column, line, column + content.Length - 1), Refusal(plan).Span);
    }

    [TestMethod]
    public void The_line_named_is_the_one_that_goes_past_the_limit()
    {
        // Three paragraphs of 4,000 pipes, then one of 3 lines: the third paragraph's line takes the file past 10,000.
        var block = string.Concat(Enumerable.Repeat("a|", 4_000));
        var plan = WithBlock(block + "\n\n" + block + "\n\nx\n" + block + "\ny");
        var refusal = Refusal(plan);
        var lines = plan.Split('\n');
        var expected = Array.FindLastIndex(lines, l => l == block) + 1;
        Assert.AreEqual(new SourceSpan(expected, 1, expected, block.Length), refusal.Span);
    }

    [TestMethod]
    public void Line_numbers_follow_CRLF_lone_CR_and_a_BOM()
    {
        var row = new string('|', 20_000);
        foreach (var newline in new[] { "\r\n", "\r" })
        {
            var plan = "\uFEFF" + WithBlock(row).Replace("\n", newline, StringComparison.Ordinal);
            var refusal = PlanParser.Parse("/repo/" + SamplePlan.PlanPath, plan).ParseDiagnostics.Single();
            var line = 1 + plan.Substring(0, plan.IndexOf(row, StringComparison.Ordinal)).Split(newline).Length - 1;
            Assert.AreEqual(new SourceSpan(line, 1, line, 20_000), refusal.Span, newline.Replace("\r", "\\r"));
            StringAssert.Contains(refusal.Message, $"line {line} ");
        }
    }

    [TestMethod]
    public void Up_to_the_limit_the_plan_is_read()
    {
        // The sample's tables are simple and not counted: 10,000 pipes elsewhere are allowed, one more is not.
        var plan = WithBlock(string.Concat(Enumerable.Repeat("a|", 5_000)) + "\n\n- " + string.Concat(Enumerable.Repeat("b|", 5_000)));
        Assert.AreEqual(string.Empty, Dump.Of(SamplePlan.Workspace(_ => plan).Diagnostics()));
        var over = plan.Replace("- b|", "- b|b|", StringComparison.Ordinal);
        Assert.AreEqual(SamplePlan.Position(over, "- b|").Line, Refusal(over).Span.Line);
    }

    [TestMethod]
    public void A_simple_table_of_any_width_is_read_by_the_line_reader_and_not_counted()
    {
        // 3 columns the plan reads and 40,000 it does not: 120,000 pipes in a table of the template's plain shape.
        const int extra = 40_000;
        var table = "| Issue # | Title | Priority |" + string.Concat(Enumerable.Repeat(" x |", extra)) + "\n"
            + "|---|---|---|" + string.Concat(Enumerable.Repeat("---|", extra)) + "\n"
            + "| #04 | Wide | P1 |" + string.Concat(Enumerable.Repeat(" y |", extra)) + "\n";
        var plan = PlanParser.Parse("/repo/" + SamplePlan.PlanPath, WithBlock(table));
        Assert.IsEmpty(plan.ParseDiagnostics, Dump.Of(plan.ParseDiagnostics));
        var wide = plan.Issues.Single(r => r.Number.Value == 4);
        Assert.AreEqual("Wide", wide.Title?.Text);
        Assert.AreEqual(4, plan.Issues.Count());
    }

    [TestMethod]
    public void A_spec_past_the_limit_is_unreadable_at_the_line()
    {
        var row = Header + "\n|---|---|---|---|---|---|---|---|\n" + new string('|', 200_000);
        var spec = SamplePlan.Spec("Parser", "P0", "[]") + "\n\n" + row + "\n";
        var parsed = SpecParser.Parse(SpecPath, spec);
        Assert.AreEqual("MP2004", parsed.ReadError?.Id);
        var (line, _) = SamplePlan.Position(spec, new string('|', 200_000));
        Assert.AreEqual(new SourceSpan(line, 1, line, 200_000), parsed.ReadError!.Span);
        StringAssert.StartsWith(parsed.ReadError.Message, $"The spec cannot be read: line {line} brings the file past 10,000 '|'");
    }

    [TestMethod]
    public void A_spec_with_a_wide_simple_table_is_read()
    {
        var table = Header + string.Concat(Enumerable.Repeat(" x |", 30_000)) + "\n|---|---|---|---|---|---|---|---|" + string.Concat(Enumerable.Repeat("---|", 30_000));
        var spec = SamplePlan.Spec("Parser", "P0", "[]") + "\n\n" + table + "\n";
        var parsed = SpecParser.Parse(SpecPath, spec);
        Assert.IsNull(parsed.ReadError);
        Assert.AreEqual("Parser", parsed.Title?.Text);
    }
}

using System.Text;
using MilestonePlan.Core.Parsing;
using MilestonePlan.Core.Tests.Support;

namespace MilestonePlan.Core.Tests.Robustness;

/// <summary>
/// Bug 4: lists and quotes nested ~1,000 levels cost Markdig seconds. Such text is refused before Markdig
/// sees it, and reads as an unreadable plan (MP1001) or spec (MP2004). Outcome, not timing, is asserted.
/// </summary>
[TestClass]
public sealed class NestingLimitTests
{
    private const int PlanSize = 8 * 1024 * 1024;
    private const int SpecSize = 1024 * 1024;

    /// <summary>Lines of <paramref name="line"/>(level), levels cycling 0..depth-1, until <paramref name="size"/> characters.</summary>
    private static string Nested(int size, int depth, Func<int, string> line, string newline = "\n")
    {
        var b = new StringBuilder(SamplePlan.Plan.Replace("\n", newline, StringComparison.Ordinal)).Append(newline);
        for (var i = 0; b.Length < size; i++)
        {
            b.Append(line(i % depth)).Append(newline);
        }

        return b.ToString(0, Math.Min(b.Length, size));
    }

    private static IEnumerable<object[]> Shapes()
    {
        foreach (var depth in new[] { 40, 1_000, 1_800 })
        {
            yield return ["indented list", depth, (Func<int, string>)(k => new string(' ', 2 * k) + "- x")];
            yield return ["indented ordered list", depth, (Func<int, string>)(k => new string(' ', 3 * k) + "1. x")];
            yield return ["indented Overview lines", depth, (Func<int, string>)(k => new string(' ', 2 * k) + "- **Status:** x")];
            yield return ["tab-indented list", depth, (Func<int, string>)(k => new string('\t', k) + "* x")];
            yield return ["quotes", depth, (Func<int, string>)(k => string.Concat(Enumerable.Repeat("> ", k)) + "x")];
            yield return ["quotes without spaces", depth, (Func<int, string>)(k => new string('>', k) + "x")];
            yield return ["markers on one line", depth, (Func<int, string>)(k => string.Concat(Enumerable.Repeat("- ", k)) + "x")];
        }
    }

    [TestMethod]
    [DynamicData(nameof(Shapes))]
    public void Pathological_nesting_makes_a_plan_unreadable(string shape, int depth, Func<int, string> line)
    {
        foreach (var newline in new[] { "\n", "\r\n" })
        {
            var plan = PlanParser.Parse("/repo/" + SamplePlan.PlanPath, Nested(PlanSize, depth, line, newline));
            var unreadable = plan.ParseDiagnostics.SingleOrDefault(d => d.Id == "MP1001" && d.Message.Contains("nests", StringComparison.Ordinal));
            Assert.IsNotNull(unreadable, $"{shape} nested {depth} deep was not refused");
            Assert.AreEqual(0, plan.Issues.Count(), "a refused plan yields nothing from Markdig");
        }
    }

    [TestMethod]
    [DynamicData(nameof(Shapes))]
    public void Pathological_nesting_makes_a_spec_unreadable(string shape, int depth, Func<int, string> line)
    {
        var spec = SpecParser.Parse("/repo/docs/03-build-notes/m1/01-parser.md", Nested(SpecSize, depth, line));
        Assert.AreEqual("MP2004", spec.ReadError?.Id, $"{shape} nested {depth} deep was not refused");
    }

    [TestMethod]
    [DataRow("[a][a][a][a][a][a][a][a][a][a]x")]
    [DataRow("| [a](b) | [c] | [[d]] |")]
    [DataRow("[[[[[[[[[[[[[[[[[[[[")]
    public void A_block_of_lines_with_thousands_of_brackets_is_refused(string line)
    {
        // Markdig's bracket matching is quadratic within one block of lines: 120 kB of such lines took 1.5 s.
        foreach (var size in new[] { 120_000, PlanSize })
        {
            var plan = PlanParser.Parse("/repo/" + SamplePlan.PlanPath, Nested(size, 1, _ => line));
            Assert.IsTrue(plan.ParseDiagnostics.Any(d => d.Id == "MP1001" && d.Message.Contains("'['", StringComparison.Ordinal)), $"{size}: {line}");
        }

        var spec = SpecParser.Parse("/repo/docs/03-build-notes/m1/01-parser.md", Nested(SpecSize, 1, _ => line));
        Assert.AreEqual("MP2004", spec.ReadError?.Id);
    }

    [TestMethod]
    public void Nesting_as_deep_as_real_plans_go_is_read()
    {
        var lists = string.Concat(Enumerable.Range(0, 12).Select(k => new string(' ', 2 * k) + "- x\n"));
        var quotes = string.Concat(Enumerable.Range(0, 12).Select(k => string.Concat(Enumerable.Repeat("> ", k)) + "x\n"));
        var diagnostics = SamplePlan.Workspace(p => p.Replace("## Tracking", lists + "\n" + quotes + "\n## Tracking", StringComparison.Ordinal)).Diagnostics();
        Assert.AreEqual(0, diagnostics.Count, string.Join("\n", diagnostics));
        Assert.IsNull(NestingLimit.Check(string.Concat(Enumerable.Range(0, NestingLimit.MaxDepth).Select(k => new string(' ', 2 * k) + "- x\n"))));
        Assert.IsNull(NestingLimit.Check("---\n* * *\n" + new string(' ', 200) + "code\n1. a\n10) b\n"));
        var manyShortBlocks = string.Concat(Enumerable.Repeat(string.Concat(Enumerable.Repeat("[a](b) ", 1_000)) + "\n  \n", 50));
        Assert.IsNull(NestingLimit.Check(manyShortBlocks), "brackets count per block of lines, not per file");
    }
}

using CsCheck;
using Markdig;
using Markdig.Extensions.Tables;
using Markdig.Parsers;
using Markdig.Syntax;
using MilestonePlan.Core.Parsing;

namespace MilestonePlan.Core.Tests.Robustness;

/// <summary>
/// <see cref="PipeLimit"/> on generated text full of pipes: huge cells, wide and ragged tables, escaped pipes, code
/// spans, non-ASCII and lone surrogates, in paragraphs, list items and quotes. The file is refused exactly when the
/// pipes of the blocks Markdig parses (every paragraph and table but the simple tables), counted on Markdig's own tree,
/// pass the limit, on the line where they do; the plan reads alike with and without the simple readers; nothing throws.
/// </summary>
[TestClass]
public sealed class PipeLimitPropertyTests
{
    /// <summary>Markdig with only the simple table hook: the tree the limit is stated on, with no limit.</summary>
    private static readonly MarkdownPipeline Reference = ReferencePipeline();

    private static readonly Gen<string> Piece = Gen.OneOf(
        Gen.OneOfConst("|", "|", "|", "\\|", "`|`", "``|``", "` | `", " ", "a", "#01", "é", "🚀", "\uD800", "\uDC00", "\\", "`", "*", "[x]", "<b>", "&amp;", "—", "\t"),
        Gen.String[Gen.Char["|\\` a-é🚀"], 0, 6]);

    /// <summary>A run of pieces whose length is anywhere from one to thousands (a huge cell or row).</summary>
    private static readonly Gen<string> Run = Gen.Int[1, 4_000].SelectMany(n => Gen.OneOf(
        Piece.Array[1, 8].Select(p => Repeat(string.Concat(p), n)),
        Gen.Const(new string('|', n)),
        Piece.Array[1, 30].Select(string.Concat)));

    /// <summary>Tables whose every row has the header's cell count (simple when the cells are plain), of any width.</summary>
    private static readonly Gen<string> WideTable = Gen.Select(Gen.Int[1, 3_000], Gen.Int[0, 3], Gen.OneOfConst(" x ", "", "`c`", "a\\|b", "é🚀"),
        (columns, rows, cell) => string.Join("\n", new[] { Row(columns, " h "), Row(columns, "---") }.Concat(Enumerable.Repeat(Row(columns, cell), rows))));

    private static readonly Gen<string> Block = Gen.OneOf(
        Gen.Select(Gen.OneOfConst("", "- ", "> ", "1. ", "  ", "| "), Run, Gen.OneOfConst("", " |", "\n" + "|---|", "\n|-|-|\n|a|b|"), (prefix, run, suffix) => prefix + run + suffix),
        Gen.Select(Gen.Int[1, 8], Run.Array[1, 4], (columns, runs) => Row(columns, " h ") + "\n" + Row(columns, "---") + "\n" + string.Join("\n", runs.Select(r => "|" + r + "|"))),
        WideTable,
        Gen.OneOfConst("## Tracking (agent-updated)", "### Completed Issues", "### Phase 1: All", "[a]: x|y", "Title\n===", "    code | x", "```\n|||\n```"));

    private static readonly Gen<string> Document = Gen.Select(Block.Array[1, 8], Gen.OneOfConst("\n\n", "\r\n\r\n", "\r\r", "\n"),
        (blocks, separator) =>
        {
            var text = string.Join(separator, blocks);
            return separator.Contains('\r') ? text.Replace("\n", separator.Substring(0, separator.Length / 2), StringComparison.Ordinal) : text;
        });

    /// <summary>Documents per run; `MILESTONEPLAN_PIPE_ITERATIONS` runs more once locally (each costs Markdig up to 10,000 pipes).</summary>
    private static int Iterations(int perRun) =>
        int.TryParse(Environment.GetEnvironmentVariable("MILESTONEPLAN_PIPE_ITERATIONS"), out var n) && n > 0 ? n : perRun;

    [TestMethod]
    public void A_file_is_refused_exactly_when_its_counted_pipes_pass_the_limit_on_the_line_they_do()
    {
        var refused = 0;
        var total = 0;
        Document.Sample(text =>
        {
            total++;
            var expected = CrossingLine(text);
            var parsed = MarkdownPipelines.TryParse(text, MarkdownPipelines.PlanWithSimpleTables, out _, out var error, out var refusal);
            Assert.AreEqual(expected, refusal?.Line, error);
            refused += refusal is null ? 0 : 1;
            Assert.AreEqual(refusal is not null || error.Length > 0, !parsed);
            Assert.AreEqual(refusal?.Line, (MarkdownPipelines.TryParse(text, MarkdownPipelines.Plan, out _, out _, out var plain) ? null : plain)?.Line, "every pipeline counts alike");
        }, iter: Iterations(200), threads: 1);

        Assert.IsGreaterThan(total / 10, refused, $"the generator passes the limit often enough ({refused} of {total})");
        Assert.IsGreaterThan(refused, total - (total / 10), $"and stays under it often enough ({refused} of {total})");
    }

    [TestMethod]
    public void Plans_and_specs_read_alike_with_and_without_the_simple_readers_and_never_throw()
    {
        Document.Sample(text =>
        {
            var plan = "# M1\n\n## Issue Breakdown by Phase\n\n" + text;
            var fast = PlanParser.Parse("/r/m1/IMPLEMENTATION_PLAN.md", plan, simpleTables: true);
            var full = PlanParser.Parse("/r/m1/IMPLEMENTATION_PLAN.md", plan, simpleTables: false);
            Assert.AreEqual(SimpleTableAgreementTests.Dump(full), SimpleTableAgreementTests.Dump(fast), Shown(plan));
            var spec = SpecParser.Parse("/r/m1/01-a.md", "---\ntitle: A\n---\n\n# A\n\n" + text);
            Assert.AreEqual(CrossingLine(text) is not null, spec.ReadError?.Message.Contains("'|' outside plain tables", StringComparison.Ordinal) == true, Shown(text));
        }, iter: Iterations(80), threads: 1);
    }

    /// <summary>
    /// The 1-based line on which the pipes of the blocks Markdig parses pass the limit, counted on the reference tree in
    /// document order (null when they never do): paragraphs and tables, except the simple tables.
    /// </summary>
    private static int? CrossingLine(string text)
    {
        if (NestingLimit.Check(text) is not null)
        {
            return null;
        }

        MarkdownDocument document;
        try
        {
            document = Markdown.Parse(text, Reference);
        }
        catch (ArgumentException)
        {
            return null;
        }

        // The characters of the counted blocks, each once (Markdig can leave a table and its paragraph over the same text).
        var counted = new bool[text.Length];
        foreach (var block in document.Descendants())
        {
            // A table's cells hold paragraphs of their own; the table's lines are counted as the table.
            if (block is not (ParagraphBlock or Table) || block is ParagraphBlock { Parent: TableCell } || (block is ParagraphBlock p && SimpleTable.IsTable(p)) || block.Span.IsEmpty)
            {
                continue;
            }

            for (var i = Math.Max(0, block.Span.Start); i <= Math.Min(block.Span.End, text.Length - 1); i++)
            {
                counted[i] = true;
            }
        }

        var map = new SourceMap(text);
        var count = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (counted[i] && text[i] == '|' && ++count > PipeLimit.MaxPipes)
            {
                return map.LineOf(i);
            }
        }

        return null;
    }

    private static MarkdownPipeline ReferencePipeline()
    {
        var builder = new MarkdownPipelineBuilder().UsePipeTables().UseTaskLists().UseYamlFrontMatter().UsePreciseSourceLocation();
        builder.BlockParsers.FindExact<ParagraphBlockParser>()!.Closed += SimpleTable.OnParagraphClosed;
        return builder.Build();
    }

    private static string Row(int columns, string cell) => "|" + string.Concat(Enumerable.Repeat(cell + "|", columns));

    private static string Repeat(string s, int length) =>
        s.Length == 0 ? s : string.Concat(Enumerable.Repeat(s, (length / s.Length) + 1)).Substring(0, length);

    private static string Shown(string text) => text.Length > 400 ? text.Substring(0, 200) + $" … ({text.Length} chars) … " + text.Substring(text.Length - 200) : text;
}

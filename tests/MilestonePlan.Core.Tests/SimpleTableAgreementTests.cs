using System.Collections;
using System.Reflection;
using System.Text;
using CsCheck;
using Markdig.Extensions.Tables;
using Markdig.Syntax;
using MilestonePlan.Core.Parsing;

namespace MilestonePlan.Core.Tests;

/// <summary>
/// The simple table reader gives exactly the rows Markdig's table gives, whenever it answers; and a plan parsed with the
/// simple readers (tables and list items) is exactly the plan parsed without them.
/// </summary>
[TestClass]
public sealed class SimpleTableAgreementTests
{
    private static readonly Gen<string> Plain = Gen.OneOfConst("#01", "01", "P0", "Issue 1", "01-issue-1.md", "None", "#01, #02", "M", " ", "",
        "  two  spaces  ", "Login — ünïcode", "emoji 🚀", "`feat/m1-01-x`", "`a_b`", "`<short-name>`", "a `b` c", "a`b`c", "x (y) {z} ~ # : - + = ^ $ % '\"");

    private static readonly Gen<string> Hostile = Gen.OneOf(
        Gen.OneOfConst("#01", "01", "P0", "Issue 1", "01-issue-1.md", "None", "#01, #02", "M", " ", "", "  two  spaces  ", "—", "Login — ünïcode",
            "emoji 🚀", "✅ Done", "`feat/m1-01-x`", "`feat(m1)`", "`a_b`", "`<short-name>`", "`*x*`", "a `b` c", "a`b`c", "`a``b`", "``a``",
            "` a `", "` a`", "`a|b`", "`x", "x`", "`a` `b`", "a\\|b", "\\`", "*em*", "_u_", "a_b", "**b**", "[l](x.md)", "[x]", "![i](p.png)",
            "<b>", "<http://x>", "&amp;", "a & b", "!", "]", "a\tb", "a\u00A0b", "\u00A0", "a\u2003b", "\u0085", "x\u0001", "\uFFFD", "\uD800",
            "\uDC00x", "a~b~", "{x}", ":-", "---", ":---:", "-", "|", "a | b", "#", "> q", "- item", "1. one", "    code", "\u200Bzw", "é",
            "\\\\|", "\\\\\\|", "`\\|`", "\\||", "||||"),
        Gen.String[Gen.Char["ab `|*_[]<&\\!:- #\u00A0é🚀"], 0, 8]);

    /// <summary>Cells of thousands of characters (issue #19); rare, as each costs Markdig milliseconds (PipeLimitPropertyTests has more).</summary>
    private static readonly Gen<string> Huge = Gen.OneOfConst(new string('|', 3_000), string.Concat(Enumerable.Repeat("\\|", 2_000)), new string('a', 5_000), string.Concat(Enumerable.Repeat("`|`", 1_000)));

    private static readonly Gen<string> Cell = Gen.Frequency((6_000, Plain), (1_000, Hostile), (1, Huge));

    private static readonly Gen<string> Delimiter = Gen.Frequency((6, Gen.OneOfConst("---", " --- ", ":---:")), (1, Gen.OneOfConst("---", "-", "--", ":--", "--:", ":-:", " --- ", "", " ", "-:-", "- -", "x", "=", ":", "::")));

    /// <summary>Mostly the template's widths; now and then hundreds of columns or a cell of thousands of pipes (issue #19).</summary>
    private static readonly Gen<string> Table = Gen.Frequency((400, Gen.Int[1, 4]), (1, Gen.Int[5, 600])).SelectMany(columns => Gen.Select(
        Gen.Select(Cell.Array[columns], cells => Row(cells)),
        Gen.OneOf(Gen.Select(Delimiter.Array[columns], cells => Row(cells)), Gen.Select(Delimiter.Array[columns + 1], cells => Row(cells)),
            Gen.Select(Delimiter.Array[Math.Max(1, columns - 1)], cells => Row(cells)), Gen.Const("---|---"), Gen.Const("|---|---")),
        Gen.OneOf(Gen.Select(Cell.Array[columns], cells => Row(cells)), Gen.Select(Cell.Array[1, columns + 1], cells => Row(cells)),
            Gen.Select(Gen.OneOfConst("  ", " ", "x", "\t", "> ", "- "), Cell.Array[columns], (prefix, cells) => prefix + Row(cells)),
            Gen.Select(Cell.Array[columns], Gen.OneOfConst(" ", "  ", "x", " |", "\t"), (cells, suffix) => Row(cells) + suffix),
            Gen.Select(Cell.Array[columns], cells => string.Join("|", cells))).Array[0, 4],
        (header, delimiter, body) => string.Join("\n", new[] { header, delimiter }.Concat(body))));

    private static readonly Gen<string> Item = Gen.Select(
        Gen.OneOfConst("* ", "- ", "1. ", "  * ", "*  ", "+ "),
        Gen.Frequency((4, Gen.OneOfConst("[ ] ", "[x] ", "[X] ", "")), (1, Gen.OneOfConst("[y] ", "[ ]", "[x]a ", "[x]", " [x] ", "[ ]  ", "[\t] "))),
        Gen.Frequency((4, Gen.OneOfConst("#01 — Issue 1", "#02 — Login ✅ (PR #4)", "(none)", "#03 - Title ⛔ — PR #7", "x", "Ünï 🚀 #9",
            "#01 — Title  with  spaces", "#04 — Done ✓", "a (PR #5) b")), (1, Hostile)),
        Gen.OneOfConst("", "", "\n  continued", "\n  - nested", "  "),
        (marker, box, text, tail) => marker + box + text + tail);

    private static readonly Gen<string> Section = Gen.OneOfConst("## Tracking (agent-updated)", "### Completed Issues", "### Open PRs (autopilot)",
        "### Blocked", "### Skipped", "## Milestone Completion Checklist", "## Required Reads", "### Current Phase", "## Overview", "## Notes");

    private static readonly Gen<string> Block = Gen.OneOf(
        Table,
        Table,
        Gen.Select(Section, Item.Array[1, 4], (heading, items) => heading + "\n\n" + string.Join("\n", items)),
        Gen.OneOfConst("# Plan", "## Issue Breakdown by Phase", "### Phase 1: All", "## Tracking (agent-updated)", "### Completed Issues",
            "* [x] #01 — Issue 1", "- item", "  - nested", "text", "**Status:** In Progress", "---", "===", "> quote", "```", "    code",
            "[x]: y.md", "| not | a table |", "1. one", "<div>", string.Empty));

    [TestMethod]
    public void Simple_tables_and_Markdig_tables_agree()
    {
        var accepted = 0;
        var items = 0;
        var total = 0;
        Gen.Select(Block.Array[1, 6], Gen.OneOfConst("\n\n", "\n", "\r\n\r\n", "\r\n", "\r\r"), Gen.Bool)
            .Select((blocks, separator, finalNewline) =>
            {
                var text = string.Join(separator, blocks) + (finalNewline ? "\n" : string.Empty);
                return separator.Contains('\r') ? text.Replace("\n", separator.Substring(0, separator.Length / 2)) : text;
            })
            .Sample(text =>
            {
                total++;
                accepted += Check(text);
                items += SimpleItems(text);
            }, iter: 20_000, threads: 1);

        Assert.IsGreaterThan(total / 20, accepted, $"the simple reader takes the common tables ({accepted} tables in {total} documents)");
        Assert.IsGreaterThan(total / 20, items, $"and the common list items ({items} in {total} documents)");
    }

    [TestMethod]
    public void Template_tables_take_the_simple_reader()
    {
        var plan = "# M1 Implementation Plan\n\n### Phase 1: All\n\n"
            + "| Issue # | Issue File | Title | Priority | Dependencies | Feature Branch | PR Title Token | Est. Size |\n"
            + "|---|---|---|---|---|---|---|---|\n"
            + "| #01 | 01-setup.md | Set up — ünï 🚀 | P0 | None | `feat/m1-01-setup` | `feat(m1)` | M |\n"
            + "| #02 |  | Login | P1 | #01 | `feat/m1-02_login` |  | S |\n";
        Assert.AreEqual(1, Check(plan), "the template's issue table is simple");
        Assert.AreEqual(1, Check(plan.Replace("\n", "\r\n")), "with CRLF line ends too");
    }

    [TestMethod]
    public void Template_tracking_items_take_the_simple_reader()
    {
        const string plan = "# M1\n\n## Tracking (agent-updated)\n\n### Completed Issues\n\n* [x] #01 — Set up ✅ (PR #4)\n* [ ] #02 — Login — ünï 🚀\n\n"
            + "### Open PRs (autopilot)\n\n* (none)\n";
        Assert.IsTrue(MarkdownPipelines.TryParse(plan, MarkdownPipelines.PlanWithSimpleTables, out var document, out _));
        var items = document.Descendants<ParagraphBlock>().Where(p => p.Parent is ListItemBlock).ToList();
        Assert.HasCount(3, items);
        Assert.IsTrue(items.All(SimpleListItem.IsItem), "every template tracking item is simple");
        Check(plan);
        Check(plan.Replace("\n", "\r\n"));
    }

    [TestMethod]
    public void Sample_and_corpus_plans_agree()
    {
        var root = RepositoryPaths.Root;
        var files = Directory.EnumerateFiles(root, "*.md", SearchOption.AllDirectories);
        if (RepositoryPaths.Corpus is { } corpus)
        {
            files = files.Concat(Directory.EnumerateFiles(corpus, "*.md", SearchOption.AllDirectories));
        }

        var tables = 0;
        foreach (var file in files)
        {
            var relative = "/" + Path.GetRelativePath(root, file).Replace('\\', '/');
            if (!relative.Contains("/bin/", StringComparison.Ordinal) && !relative.Contains("/obj/", StringComparison.Ordinal)
                && !relative.StartsWith("/.git", StringComparison.Ordinal))
            {
                tables += Check(File.ReadAllText(file));
            }
        }

        Assert.IsGreaterThan(5, tables, "the repository's own plans have simple tables");
    }

    /// <summary>The number of tables the simple reader took; asserts they agree with Markdig's, and the plans too.</summary>
    private static int Check(string text)
    {
        var shown = text.Replace("\r", "\\r").Replace("\n", "\\n\n");
        var source = MarkdownPipelines.StripBom(text);
        var context = new PlanParseContext("/r/m1/IMPLEMENTATION_PLAN.md", new SourceMap(source));
        var fastRead = MarkdownPipelines.TryParse(source, MarkdownPipelines.PlanWithSimpleTables, out var fast, out var fastError);
        var fullRead = MarkdownPipelines.TryParse(source, MarkdownPipelines.Plan, out var full, out var fullError);
        Assert.AreEqual(fullError, fastError, $"both refuse alike (PipeLimit, NestingLimit):\n{shown}");
        if (!fastRead || !fullRead)
        {
            Assert.AreEqual(Dump(Parsing.PlanParser.Parse("/r/m1/IMPLEMENTATION_PLAN.md", text, simpleTables: false)),
                Dump(Parsing.PlanParser.Parse("/r/m1/IMPLEMENTATION_PLAN.md", text, simpleTables: true)), shown);
            return 0;
        }

        Assert.HasCount(full.Count, fast, shown);
        var taken = 0;
        for (var i = 0; i < fast.Count; i++)
        {
            if (fast[i] is not ParagraphBlock paragraph || !SimpleTable.IsTable(paragraph))
            {
                Assert.AreEqual(full[i].GetType(), fast[i].GetType(), shown);
                continue;
            }

            taken++;
            Assert.IsInstanceOfType<Table>(full[i], $"Markdig reads no table there:\n{shown}");
            Assert.AreEqual(Describe(MarkdigTableRows.Of((Table)full[i], context.Cells)), Describe(SimpleTable.Rows(paragraph, context.Cells)), shown);
        }

        Assert.AreEqual(Dump(Parsing.PlanParser.Parse("/r/m1/IMPLEMENTATION_PLAN.md", text, simpleTables: false)),
            Dump(Parsing.PlanParser.Parse("/r/m1/IMPLEMENTATION_PLAN.md", text, simpleTables: true)), shown);
        return taken;
    }

    private static int SimpleItems(string text) =>
        MarkdownPipelines.TryParse(MarkdownPipelines.StripBom(text), MarkdownPipelines.PlanWithSimpleTables, out var document, out _)
            ? document.Descendants<ParagraphBlock>().Count(SimpleListItem.IsItem)
            : 0;

    private static string Describe(List<TableSourceRow> rows) => string.Join("\n", rows.Select(r =>
        $"row {r.Start}..{r.End}: " + string.Join(" | ", r.Cells.Select(c => $"'{c.Cell.Text}' raw '{c.Cell.Raw}' at {c.Cell.Span} offset {c.Offset}"))));

    /// <summary>Every public property of the model, recursively, as text: two plans read alike print alike.</summary>
    internal static string Dump(object? value)
    {
        var builder = new StringBuilder();
        Write(builder, value, 0);
        return builder.ToString();
    }

    private static void Write(StringBuilder builder, object? value, int depth)
    {
        if (depth > 12 || value is null || value is string || value.GetType().IsPrimitive || value.GetType().IsEnum
            || value.GetType().Namespace?.StartsWith("MilestonePlan", StringComparison.Ordinal) != true && value is not IEnumerable)
        {
            builder.Append(value ?? "null").Append(';');
            return;
        }

        if (value is IEnumerable items)
        {
            builder.Append('[');
            foreach (var item in items)
            {
                Write(builder, item, depth + 1);
            }

            builder.Append(']');
            return;
        }

        builder.Append(value.GetType().Name).Append('{');
        foreach (var property in value.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length == 0)
            {
                builder.Append(property.Name).Append('=');
                Write(builder, property.GetValue(value), depth + 1);
            }
        }

        builder.Append('}');
    }

    private static string Row(IEnumerable<string> cells) => "|" + string.Join("|", cells) + "|";
}

using CsCheck;
using MilestonePlan.Core.Model;
using MilestonePlan.Core.Parsing;

namespace MilestonePlan.Core.Tests;

/// <summary>The line reader of simple specs gives exactly the spec Markdig's tree gives, whenever it answers.</summary>
[TestClass]
public sealed class SimpleSpecAgreementTests
{
    private static readonly Gen<string> Text = Gen.OneOfConst("Works", "Issue 1", "Login — with ünïcode", "a  b ", "Done", "Done:",
        "Acceptance Criteria", "acceptance criteria (v2)", "Definition of done", "x", "2 things", "ends with #", "*bold*", "`code`",
        "[link](x.md)", "a & b", "a\\b", "a | b", "<b>", "Tab\there", "-", "1. one", "x ", "é", "emoji 🚀", "Ünï", "- nested",
        "a_b_c", "a~b", "#", "text  ");

    private static readonly Gen<string> Line = Gen.OneOf(
        Gen.Const(string.Empty),
        Gen.Const("   "),
        Gen.Select(Gen.Int[1, 7], Text, (n, t) => new string('#', n) + " " + t),
        Gen.Select(Gen.Int[1, 3], Text, (n, t) => new string('#', n) + t),
        Gen.Select(Gen.OneOfConst("- [ ] ", "- [x] ", "- [X] ", "- [ ]", "- [y] ", "* [ ] ", "- ", "  - [ ] ", "1. [ ] ", "-  [ ] "), Text, (m, t) => m + t),
        Text,
        Gen.OneOfConst("---", "===", "***", "...", "---  ", "|a|b|", "|---|---|", "    code", "> quote", "<div>", "```", "[x]: y.md"));

    private static readonly Gen<string> FrontMatter = Gen.OneOf(
        Gen.Const(string.Empty),
        Gen.Select(Gen.OneOfConst("title: \"Issue 1\"", "priority: P0", "dependencies: [1, 2]", "labels: [a, b", "", "  - a", "...", "--- x",
            "title: 'x'", "a: b: c", "github_issue:"
        ).Array[0, 4], lines => "---\n" + string.Concat(lines.Select(l => l + "\n")) + "---\n"));

    [TestMethod]
    public void Line_reader_and_Markdig_agree()
    {
        var accepted = 0;
        var total = 0;
        Gen.Select(FrontMatter, Line.Array[0, 14], Gen.OneOfConst("\n", "\r\n"), Gen.Bool)
            .Select((front, lines, newline, finalNewline) =>
                (front + string.Join("\n", lines) + (finalNewline ? "\n" : string.Empty)).Replace("\n", newline))
            .Sample(text =>
            {
                total++;
                if (Check(text))
                {
                    accepted++;
                }
            }, iter: 20_000, threads: 1);

        Assert.IsGreaterThan(total / 20, accepted, $"the line reader takes the common shapes ({accepted} of {total})");
    }

    [TestMethod]
    public void Template_shaped_specs_take_the_line_reader()
    {
        const string spec = "---\ntitle: \"Issue 3\"\npriority: P0\ndependencies: [2]\n---\n\n# Issue 3\n\n## Done Definition\n\nDone.\n\n"
            + "## Acceptance Criteria\n\n- [ ] Works\n- [x] Also works\n";
        Assert.IsTrue(Check(spec), "the template's spec is simple");
        Assert.IsTrue(Check(spec.TrimEnd('\n')), "without a final newline too");
    }

    [TestMethod]
    public void Sample_and_corpus_specs_agree()
    {
        var root = RepositoryPaths.Root;
        var checkedFiles = 0;
        var files = Directory.EnumerateFiles(root, "*.md", SearchOption.AllDirectories);
        if (RepositoryPaths.Corpus is { } corpus)
        {
            files = files.Concat(Directory.EnumerateFiles(corpus, "*.md", SearchOption.AllDirectories));
        }

        foreach (var file in files)
        {
            var relative = "/" + Path.GetRelativePath(root, file).Replace('\\', '/');
            if (relative.Contains("/bin/", StringComparison.Ordinal) || relative.Contains("/obj/", StringComparison.Ordinal)
                || relative.StartsWith("/.git", StringComparison.Ordinal))
            {
                continue;
            }

            Check(File.ReadAllText(file));
            checkedFiles++;
        }

        Assert.IsGreaterThan(10, checkedFiles);
    }

    /// <summary>True when the line reader answered (and then agreed with Markdig).</summary>
    private static bool Check(string text)
    {
        var source = MarkdownPipelines.StripBom(text);
        var map = new SourceMap(source);
        if (SimpleSpec.TryRead("/r/01-x.md", map) is not { } fast)
        {
            return false;
        }

        var full = SpecParser.ParseWithMarkdig("/r/01-x.md", source, map);
        var shown = text.Replace("\r", "\\r").Replace("\n", "\\n\n");
        Assert.AreEqual(Describe(full), Describe(fast), shown);
        return true;
    }

    private static string Describe(IssueSpec spec) => string.Join("\n",
        $"path {spec.Path}",
        $"front matter span {spec.FrontMatterSpan}",
        $"front matter error {spec.FrontMatterError?.Id} {spec.FrontMatterError?.Span} {spec.FrontMatterError?.Message}",
        $"read error {spec.ReadError?.Id} {spec.ReadError?.Message}",
        string.Join("\n", spec.FrontMatter.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p =>
            $"fm {p.Key} = {p.Value.Scalar ?? "(null)"} [{(p.Value.Items is null ? "(null)" : string.Join("|", p.Value.Items))}] {p.Value.Span}")),
        $"title {Cell(spec.Title)}",
        $"done {Cell(spec.DoneDefinition)}",
        $"acceptance {Cell(spec.AcceptanceCriteria)}",
        string.Join("\n", spec.AcceptanceItems.Select(i => "item " + Cell(i))));

    private static string Cell(TextCell? cell) => cell is null ? "(none)" : $"'{cell.Text}' raw '{cell.Raw}' at {cell.Span}";
}

using CsCheck;
using MilestonePlan.Core.Model;

namespace MilestonePlan.Core.Tests.EditProperties;

/// <summary>
/// What a reviewer (or whoever can open a PR) may put in a code review's findings, built to break the findings format:
/// line breaks of every kind, the grammar's own markers (`(score:`, `, line:`), Markdown that starts a block inside a
/// list item (`# `, `> `, `[a]: b`, fences, HTML), other rows' numbers, pipes, non-ASCII digits, and huge text.
/// </summary>
internal static class ReviewInputs
{
    private static readonly string[] Pieces =
    [
        "SQL", "built from", "`input`", "[#02]", "#03", "#101", "|", "a|b", "(x)", "[link](../x.md)", "**bold**", "_it_", "٣", "१२", "٠١", "—", " - ",
        "(score: 5)", "(Score:", ", line: 3", ", file: x", ")", "(", "\n", "\r\n", "\r", "\u2028", "\u0085", "\t", " ", "  ", "<div>", "<!--", "# ",
        "1. ", "> ", "```", "\\", "&amp;", "ü", "🚀", "[a]: b", "*", "_", "[x]", "[ ] ", "PR #9", "plan #02", "✅", "⛔", "\uFEFF",
    ];

    /// <summary>A finding's words: a few pieces, plain words, or one piece repeated into a huge line.</summary>
    public static readonly Gen<string> Text = Gen.Frequency(
        (6, Gen.OneOfConst(Pieces).Array[1, 6].Select(p => string.Concat(p).Trim(' '))),
        (3, Gen.String[Gen.Char['a', 'z'], 1, 40]),
        (1, Gen.Select(Gen.OneOfConst("x", "a|b ", "[#02] ", "٣", "🚀"), Gen.Int[2_000, 20_000], (piece, count) => string.Concat(Enumerable.Repeat(piece, count / piece.Length)).Trim())),
        (1, Gen.OneOfConst(Pieces)));

    private static readonly Gen<string?> File = Gen.Frequency(
        (4, Gen.OneOfConst<string?>("src/Export.cs", "a b.cs", "C:\\x\\y.cs", "ü/ñ.cs", "docs/[x].md", "`f`", "|p|", "x)", "#02")),
        (2, Gen.Const((string?)null)),
        (1, Gen.OneOfConst<string?>("", " a", "a, line: 3", "(score: 1)", "a\nb", "a\rb", "٣.cs")));

    private static readonly Gen<int?> Line = Gen.Frequency(
        (4, Gen.Int[1, 5_000].Select(n => (int?)n)), (2, Gen.Const((int?)null)), (1, Gen.OneOfConst<int?>(0, -1, int.MaxValue)));

    private static readonly Gen<int> Score = Gen.Frequency((8, Gen.Int[0, 100]), (1, Gen.OneOfConst(-1, 101, int.MinValue)));

    /// <summary>What a well-behaved reviewer writes (already one line, as the workflow passes it): the edit must not be refused for it.</summary>
    private static readonly Gen<ReviewFinding> Plain = Gen.Select(
        Gen.OneOfConst(Pieces.Where(p => !p.Any(char.IsControl) && !p.Contains('\u2028') && !p.Contains("(score", StringComparison.OrdinalIgnoreCase)).ToArray()).Array[1, 4]
            .Select(p => string.Join(" ", p.Select(x => x.Trim())).Trim()),
        Gen.Int[0, 100], Gen.OneOfConst<string?>("src/Export.cs", "a b.cs", "ü/ñ.cs", "|p|", null), Gen.Int[1, 5_000],
        (text, score, file, line) => new ReviewFinding(text, score, file, file is null ? null : line));

    public static readonly Gen<ReviewFinding> Finding = Gen.Frequency(
        (2, Plain), (1, Gen.Select(Text, Score, File, Line, (text, score, file, line) => new ReviewFinding(text, score, file, line))));

    /// <summary>Mostly one to three findings; sometimes none (refused), sometimes many.</summary>
    public static readonly Gen<ReviewFinding[]> Findings = Gen.Frequency((8, Finding.Array[1, 3]), (1, Gen.Const(Array.Empty<ReviewFinding>())), (1, Finding.Array[4, 25]));

    public static readonly Gen<int> PullRequest = Gen.Frequency((8, Gen.Int[1, 99_999]), (1, Gen.OneOfConst(0, -3)));

    public static readonly Gen<string> Date = Gen.Frequency(
        (6, Gen.OneOfConst("2026-12-01T10:00:00Z", "2026-12-01", "2026-12-01 10:00 UTC")),
        (1, Gen.OneOfConst("", "a\nb", "[x](y)", " x", "٢٠٢٦", "x\r", "#02", "| a |")));

    public static readonly Gen<ReviewSummary> Summary = Gen.Frequency(
        (2, Gen.Const(ReviewSummary.Pending)), (2, Gen.Const(ReviewSummary.NoIssues)), (3, Gen.Int[0, 1_000].Select(ReviewSummary.Found)));
}

using MilestonePlan.Core.Model;

namespace MilestonePlan.Core.Parsing;

/// <summary>
/// The template's two code-review formats (issue #22), written down once for the editor that writes them and the
/// read-back that reads them:
/// <code>
/// * [PR #12](url) — Title (#207)                  Open PRs, enhanced
///   - Code Review: ✓ No issues | ⚠ {N} issues found | ⏳ Pending
///
/// * **#207** (plan #03) — Title                   Blocked / Needs Review, code-review findings
///   - Reason: Code review found {count} critical issues (PR #{pr})
///   - Findings:
///     1. {text} (score: {N}, file: {path}, line: {N})
///   - Fix: Address critical issues before continuing
///   - PR: #{pr}
///   - Blocked Date: {date}
/// </code>
/// A finding's file and line are left out when the reviewer gave none (`text (score: 40)`). One issue is `1 issue`.
/// Reading takes the source as written (<see cref="TextCell.Raw"/>), so a reviewer's backticks and brackets read back.
/// </summary>
internal static class CodeReviewText
{
    public const string CodeReviewLabel = "Code Review";
    public const string ReasonLabel = "Reason";
    public const string FindingsLabel = "Findings";
    public const string FixLabel = "Fix";
    public const string PullRequestLabel = "PR";
    public const string BlockedDateLabel = "Blocked Date";

    /// <summary>The Fix line of the template.</summary>
    public const string FixText = "Address critical issues before continuing";

    private const string Score = "(score: ";
    private const string FileSeparator = ", file: ";
    private const string LineSeparator = ", line: ";

    public static string Format(ReviewSummary summary) => summary.Outcome switch
    {
        ReviewOutcome.NoIssues => "✓ No issues",
        ReviewOutcome.IssuesFound => $"⚠ {Count(summary.Issues, "issue")} found",
        _ => "⏳ Pending",
    };

    /// <summary>A Code Review value as the template and agents write it (U+FE0F aside); null when it is none of the three.</summary>
    public static ReviewSummary? ParseSummary(string value)
    {
        var text = value.Replace("\uFE0F", string.Empty).Trim();
        var glyph = text.Length > 0 && text[0] is '✓' or '✔' or '⏳' or '⚠' ? text[0] : ' ';
        var words = text.TrimStart(glyph).Trim().ToLowerInvariant();
        if (glyph == '⚠')
        {
            var digits = AsciiNumber.CountDigits(words);
            return AsciiNumber.Leading(words) is { } count && words.Substring(digits).Trim() is "issue found" or "issues found"
                ? ReviewSummary.Found(count) : null;
        }

        return (glyph, words) switch
        {
            ('✓' or '✔' or ' ', "no issues" or "no issues found") => ReviewSummary.NoIssues,
            ('⏳' or ' ', "pending") => ReviewSummary.Pending,
            _ => null,
        };
    }

    /// <summary>What an Open PRs entry's `- Code Review:` line says; null when it has none (or one that says nothing readable).</summary>
    public static ReviewSummary? SummaryOf(TrackingEntry entry) => Detail(entry, CodeReviewLabel) is { } line ? ParseSummary(line.Value) : null;

    /// <summary>The first line of a code-review stop: the GitHub number first when the row has one, `(plan #N)` naming the row.</summary>
    public static string Heading(IssueRow row) => row.GitHubNumber is { } gh
        ? $"* **#{gh}** (plan {row.Number}) — {row.TitleText}"
        : $"* **{row.Number}** — {row.TitleText}";

    public static string Reason(int critical, int pullRequest) => $"Code review found {Count(critical, "critical issue")} (PR #{pullRequest})";

    public static string Format(ReviewFinding finding) => finding.Text + (finding.Text.Length > 0 ? " " : string.Empty) + Score + finding.Score
        + (finding.File is { } file ? FileSeparator + file : string.Empty)
        + (finding.Line is { } line ? LineSeparator + line : string.Empty) + ")";

    /// <summary>`text (score: N[, file: path][, line: N])`, split at its last `(score: `; null when the line is not one.</summary>
    public static ReviewFinding? ParseFinding(string raw)
    {
        var at = raw.LastIndexOf(Score, StringComparison.Ordinal);
        if (at < 0 || !raw.EndsWith(")", StringComparison.Ordinal) || (at > 0 && raw[at - 1] != ' '))
        {
            return null;
        }

        var inner = raw.Substring(at + Score.Length, raw.Length - at - Score.Length - 1);
        var digits = AsciiNumber.CountDigits(inner);
        if (digits is 0 or > 3 || !AsciiNumber.TryParse(inner, 0, digits, out var score))
        {
            return null;
        }

        var rest = inner.Substring(digits);
        string? file = null;
        int? line = null;
        if (rest.StartsWith(FileSeparator, StringComparison.Ordinal))
        {
            // The file runs to the last `, line: N` (or to the end): a path holding `, line: ` is never written.
            var tail = rest.Substring(FileSeparator.Length);
            var lineAt = tail.LastIndexOf(LineSeparator, StringComparison.Ordinal);
            line = lineAt >= 0 ? LineNumber(tail.Substring(lineAt + LineSeparator.Length)) : null;
            file = line is null ? tail : tail.Substring(0, lineAt);
        }
        else if (rest.Length > 0)
        {
            line = rest.StartsWith(LineSeparator, StringComparison.Ordinal) ? LineNumber(rest.Substring(LineSeparator.Length)) : null;
            if (line is null)
            {
                return null;
            }
        }

        return new ReviewFinding(at == 0 ? string.Empty : raw.Substring(0, at - 1), score, file, line);
    }

    /// <summary>
    /// Why <paramref name="finding"/> would not read back as itself, or null: the reviewer's words are untrusted, and the
    /// editor refuses rather than write a finding that reads back otherwise. One line each, no spaces at either end
    /// (Markdown drops them), no `(score:` in the words or file and no `, line:` in the file (the grammar's markers), a
    /// score 0–100, a file that is null or not empty, a line from 1.
    /// </summary>
    public static string? Unwritable(ReviewFinding finding)
    {
        return finding switch
        {
            { Score: < 0 or > 100 } => $"its score {finding.Score} is not 0–100",
            { Line: <= 0 } => $"its line {finding.Line} is not a line number",
            { File.Length: 0 } => "its file is empty (null when it names none)",
            _ when finding.Text is null => "it has no text",
            _ when OneLine(finding.Text, "its text") is { } why => why,
            _ when finding.File is { } file && OneLine(file, "its file") is { } why => why,
            _ when finding.Text.IndexOf(Score.TrimEnd(), StringComparison.OrdinalIgnoreCase) >= 0 => "its text holds '(score:', which would read as its score",
            _ when finding.File is { } file && (file.IndexOf(Score.TrimEnd(), StringComparison.OrdinalIgnoreCase) >= 0
                || file.IndexOf(LineSeparator.TrimEnd(), StringComparison.OrdinalIgnoreCase) >= 0) => "its file holds '(score:' or ', line:', which would read as the score or line",
            _ => null,
        };
    }

    /// <summary>Why <paramref name="text"/> is not one plan line as written (a line break or control character, spaces at an end), or null.</summary>
    public static string? OneLine(string text, string what) =>
        text.Any(c => char.IsControl(c) || c is '\u2028' or '\u2029') ? $"{what} holds a line break or control character"
        : text.Length > 0 && (char.IsWhiteSpace(text[0]) || char.IsWhiteSpace(text[text.Length - 1])) ? $"{what} starts or ends with white space"
        : null;

    /// <summary>The nested lines of a code-review stop, two columns in as under a `* ` entry, in the template's order.</summary>
    public static IReadOnlyList<string> Lines(ReviewStop stop)
    {
        var lines = new List<string>();
        if (stop.Reason is { } reason)
        {
            lines.Add($"  - {ReasonLabel}: {reason}");
        }

        lines.Add($"  - {FindingsLabel}:");
        lines.AddRange(stop.Findings.Select((f, i) => $"    {i + 1}. {Format(f)}"));
        if (stop.Fix is { } fix)
        {
            lines.Add($"  - {FixLabel}: {fix}");
        }

        if (stop.PullRequest is { } pr)
        {
            lines.Add($"  - {PullRequestLabel}: #{pr}");
        }

        if (stop.BlockedDate is { } date)
        {
            lines.Add($"  - {BlockedDateLabel}: {date}");
        }

        return lines;
    }

    /// <summary>
    /// A string equal for two stops exactly when all their parts are: what a read-back compares. Not the written lines,
    /// which two different stops can share (a file ending in `, line: 9` and no line, against that file and line 9);
    /// the separators are control characters, which no part the editor writes may hold.
    /// </summary>
    public static string Identity(ReviewStop stop) => string.Join("\u0001",
        new[] { stop.Reason ?? "\u0003", stop.Fix ?? "\u0003", stop.PullRequest?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "\u0003", stop.BlockedDate ?? "\u0003" }
            .Concat(stop.Findings.Select(f => string.Join("\u0002", f.Text, f.Score.ToString(System.Globalization.CultureInfo.InvariantCulture), f.File ?? "\u0003",
                f.Line?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "\u0003"))));

    /// <summary>A Blocked entry in the code-review findings format; null when it has no `- Findings:` line. Findings that do not read are left out.</summary>
    public static ReviewStop? StopOf(TrackingEntry entry)
    {
        if (Detail(entry, FindingsLabel) is not { } findings)
        {
            return null;
        }

        var pr = Detail(entry, PullRequestLabel)?.Value is { } value && value.StartsWith("#", StringComparison.Ordinal) && AsciiNumber.TryParse(value.Substring(1), out var n) ? n : (int?)null;
        return new ReviewStop(Detail(entry, ReasonLabel)?.Value, findings.Items.Select(i => ParseFinding(i.Raw)).OfType<ReviewFinding>().ToList(),
            Detail(entry, FixLabel)?.Value, pr, Detail(entry, BlockedDateLabel)?.Value);
    }

    private static TrackingDetail? Detail(TrackingEntry entry, string label) =>
        entry.Details.FirstOrDefault(d => string.Equals(d.Label, label, StringComparison.OrdinalIgnoreCase));

    private static int? LineNumber(string text) => AsciiNumber.TryParse(text, out var n) ? n : null;

    private static string Count(int count, string noun) => $"{count} {noun}{(count == 1 ? string.Empty : "s")}";
}

using MilestonePlan.Core.Model;

namespace MilestonePlan.Core.Parsing;

/// <summary>
/// Finds the issue numbers a tracking line names: `#01 — Title`, `**#101** (plan #3)`, `[PR #12](...) — Title (#101)`.
/// Numbers that follow `PR` are pull requests, not issues. `plan #N` wins over everything else on the line.
/// </summary>
internal static class IssueReferenceScanner
{
    private static readonly char[] LeadDecoration = [' ', '*', '['];
    private static readonly char[] TrailDecoration = [' ', '.', '*'];

    public static IReadOnlyList<IssueNumber> Scan(string text) => Scan(text, out _);

    /// <summary>
    /// The numbers <paramref name="text"/> names; <paramref name="gitHubIssue"/> is true when the one number is the closing
    /// `(#N)` of a line that starts with a PR: the template's enhanced Open PRs entry names the GitHub issue there.
    /// </summary>
    public static IReadOnlyList<IssueNumber> Scan(string text, out bool gitHubIssue)
    {
        gitHubIssue = false;
        var plan = new List<IssueNumber>();
        var other = new List<IssueNumber>();
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] != '#')
            {
                continue;
            }

            var j = i + 1 + AsciiNumber.CountDigits(text, i + 1);
            if (j - i > 10 || !AsciiNumber.TryParse(text, i + 1, j - i - 1, out var value))
            {
                // No digits, or too many to be an issue number: the digits are skipped whole, so no tail of
                // `#99999999999999999999` is read as a number either.
                i = j - 1;
                continue;
            }

            var number = new IssueNumber(value);
            var before = PreviousWord(text, i);
            if (before is "pr" or "pull" or "prs" or "request")
            {
                continue;
            }

            (before == "plan" ? plan : other).Add(number);
            i = j - 1;
        }

        if (plan.Count > 0)
        {
            return plan;
        }

        // The grammar says where the issue is (TrackingEntryGrammar): a line that starts with a number names that issue,
        // and a line that starts with a PR names the issue in its closing "(#N)"; numbers inside the title ("Fix #12
        // crash") are not references then.
        if (Leading(text) is { } lead)
        {
            return [lead];
        }

        if (StartsWithPullRequest(text) && Trailing(text) is { } trail)
        {
            gitHubIssue = true;
            return [trail];
        }

        return other;
    }

    private static IssueNumber? Leading(string text)
    {
        var i = 0;
        while (i < text.Length && text[i] is ' ' or '*' or '`')
        {
            i++;
        }

        if (i >= text.Length || text[i] != '#')
        {
            return null;
        }

        var digits = AsciiNumber.CountDigits(text, i + 1);
        return digits is > 0 and <= 9 && AsciiNumber.TryParse(text, i + 1, digits, out var value) ? new IssueNumber(value) : null;
    }

    private static bool StartsWithPullRequest(string text)
    {
        var t = text.TrimStart(LeadDecoration);
        return t.StartsWith("PR #", StringComparison.OrdinalIgnoreCase) || t.StartsWith("PR#", StringComparison.OrdinalIgnoreCase)
            || t.StartsWith("Pull request #", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>`... (#207)` at the end of the line (a trailing period or spaces aside).</summary>
    private static IssueNumber? Trailing(string text)
    {
        var t = text.TrimEnd(TrailDecoration);
        if (!t.EndsWith(")", StringComparison.Ordinal))
        {
            return null;
        }

        var open = t.LastIndexOf("(#", StringComparison.Ordinal);
        if (open < 0)
        {
            return null;
        }

        var length = t.Length - 1 - (open + 2);
        return length is > 0 and <= 9 && AsciiNumber.CountDigits(t, open + 2) == length
            && AsciiNumber.TryParse(t, open + 2, length, out var value) ? new IssueNumber(value) : null;
    }

    private static string PreviousWord(string text, int index)
    {
        var end = index;
        while (end > 0 && (text[end - 1] == ' ' || text[end - 1] == '['))
        {
            end--;
        }

        var start = end;
        while (start > 0 && char.IsLetter(text[start - 1]))
        {
            start--;
        }

        return text.Substring(start, end - start).ToLowerInvariant();
    }
}

using MilestonePlan.Core.Model;

namespace MilestonePlan.Core.Parsing;

/// <summary>
/// Finds the issue numbers a tracking line names: `#01 — Title`, `**#101** (plan #3)`, `[PR #12](...) — Title (#101)`.
/// Numbers that follow `PR` are pull requests, not issues. `plan #N` wins over everything else on the line.
/// </summary>
internal static class IssueReferenceScanner
{
    public static IReadOnlyList<IssueNumber> Scan(string text)
    {
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

        return plan.Count > 0 ? plan : other;
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

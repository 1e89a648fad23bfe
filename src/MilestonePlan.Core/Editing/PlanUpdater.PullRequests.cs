using MilestonePlan.Core.Model;
using MilestonePlan.Core.Parsing;

namespace MilestonePlan.Core.Editing;

/// <summary>The Open PRs entries: one per open PR, its Status line saying what GitHub last reported.</summary>
internal sealed partial class PlanUpdater
{
    private const string StatusLabel = "Status:";

    /// <summary>
    /// An entry under Open PRs for <paramref name="row"/>, in the template's enhanced format: the PR, the title, the
    /// issue (its GitHub number where known), and, when known, nested Status, Code Review and Created lines. A rerun
    /// finds the entry an earlier run wrote (never a second one) and only brings its Status and Code Review up to date.
    /// </summary>
    public IEnumerable<LineEdit> AddOpenPullRequest(IssueRow row, int number, string url, CheckState checks = CheckState.Unknown,
        DateTimeOffset? created = null, ReviewSummary? review = null)
    {
        RequireUnambiguous(row);
        if (Plan.Tracking.OpenPullRequests is not { } list)
        {
            return [];
        }

        if (EntriesOf(list, row).FirstOrDefault() is { } earlier)
        {
            return RefreshStatus(earlier, row, checks).Concat(review is null ? [] : SetCodeReview(row, review)).ToList();
        }

        // The closing `(#N)` reads as a GitHub number first: a row without one whose plan number another row has as its
        // GitHub number says `(plan #03)`, the one note that always names the plan's row.
        var issue = row.GitHubNumber is { } gh ? $"#{gh}"
            : Plan.GitHubClaims().Any(g => g.Key == row.Number.Value) ? $"plan {row.Number}" : row.Number.ToString();
        var details = new List<string>();
        if (checks != CheckState.Unknown)
        {
            details.Add("  - " + StatusLabel + " " + StatusText(checks));
        }

        var why = $"{row.Number}: PR #{number} open";
        if (review is not null)
        {
            var value = CodeReviewText.Format(review);
            details.Add("  - " + CodeReviewText.CodeReviewLabel + ": " + value);
            Intend(EditIntent.ForRow(IntentKind.CodeReview, row, list.Heading.Span.Line, why, value));
        }

        if (created is { } at)
        {
            details.Add("  - Created: " + at.UtcDateTime.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        }

        Intend(EditIntent.ForRow(IntentKind.OpenPullRequest, row, list.Heading.Span.Line, why));
        return lists.Add(list, $"* [PR #{number}]({url}) — {row.TitleText} ({issue})", why, details);
    }

    /// <summary>The issue's Open PRs entry removed: GitHub has no open PR for it (closed, or not found).</summary>
    public IEnumerable<LineEdit> RemoveOpenPullRequest(IssueRow row)
    {
        RequireUnambiguous(row);
        return RemoveFrom(Plan.Tracking.OpenPullRequests, row, IntentKind.NoOpenPullRequest, $"{row.Number}: no open PR on GitHub");
    }

    /// <summary>The template's Status values.</summary>
    public static string StatusText(CheckState checks) => checks switch
    {
        CheckState.Passing => "✓ Checks passing",
        CheckState.Failing => "⚠ Failing",
        _ => "⏳ Checks pending",
    };

    /// <summary>
    /// The entry's nested `Status:` value replaced when GitHub now reports otherwise (a Status line added under the entry
    /// when it has none): an entry that said "✓ Checks passing" must not stay so once the checks fail.
    /// </summary>
    private IEnumerable<LineEdit> RefreshStatus(TrackingEntry entry, IssueRow row, CheckState checks)
    {
        if (checks == CheckState.Unknown)
        {
            return [];
        }

        var why = $"{row.Number}: PR checks {StatusText(checks)}";
        var wanted = StatusText(checks);
        var first = entry.Line.Span.EndLine;
        for (var n = first + 1; n <= lists.EntryEnd(entry.Line.Span.Line); n++)
        {
            var line = lines[n];
            var trimmed = line.TrimStart();
            if (trimmed.Length < 2 || trimmed[0] is not ('-' or '*' or '+') || trimmed[1] != ' ')
            {
                continue;
            }

            var label = line.IndexOf(StatusLabel, line.Length - trimmed.Length + 2, StringComparison.Ordinal);
            if (label < 0 || line.Substring(line.Length - trimmed.Length + 2, label - (line.Length - trimmed.Length + 2)).Trim().Length > 0)
            {
                continue;
            }

            if (line.Substring(label + StatusLabel.Length).Trim() == wanted)
            {
                return [];
            }

            Intend(EditIntent.ForRow(IntentKind.OpenPullRequest, row, n, why));
            return [LineEdit.Replace(n, line.Substring(0, label + StatusLabel.Length) + " " + wanted, why)];
        }

        Intend(EditIntent.ForRow(IntentKind.OpenPullRequest, row, first, why));
        return [LineEdit.InsertAfter(first, [TrackingListEditor.Indent(lines[entry.Line.Span.Line]) + "  - " + StatusLabel + " " + wanted], why)];
    }
}

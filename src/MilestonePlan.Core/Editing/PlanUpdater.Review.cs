using MilestonePlan.Core.Model;
using MilestonePlan.Core.Parsing;

namespace MilestonePlan.Core.Editing;

/// <summary>
/// The code-review gate's entries (issue #22), in the template's formats (<see cref="CodeReviewText"/>): the Code Review
/// line of an Open PRs entry, and a Blocked entry listing the critical findings. A reviewer's words are untrusted: the
/// caller makes each one line, and what would still not read back as given is refused here, never written.
/// </summary>
internal sealed partial class PlanUpdater
{
    /// <summary>
    /// The `- Code Review:` line of the issue's Open PRs entry says <paramref name="summary"/>: its value replaced, or the line
    /// added under the entry (after its Status line when it has one, as the template orders them). An issue without an
    /// Open PRs entry gets nothing: <see cref="AddOpenPullRequest"/> takes the review for a new entry.
    /// </summary>
    public IEnumerable<LineEdit> SetCodeReview(IssueRow row, ReviewSummary summary)
    {
        RequireUnambiguous(row);
        if (EntriesOf(Plan.Tracking.OpenPullRequests, row).FirstOrDefault() is not { } entry)
        {
            return [];
        }

        var value = CodeReviewText.Format(summary);
        var why = $"{row.Number}: code review {value}";
        var current = entry.Details.FirstOrDefault(d => string.Equals(d.Label, CodeReviewText.CodeReviewLabel, StringComparison.OrdinalIgnoreCase));
        if (current is not null && current.Value == value && current.Line.Span.EndLine == current.Line.Span.Line)
        {
            return [];
        }

        if (current is null)
        {
            var status = entry.Details.FirstOrDefault(d => string.Equals(d.Label, StatusLabel.TrimEnd(':'), StringComparison.OrdinalIgnoreCase));
            // After the Status line and anything nested under it; else right under the entry, as the template orders them.
            var after = status is null ? entry.Line.Span.EndLine : lists.EntryEnd(status.Line.Span.Line);
            var indent = status is null ? TrackingListEditor.Indent(lines[entry.Line.Span.Line]) + "  - " : Prefix(lines[status.Line.Span.Line]);
            Intend(EditIntent.ForRow(IntentKind.CodeReview, row, after, why, value));
            return [LineEdit.InsertAfter(after, [indent + CodeReviewText.CodeReviewLabel + ": " + value], why)];
        }

        var line = current.Line.Span.Line;
        if (current.Line.Span.EndLine != line)
        {
            throw Refuse(line, $"{row.Number}: its Code Review line runs on to the next line, so where its value ends is not known");
        }

        // After the label's colon, and the `**` closing a bold label: only the value changes.
        var text = lines[line];
        var colon = current.Line.Span.Column - 1 + current.Line.Raw.IndexOf(':') + 1;
        while (colon < text.Length && text[colon] is '*' or '_')
        {
            colon++;
        }

        Intend(EditIntent.ForRow(IntentKind.CodeReview, row, line, why, value));
        return [LineEdit.Replace(line, text.Substring(0, colon) + " " + value, why)];
    }

    /// <summary>
    /// A hard stop under Blocked / Needs Review in the template's code-review findings format: the issue (GitHub number
    /// and `(plan #N)`), the Reason naming how many critical findings PR <paramref name="pullRequest"/> has, each finding
    /// numbered with its score, file and line, the Fix, the PR and <paramref name="date"/>. One entry per issue: a rerun
    /// (or an earlier stop of the issue in any format) is replaced with what is nested under it. Refused when a finding,
    /// the PR or the date would not read back as given (<see cref="CodeReviewText.Unwritable"/>).
    /// </summary>
    public IEnumerable<LineEdit> RecordReviewFindings(IssueRow row, int pullRequest, IReadOnlyList<ReviewFinding> findings, string date)
    {
        RequireUnambiguous(row);
        if (Plan.Tracking.Blocked is not { } list)
        {
            return [];
        }

        var at = list.Heading.Span.Line;
        var problem = pullRequest <= 0 ? $"PR #{pullRequest} is not a PR number"
            : findings.Count == 0 ? "there are no findings to record"
            : date is null ? "there is no date" : CodeReviewText.OneLine(date, "the date");
        for (var i = 0; problem is null && i < findings.Count; i++)
        {
            problem = findings[i] is null ? $"finding {i + 1} is missing" : CodeReviewText.Unwritable(findings[i]) is { } why ? $"finding {i + 1}: {why}" : null;
        }

        if (problem is not null)
        {
            throw Refuse(at, $"{row.Number}: the code review's findings are not recorded: {problem}");
        }

        var stop = new ReviewStop(CodeReviewText.Reason(findings.Count, pullRequest), findings, CodeReviewText.FixText, pullRequest, date);
        var nested = CodeReviewText.Lines(stop);
        var reason = $"{row.Number} stopped: code review found {findings.Count} critical finding(s) on PR #{pullRequest}";
        Intend(EditIntent.ForRow(IntentKind.Stopped, row, at, reason));
        Intend(EditIntent.ForRow(IntentKind.ReviewFindings, row, at, reason, CodeReviewText.Identity(stop)));
        var heading = CodeReviewText.Heading(row);
        return EntriesOf(list, row).FirstOrDefault() is { } earlier ? lists.Replace(earlier, heading, reason, nested) : lists.Add(list, heading, reason, nested);
    }

    /// <summary>A nested line's indentation and bullet (`  - `), for a sibling written under it.</summary>
    private static string Prefix(string line) => TrackingListEditor.Indent(line) + TrackingListEditor.Bullet(line) + " ";
}

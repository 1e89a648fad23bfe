using System.Diagnostics;
using CsCheck;
using MilestonePlan.Core.Editing;
using MilestonePlan.Core.Model;
using MilestonePlan.Core.Parsing;
using MilestonePlan.Core.Planning;
using MilestonePlan.Core.Selection;

namespace MilestonePlan.Core.Tests.EditProperties;

/// <summary>
/// Property, beside <see cref="EveryEditReadsBackTests"/>, over the code-review gate's edits (issue #22) on the plans of
/// <see cref="EditInputs"/> and the reviewer text of <see cref="ReviewInputs"/>: SetCodeReview reads back as the summary
/// given; RecordReviewFindings reads back as a stop with exactly the findings, PR and date given; no other row, field or
/// line changes. Or the edit is refused (naming the file and a line), and then nothing was written — never a plan that
/// reads back otherwise. 2,000 cases per run; MILESTONEPLAN_EDIT_ITERATIONS for the long run by hand.
/// </summary>
[TestClass]
public sealed class ReviewEditsReadBackTests
{
    private const string Path = "/repo/docs/03-build-notes/m1/IMPLEMENTATION_PLAN.md";

    private static int Iterations => EditInputs.Iterations;

    [TestMethod]
    public void Every_review_edit_reads_back_or_is_refused()
    {
        var counts = new Dictionary<string, int>();
        var reasons = new Dictionary<string, int>();
        var clock = Stopwatch.StartNew();
        Gen.Select(EditInputs.Plan, Gen.Bool, Gen.Int[0, 3], Gen.Bool, ReviewInputs.Summary,
            Gen.Select(ReviewInputs.PullRequest, ReviewInputs.Findings, ReviewInputs.Date)).Sample((text, findings, pick, withEntry, summary, stop) =>
        {
            var before = PlanParser.Parse(Path, text);
            // Half the Code Review edits go to an issue that has an Open PRs entry, when one has.
            var row = !findings && withEntry && PlanStatus.Of(before).Issues.FirstOrDefault(i => i.Facts.OpenPullRequest is not null) is { } listed
                ? listed.Row : before.Issues.ElementAtOrDefault(pick);
            if (row is null)
            {
                return;
            }

            var op = findings ? "findings" : "code review";
            PlanTransition transition;
            try
            {
                transition = findings
                    ? PlanTransition.Edit(Path, text, (u, p) => u.RecordReviewFindings(Same(p, row), stop.Item1, stop.Item2, stop.Item3))
                    : PlanTransition.Edit(Path, text, (u, p) => u.SetCodeReview(Same(p, row), summary));
            }
            catch (EditRefusedException refused)
            {
                Assert.AreEqual(Path, refused.Path);
                Assert.IsTrue(refused.Line >= 0 && refused.Line <= EditOracle.Lines(text).Count + 1, refused.Message);
                Count(counts, op + " refused");
                Count(reasons, System.Text.RegularExpressions.Regex.Replace(refused.Reason, "[0-9#'].*?( |$)", "_ "));
                return;
            }

            Count(counts, op + (transition.HasChanges ? " edited" : " unchanged"));
            var issueBefore = PlanStatus.Of(before).Issues.First(i => i.Row.Order == row.Order);
            var context = $"{op} of {row.Number} in:\n{EditOracle.Escape(text)}\n\nafter:\n{EditOracle.Escape(transition.After)}";
            if (!transition.HasChanges)
            {
                // Nothing to do: no section (or no Open PRs entry) to write in, or it says so already.
                Assert.AreEqual(text, transition.After);
                Assert.IsTrue(findings ? before.Tracking.Blocked is null || Holds(issueBefore, stop) is null
                    : issueBefore.Facts.OpenPullRequest is not { } open || CodeReviewText.SummaryOf(open) == summary, context);
                return;
            }

            var after = PlanParser.Parse(Path, transition.After);
            Assert.IsNull(EditOracle.LostLine(text, transition.After, EditOracle.TrackingLines(before, text, row)), context);
            var issue = PlanStatus.Of(after).Issues.First(i => i.Row.Order == row.Order);
            if (findings)
            {
                Assert.IsNull(Holds(issue, stop), context);
            }
            else
            {
                Assert.AreEqual(summary, CodeReviewText.SummaryOf(issue.Facts.OpenPullRequest!), context);
                Assert.AreEqual(issueBefore.State, issue.State, context);
            }

            Assert.IsNull(NothingElse(before, after, row), context);
        }, iter: Iterations, threads: 1);
        Console.WriteLine($"review edits: {Iterations} cases in {clock.Elapsed.TotalSeconds:F1} s: {string.Join(", ", counts.OrderBy(c => c.Key).Select(c => $"{c.Value} {c.Key}"))}");
        Console.WriteLine("refused: " + string.Join("\n  ", reasons.OrderByDescending(r => r.Value).Select(r => $"{r.Value} × {r.Key}")));
        Assert.IsTrue(counts.GetValueOrDefault("findings edited") > Iterations / 20 && counts.GetValueOrDefault("code review edited") > Iterations / 20,
            "too few cases edited anything: " + string.Join(", ", counts));
    }

    private static IssueRow Same(PlanDocument plan, IssueRow row) => plan.Issues.First(r => r.Order == row.Order);

    /// <summary>Null when the issue's Blocked entry reads as a stop for exactly these findings, this PR and this date (a done issue stays done).</summary>
    private static string? Holds(IssueStatus issue, (int Pr, ReviewFinding[] Findings, string Date) stop) =>
        issue.State is not (IssueState.Stopped or IssueState.Done) ? $"the issue reads as {issue.State}"
        : issue.Facts.Blocked is not { } blocked || CodeReviewText.StopOf(blocked) is not { } read ? "no code-review stop reads back"
        : !read.Findings.SequenceEqual(stop.Findings) ? $"the findings read back as {string.Join(", ", read.Findings)}"
        : (read.PullRequest, read.BlockedDate, read.Fix) != (stop.Pr, stop.Date, CodeReviewText.FixText) ? $"PR, date and fix read back as {(read.PullRequest, read.BlockedDate, read.Fix)}"
        : null;

    /// <summary>Null when no other row reads differently (its state, entries, Code Review and findings) and no field changed.</summary>
    private static string? NothingElse(PlanDocument before, PlanDocument after, IssueRow row)
    {
        var (rowsBefore, fieldsBefore) = EditOracle.Facts(before);
        var (rowsAfter, fieldsAfter) = EditOracle.Facts(after);
        var reviewsBefore = Reviews(before);
        var reviewsAfter = Reviews(after);
        var ordered = before.Issues.ToList();
        if (rowsAfter.Count != rowsBefore.Count)
        {
            return "the number of rows changed";
        }

        for (var i = 0; i < rowsBefore.Count; i++)
        {
            if (ordered[i].Order != row.Order && (rowsBefore[i] != rowsAfter[i] || reviewsBefore[i] != reviewsAfter[i]))
            {
                return $"row {i} changed: {rowsBefore[i]} {reviewsBefore[i]} → {rowsAfter[i]} {reviewsAfter[i]}";
            }
        }

        return fieldsBefore.FirstOrDefault(f => fieldsAfter.GetValueOrDefault(f.Key) != f.Value) is { Key: { } key } changed
            ? $"{key} changed: '{changed.Value}' → '{fieldsAfter.GetValueOrDefault(key)}'" : null;
    }

    private static List<string> Reviews(PlanDocument plan) => PlanStatus.Of(plan).Issues.Select(i =>
        (i.Facts.OpenPullRequest is { } open ? CodeReviewText.SummaryOf(open)?.ToString() : "-") + " / "
        + (i.Facts.Blocked is { } blocked && CodeReviewText.StopOf(blocked) is { } stop
            ? string.Join(" ", stop.Findings) + $" PR {stop.PullRequest} {stop.BlockedDate}" : "-")).ToList();

    private static void Count(Dictionary<string, int> counts, string key) => counts[key] = counts.GetValueOrDefault(key) + 1;
}

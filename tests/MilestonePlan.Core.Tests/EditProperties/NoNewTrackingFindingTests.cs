using System.Text.RegularExpressions;
using CsCheck;
using MilestonePlan.Core.Analysis;
using MilestonePlan.Core.Editing;
using MilestonePlan.Core.Model;
using MilestonePlan.Core.Parsing;
using MilestonePlan.Core.Planning;
using MilestonePlan.Core.Selection;
using MilestonePlan.Core.Tests.Support;

namespace MilestonePlan.Core.Tests.EditProperties;

/// <summary>
/// Property (issue #21): whatever the loop writes validates without an MP5xxx that was not there before. The loop's
/// edits, on the issue it would work on: start it; open its PR; it merged; it stopped (hard or soft); reconcile a
/// merged PR; the fixer; its code review's outcome (issue #22: the Code Review line, or a stop with critical findings). Each edit that changes issue states ends with the one Current Issue move.
/// </summary>
[TestClass]
public sealed class NoNewTrackingFindingTests
{
    private const string Relative = "docs/03-build-notes/m1/IMPLEMENTATION_PLAN.md";
    private static readonly string Path = PlanWorkspace.Root + "/" + Relative;
    private const string Today = "2030-01-02";

    private enum Step { Start, OpenPullRequest, Merged, HardStop, SoftStop, Reconcile, Fixer, CodeReview, ReviewStop }

    /// <summary>What GitHub reports for the PR a reconcile sees: every state of the lifecycle's table.</summary>
    private enum GitHubSays { Merged, Closed, ClosedBranchDeleted, Pending, Passing, Failing, Conflict, Draft, NoAutoMerge, NotFound }

    [TestMethod]
    public void No_edit_of_the_loop_adds_a_tracking_finding()
    {
        var counts = new Dictionary<string, int>();
        Gen.Select(EditInputs.Plan, Gen.Select(Gen.Enum<Step>(), Gen.Enum<GitHubSays>()).Array[1, 4]).Sample((text, steps) =>
        {
            foreach (var (step, says) in steps)
            {
                var before = TrackingFindings(text);
                string after;
                try
                {
                    after = Apply(step, says, text) ?? text;
                }
                catch (EditRefusedException)
                {
                    Count(counts, "refused");
                    return;
                }

                var added = after == text ? [] : TrackingFindings(after).Except(before).ToList();
                Assert.IsEmpty(added, $"{step} added {string.Join(" | ", added)}\nbefore:\n{EditOracle.Escape(text)}\n\nafter:\n{EditOracle.Escape(after)}");
                Count(counts, after == text ? "unchanged" : step == Step.Reconcile ? $"{step} {says}" : step.ToString());
                text = after;
            }
        }, iter: EditInputs.Iterations, threads: 1);
        Console.WriteLine(string.Join(", ", counts.Select(c => $"{c.Value} {c.Key}")));
        Assert.IsTrue(counts.GetValueOrDefault(nameof(Step.HardStop)) > 50 && counts.GetValueOrDefault(nameof(Step.Merged)) > 50
            && counts.GetValueOrDefault(nameof(Step.CodeReview)) > 50 && counts.GetValueOrDefault(nameof(Step.ReviewStop)) > 50, string.Join(", ", counts));
        foreach (var says in Enum.GetValues<GitHubSays>().Where(s => s != GitHubSays.NotFound))
        {
            Assert.IsTrue(counts.GetValueOrDefault($"{Step.Reconcile} {says}") > 5, $"reconcile of {says} changed too few plans: " + string.Join(", ", counts));
        }
    }

    [TestMethod]
    public void When_nothing_is_eligible_Current_Issue_says_None_and_Blockers_says_why()
    {
        var text = SamplePlan.Plan.Replace("* [ ] #02 — Rules", "* [x] #02 — Rules", StringComparison.Ordinal);
        var stopped = PlanTransition.Edit(Path, text, (u, p) => u.RecordStop(p.Find(new IssueNumber(3))!, hard: true, "a migration", "a review"))
            .MoveCurrentToNext(Path, Today).After;

        StringAssert.Contains(stopped, "* **Current Issue:** None\n* **Blockers:** Nothing eligible: #03 stopped (⛔ Needs Review)\n");
        Assert.IsEmpty(TrackingFindings(stopped), string.Join(", ", TrackingFindings(stopped)));

        // Cleared and eligible again: the next move names it and Blockers goes back to None.
        var cleared = PlanTransition.Edit(Path, stopped, (u, p) => u.ClearStops(p.Find(new IssueNumber(3))!)).MoveCurrentToNext(Path, Today).After;
        StringAssert.Contains(cleared, "* **Current Issue:** #03\n* **Blockers:** None\n");
    }

    private static string? Apply(Step step, GitHubSays says, string text)
    {
        var next = NextIssueSelector.Select(PlanParser.Parse(Path, text)).Next;
        if (step == Step.CodeReview)
        {
            return CodeReview(text, next);
        }

        if (next is null && step is not (Step.Fixer or Step.Reconcile))
        {
            return null;
        }

        IssueRow Next(PlanDocument plan) => plan.Issues.First(r => r.Order == next!.Order);
        PlanTransition Then(Func<PlanUpdater, PlanDocument, IEnumerable<LineEdit>> edit) =>
            PlanTransition.Edit(Path, text, edit).MoveCurrentToNext(Path, Today);
        return step switch
        {
            Step.Start => PlanTransition.Edit(Path, text, (u, p) => u.SetCurrent(Next(p)).Concat(u.SetLastUpdated(Today))
                .Concat(MilestoneStatusText.Of(p.Field(FieldKeys.Status)?.Value.Text ?? string.Empty) == "not started" ? u.SetStatus("In Progress") : [])).After,
            Step.OpenPullRequest => Then((u, p) => u.AddOpenPullRequest(Next(p), 7, "https://github.com/o/r/pull/7").Concat(u.ClearStops(Next(p)))).After,
            Step.Merged => Then((u, p) => u.MarkDone(Next(p)).Concat(u.ClearStops(Next(p)))).After,
            Step.HardStop => Then((u, p) => u.RecordStop(Next(p), hard: true, "a migration", "a review")).After,
            Step.SoftStop => Then((u, p) => u.RecordStop(Next(p), hard: false, "checks fail", "-")).After,
            // Critical review findings: the issue stops with its findings, as the template writes them.
            Step.ReviewStop => Then((u, p) => u.RecordReviewFindings(Next(p), 7, [new("SQL built from `input` [#02]", 90, "src/a.cs", 12), new("x", 80, null, null)], Today)).After,
            Step.Reconcile => Reconcile(text, says),
            _ => PlanFixer.Fix(Path, text).After,
        };
    }

    /// <summary>
    /// A review finished: the first issue with an Open PRs entry gets its Code Review line; with none, the next issue's PR
    /// is listed with it (as SubmitIssue would after the checks pass).
    /// </summary>
    private static string? CodeReview(string text, IssueRow? next)
    {
        var plan = PlanParser.Parse(Path, text);
        var open = PlanStatus.Of(plan).Issues.FirstOrDefault(i => i.Facts.OpenPullRequest is not null)?.Row;
        var review = (open?.Order ?? next?.Order ?? 0) % 2 == 0 ? ReviewSummary.Found(2) : ReviewSummary.NoIssues;
        return open is not null ? PlanTransition.Edit(Path, text, (u, p) => u.SetCodeReview(p.Issues.First(r => r.Order == open.Order), review)).After
            : next is null ? null
            : PlanTransition.Edit(Path, text, (u, p) => u.AddOpenPullRequest(p.Issues.First(r => r.Order == next.Order), 7, "https://github.com/o/r/pull/7",
                CheckState.Passing, review: ReviewSummary.Pending)).MoveCurrentToNext(Path, Today).After;
    }

    /// <summary>
    /// Reconcile with GitHub reporting <paramref name="says"/> for one issue's PR: the first row that is not done and whose
    /// dependencies are (GitHub merging an issue before its dependencies is a true MP5006, not one the loop adds).
    /// </summary>
    private static string? Reconcile(string text, GitHubSays says)
    {
        var plan = PlanParser.Parse(Path, text);
        var status = PlanStatus.Of(plan);
        var row = status.Issues.FirstOrDefault(i => !i.IsDone
            && i.Row.Dependencies.References.All(d => plan.ResolveDependency(d, out _) is not { } target || status.Of(target)?.IsDone != false))?.Row;
        if (row is null)
        {
            return null;
        }

        var branch = BranchNames.FeatureBranch(plan, row);
        var pr = new PullRequestInfo(9, $"feat(m1): x ({row.Number})", says switch
            {
                GitHubSays.Merged => "MERGED",
                GitHubSays.Closed or GitHubSays.ClosedBranchDeleted => "CLOSED",
                _ => "OPEN",
            }, branch, "milestone/m1-core", "https://github.com/o/r/pull/9", says == GitHubSays.Merged ? DateTimeOffset.UnixEpoch : null,
            AutoMergeEnabled: says is GitHubSays.Pending or GitHubSays.Passing or GitHubSays.Failing or GitHubSays.Conflict)
        {
            Checks = says switch { GitHubSays.Failing => CheckState.Failing, GitHubSays.Pending => CheckState.Pending, _ => CheckState.Passing },
            IsDraft = says == GitHubSays.Draft,
            MergeStateStatus = says == GitHubSays.Conflict ? "DIRTY" : "CLEAN",
        };
        return Reconciler.Reconcile(Path, text, says == GitHubSays.NotFound ? [] : [pr], Today,
            deletedBranches: says == GitHubSays.ClosedBranchDeleted ? [branch] : null).After;
    }

    /// <summary>MP5xxx findings by rule and words (line numbers left out: an inserted line moves every later one).</summary>
    private static List<string> TrackingFindings(string text)
    {
        var workspace = new PlanWorkspace();
        workspace.Add(Relative, text);
        return workspace.Validate(complete: false, keepPlans: false).Diagnostics.Where(d => d.Id.StartsWith("MP5", StringComparison.Ordinal))
            .Select(d => d.Id + ": " + Regex.Replace(d.Message, @"line \d+", "line N")).ToList();
    }

    private static void Count(Dictionary<string, int> counts, string key) => counts[key] = counts.GetValueOrDefault(key) + 1;
}

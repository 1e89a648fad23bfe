using System.Diagnostics;
using CsCheck;
using MilestonePlan.Core.Editing;
using MilestonePlan.Core.Model;
using MilestonePlan.Core.Parsing;
using MilestonePlan.Core.Planning;
using MilestonePlan.Core.Selection;

namespace MilestonePlan.Core.Tests.EditProperties;

/// <summary>
/// Property over every editor (PlanUpdater's tracking writers, the GitHub # write-back into the plan and the spec,
/// PlanFixer, the reconciler) on the texts of <see cref="EditInputs"/>: after each edit, re-parsing shows exactly the
/// intended change and every line outside the edited ones is unchanged, byte for byte; or the edit was refused
/// (<see cref="EditRefusedException"/>, naming the file and line) and nothing was produced to write. 2,000 cases
/// each per run; MILESTONEPLAN_EDIT_ITERATIONS=100000 for the long run by hand.
/// </summary>
[TestClass]
public sealed class EveryEditReadsBackTests
{
    private const string Path = "/repo/docs/03-build-notes/m1/IMPLEMENTATION_PLAN.md";
    private const string SpecPath = "/repo/docs/03-build-notes/m1/02-rules.md";

    private static int Iterations => EditInputs.Iterations;

    private enum Op
    {
        SetCurrent, MarkDone, AddOpenPullRequest, HardStop, SoftStop, ClearStops, AddChecklistEntry, ChecklistTitle,
        LastUpdated, Status, TotalIssues, GitHubCell, Fixer, ReconcileMerged, ReconcileOpen,
    }

    [TestMethod]
    public void Every_plan_edit_reads_back_or_is_refused()
    {
        var counts = new Dictionary<string, int>();
        var reasons = new Dictionary<string, int>();
        var clock = Stopwatch.StartNew();
        Gen.Select(EditInputs.Plan, Gen.Enum<Op>(), Gen.Int[0, 3]).Sample((text, op, pick) =>
        {
            var before = PlanParser.Parse(Path, text);
            var row = before.Issues.ElementAtOrDefault(pick);
            if (row is null && op < Op.LastUpdated)
            {
                return;
            }

            PlanTransition transition;
            try
            {
                transition = Run(op, text, row);
            }
            catch (EditRefusedException refused)
            {
                Assert.AreEqual(Path, refused.Path);
                Assert.IsTrue(refused.Line >= 0 && refused.Line <= EditOracle.Lines(text).Count + 1, refused.Message);
                Count(counts, "refused");
                Count(reasons, System.Text.RegularExpressions.Regex.Replace(refused.Reason, "[0-9#'].*?( |$)", "_ "));
                return;
            }

            Count(counts, transition.HasChanges ? "edited" : "unchanged");
            if (!transition.HasChanges)
            {
                Assert.AreEqual(text, transition.After);
                return;
            }

            var after = PlanParser.Parse(Path, transition.After);
            var context = $"{op} of {row?.Number} in:\n{EditOracle.Escape(text)}\n\nafter:\n{EditOracle.Escape(transition.After)}";
            Assert.IsNull(EditOracle.LostLine(text, transition.After, MayChange(op, before, text, row)), context);
            Assert.IsNull(Intended(op, before, after, row), context);
            Assert.IsNull(NothingElse(op, before, after, row), context);
        }, iter: Iterations, threads: 1);
        Console.WriteLine($"plan edits: {Iterations} cases in {clock.Elapsed.TotalSeconds:F1} s: {string.Join(", ", counts.Select(c => $"{c.Value} {c.Key}"))}");
        Console.WriteLine("refused: " + string.Join("\n  ", reasons.OrderByDescending(r => r.Value).Select(r => $"{r.Value} × {r.Key}")));
        Assert.IsTrue(counts.GetValueOrDefault("edited") > Iterations / 4, "too few cases edited anything: " + string.Join(", ", counts));
    }

    [TestMethod]
    public void Every_spec_write_back_reads_back_or_is_refused()
    {
        var counts = new Dictionary<string, int>();
        Gen.Select(EditInputs.Spec, Gen.Int[1, 99_999]).Sample((text, number) =>
        {
            var before = SpecParser.Parse(SpecPath, text);
            string edited;
            try
            {
                edited = SpecUpdater.SetGitHubIssue(SpecPath, text, number);
            }
            catch (EditRefusedException refused)
            {
                Assert.AreEqual(SpecPath, refused.Path);
                Count(counts, "refused");
                return;
            }

            Count(counts, edited == text ? "unchanged" : "edited");
            var context = $"github_issue {number} in:\n{EditOracle.Escape(text)}\n\nafter:\n{EditOracle.Escape(edited)}";
            var after = SpecParser.Parse(SpecPath, edited);
            Assert.IsNull(after.FrontMatterError, context);
            Assert.AreEqual(number.ToString(System.Globalization.CultureInfo.InvariantCulture), after.Get("github_issue")?.Scalar?.Trim(), context);
            foreach (var (key, value) in before.FrontMatter.Where(p => !p.Key.Equals("github_issue", StringComparison.OrdinalIgnoreCase)))
            {
                Assert.AreEqual(value.Scalar, after.Get(key)?.Scalar, context);
                CollectionAssert.AreEqual((value.Items ?? []).ToList(), (after.Get(key)?.Items ?? []).ToList(), context);
            }

            Assert.AreEqual(before.Title?.Text, after.Title?.Text, context);
            CollectionAssert.AreEqual(before.AcceptanceItems.Select(i => i.Text).ToList(), after.AcceptanceItems.Select(i => i.Text).ToList(), context);

            // Bytes: what changed is one YAML line (replaced), or one line added; nothing else.
            var prefix = 0;
            while (prefix < text.Length && prefix < edited.Length && text[prefix] == edited[prefix])
            {
                prefix++;
            }

            var suffix = 0;
            while (suffix < text.Length - prefix && suffix < edited.Length - prefix && text[^(suffix + 1)] == edited[^(suffix + 1)])
            {
                suffix++;
            }

            var removed = text.Substring(prefix, text.Length - prefix - suffix);
            var added = edited.Substring(prefix, edited.Length - prefix - suffix);
            Assert.IsFalse(YamlBreaks(removed) > 0 && before.FrontMatterSpan is not null, $"removed '{EditOracle.Escape(removed)}' spans lines: {context}");
            Assert.IsTrue(before.FrontMatterSpan is null || YamlBreaks(added) <= 1, $"added '{EditOracle.Escape(added)}': {context}");
        }, iter: Iterations, threads: 1);
        Console.WriteLine($"spec write-backs: {Iterations} cases: {string.Join(", ", counts.Select(c => $"{c.Value} {c.Key}"))}");
        Assert.IsTrue(counts.GetValueOrDefault("edited") > Iterations / 4, "too few cases edited anything: " + string.Join(", ", counts));
    }

    private static int YamlBreaks(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal).Count(c => c is '\n' or '\r' or '\u0085' or '\u2028' or '\u2029');

    private static PlanTransition Run(Op op, string text, IssueRow? row)
    {
        IssueRow Row(PlanDocument plan) => plan.Issues.First(r => r.Order == row!.Order);
        return op switch
        {
            Op.SetCurrent => PlanTransition.Edit(Path, text, (u, p) => u.SetCurrent(Row(p))),
            Op.MarkDone => PlanTransition.Edit(Path, text, (u, p) => u.MarkDone(Row(p))),
            Op.AddOpenPullRequest => PlanTransition.Edit(Path, text, (u, p) => u.AddOpenPullRequest(Row(p), 77, "https://github.com/o/r/pull/77", CheckState.Pending, DateTimeOffset.UnixEpoch)),
            Op.HardStop => PlanTransition.Edit(Path, text, (u, p) => u.RecordStop(Row(p), hard: true, "a [migration] \"x\"", "a review")),
            Op.SoftStop => PlanTransition.Edit(Path, text, (u, p) => u.RecordStop(Row(p), hard: false, "checks fail", "-")),
            Op.ClearStops => PlanTransition.Edit(Path, text, (u, p) => u.ClearStops(Row(p))),
            Op.AddChecklistEntry => PlanTransition.Edit(Path, text, (u, p) => PlanStatus.Of(p).Of(Row(p))?.Facts.Checklist is null ? u.AddChecklistEntry(Row(p)) : []),
            Op.ChecklistTitle => PlanTransition.Edit(Path, text, (u, p) => PlanStatus.Of(p).Issues.FirstOrDefault(i => i.Row.Order == row!.Order)?.Facts.Checklist is { } entry
                ? u.SetChecklistTitle(entry, "New [title]") : []),
            Op.LastUpdated => PlanTransition.Edit(Path, text, (u, _) => u.SetLastUpdated("2030-01-02")),
            Op.Status => PlanTransition.Edit(Path, text, (u, _) => u.SetStatus("Complete")),
            Op.TotalIssues => PlanTransition.Edit(Path, text, (u, _) => u.SetTotalIssues(42)),
            Op.GitHubCell => row is null ? PlanTransition.Edit(Path, text, (_, _) => []) : PlanTransition.Edit(Path, text, (u, p) => u.SetGitHubCell(Row(p), 4242)),
            Op.Fixer => PlanFixer.Fix(Path, text),
            _ => Reconciler.Reconcile(Path, text, row is null ? [] : [PullRequest(row, op == Op.ReconcileMerged)], "2030-01-02"),
        };
    }

    private static PullRequestInfo PullRequest(IssueRow row, bool merged) => new(
        90, $"feat(m1): x ({row.Number})", merged ? "MERGED" : "OPEN", $"feat/m1-{row.Number.Padded}-x", "milestone/m1-core", "https://github.com/o/r/pull/90",
        merged ? DateTimeOffset.UnixEpoch : null);

    /// <summary>The lines an edit may touch: the field's, or the tracking entries of the row (and the `(none)` lines).</summary>
    private static HashSet<int> MayChange(Op op, PlanDocument plan, string text, IssueRow? row)
    {
        var tracking = plan.Tracking;
        return op switch
        {
            Op.SetCurrent => EditOracle.FieldLines(tracking.CurrentIssue, tracking.CurrentPhase),
            Op.LastUpdated => EditOracle.FieldLines(tracking.LastUpdated),
            Op.Status => EditOracle.FieldLines(plan.Field(FieldKeys.Status), tracking.FooterStatus),
            Op.TotalIssues => EditOracle.FieldLines(plan.Field(FieldKeys.TotalIssues)),
            Op.GitHubCell => row is null ? [] : [row.RowSpan.Line],
            Op.Fixer or Op.ReconcileMerged or Op.ReconcileOpen => EditOracle.TrackingLines(plan, text, null)
                .Concat(EditOracle.FieldLines(tracking.CurrentIssue, tracking.CurrentPhase, tracking.LastUpdated, tracking.FooterStatus,
                    tracking.Blockers, plan.Field(FieldKeys.Status), plan.Field(FieldKeys.TotalIssues))).ToHashSet(),
            _ => EditOracle.TrackingLines(plan, text, row),
        };
    }

    /// <summary>Null when the re-parsed plan shows the edit's purpose.</summary>
    private static string? Intended(Op op, PlanDocument before, PlanDocument after, IssueRow? row)
    {
        var issue = row is null ? null : PlanStatus.Of(after).Issues.FirstOrDefault(i => i.Row.Order == row.Order);
        bool holds = op switch
        {
            Op.SetCurrent => after.Tracking.CurrentIssue?.Value.Text == row!.Number.ToString(),
            Op.MarkDone => issue!.IsDone && issue.Facts.OpenPullRequest is null,
            Op.ReconcileMerged => issue is null || (issue.IsDone && issue.Facts.OpenPullRequest is null),
            Op.AddOpenPullRequest => issue!.Facts.OpenPullRequest is not null,
            // A stopped issue's open PR is not listed anew: the lifecycle leaves a stopped issue as a person left it.
            Op.ReconcileOpen => issue is null || issue.Facts.OpenPullRequest is not null || issue.IsDone
                || PlanStatus.Of(before).Issues.First(i => i.Row.Order == row!.Order).State is IssueState.Stopped or IssueState.Skipped,
            Op.HardStop => issue!.Facts.Blocked is not null,
            Op.SoftStop => issue!.Facts.Skipped is not null,
            Op.ClearStops => issue!.Facts.Blocked is null && issue.Facts.Skipped is null,
            Op.AddChecklistEntry => issue!.Facts.Checklist is not null,
            Op.ChecklistTitle => issue!.Facts.Checklist?.Title?.Text == "New [title]",
            Op.LastUpdated => after.Tracking.LastUpdated?.Value.Text == "2030-01-02",
            Op.Status => (before.Field(FieldKeys.Status) is null || after.Field(FieldKeys.Status)?.Value.Text == "Complete")
                && (before.Tracking.FooterStatus is null || after.Tracking.FooterStatus?.Value.Text == "Complete"),
            Op.TotalIssues => AsciiNumber.Leading(after.Field(FieldKeys.TotalIssues)?.Value.Text ?? string.Empty) == 42,
            Op.GitHubCell => issue!.Row.GitHubNumber == 4242,
            _ => true,
        };
        return holds ? null : $"{op} did not read back";
    }

    /// <summary>Null when nothing but the edit's own target reads differently.</summary>
    private static string? NothingElse(Op op, PlanDocument before, PlanDocument after, IssueRow? row)
    {
        var (rowsBefore, fieldsBefore) = EditOracle.Facts(before);
        var (rowsAfter, fieldsAfter) = EditOracle.Facts(after);
        if (rowsBefore.Count != rowsAfter.Count)
        {
            return "the number of rows changed";
        }

        var anyRow = op is Op.ReconcileMerged or Op.ReconcileOpen;
        var ordered = before.Issues.ToList();
        for (var i = 0; i < rowsBefore.Count; i++)
        {
            // The fixer adds missing Completed Issues lines (a row's checklist title appears); nothing else of a row changes.
            var (was, now) = op == Op.Fixer ? (WithoutChecklistTitle(rowsBefore[i]), WithoutChecklistTitle(rowsAfter[i])) : (rowsBefore[i], rowsAfter[i]);
            if (was != now && !anyRow && ordered[i].Order != row?.Order)
            {
                return $"row {i} changed: {rowsBefore[i]} → {rowsAfter[i]}";
            }
        }

        var mayChange = op switch
        {
            Op.SetCurrent => new[] { "current", "phase" },
            Op.LastUpdated => ["updated"],
            Op.Status => ["footer", "overview:status"],
            Op.TotalIssues => ["overview:totalissues"],
            Op.Fixer => ["footer", "overview:status", "overview:totalissues"],
            // The reconciler ends with the Current Issue move: Current Issue, Blockers, and a Status still saying Not Started.
            Op.ReconcileMerged or Op.ReconcileOpen => ["current", "phase", "updated", "blockers", "footer", "overview:status"],
            _ => [],
        };
        foreach (var (key, value) in fieldsBefore)
        {
            if (!mayChange.Contains(key) && fieldsAfter.GetValueOrDefault(key) != value)
            {
                return $"{key} changed: '{value}' → '{fieldsAfter.GetValueOrDefault(key)}'";
            }
        }

        return null;
    }

    private static string WithoutChecklistTitle(string facts) => facts.Substring(0, facts.LastIndexOf(EditOracle.Separator, StringComparison.Ordinal));

    private static void Count(Dictionary<string, int> counts, string key) => counts[key] = counts.GetValueOrDefault(key) + 1;
}

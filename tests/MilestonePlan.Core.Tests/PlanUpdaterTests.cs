using MilestonePlan.Core.Editing;
using MilestonePlan.Core.Model;
using MilestonePlan.Core.Parsing;
using MilestonePlan.Core.Selection;
using MilestonePlan.Core.Tests.Support;

namespace MilestonePlan.Core.Tests;

/// <summary>Tracking updates change only the lines they must, and the plan reads back as intended.</summary>
[TestClass]
public sealed class PlanUpdaterTests
{
    private const string Path = "/repo/docs/03-build-notes/m1/IMPLEMENTATION_PLAN.md";

    private static (string After, PlanDocument Reparsed) Apply(string text, Func<PlanUpdater, PlanDocument, IEnumerable<LineEdit>> edits)
    {
        var plan = PlanParser.Parse(Path, text);
        var lines = TextLines.Split(text);
        var after = lines.Apply(PlanUpdater.Combine(edits(new PlanUpdater(plan, lines), plan)));
        return (after, PlanParser.Parse(Path, after));
    }

    private static IssueRow Row(PlanDocument plan, int number) => plan.Find(new IssueNumber(number))!;

    [TestMethod]
    public void SetCurrent_changes_only_the_two_values()
    {
        var (after, reparsed) = Apply(SamplePlan.Plan, (u, p) => u.SetCurrent(Row(p, 3)));

        Assert.AreEqual("#03", reparsed.Tracking.CurrentIssue!.Value.Text);
        Assert.AreEqual("Phase 2: Polish", reparsed.Tracking.CurrentPhase!.Value.Text);
        var before = SamplePlan.Plan.Split('\n');
        var changed = after.Split('\n').Select((l, i) => (l, i)).Where(x => x.l != before[x.i]).Select(x => x.l).ToList();
        CollectionAssert.AreEqual(new[] { "* **Phase:** Phase 2: Polish", "* **Current Issue:** #03" }, changed);
    }

    [TestMethod]
    public void MarkDone_ticks_the_box_and_removes_the_open_PR()
    {
        var withPr = SamplePlan.Plan.Replace("### Open PRs (autopilot)\n\n* (none)",
            "### Open PRs (autopilot)\n\n* [PR #7](https://example.invalid/7) — Rules (#02)", StringComparison.Ordinal);
        var (after, reparsed) = Apply(withPr, (u, p) => u.MarkDone(Row(p, 2)));

        StringAssert.Contains(after, "* [x] #02 — Rules\n");
        StringAssert.Contains(after, "### Open PRs (autopilot)\n\n* (none)\n");
        Assert.AreEqual(IssueState.Done, PlanStatus.Of(reparsed)[new IssueNumber(2)]!.State);
        Assert.AreEqual(3, NextIssueSelector.Select(reparsed).Next!.Number.Value);
    }

    [TestMethod]
    public void Every_open_PR_merged_in_one_transition_leaves_the_none_placeholder()
    {
        // The pipelined loop's reconcile can find several PRs merged at once: each entry is removed by its own call.
        var withPrs = SamplePlan.Plan.Replace("### Open PRs (autopilot)\n\n* (none)",
            "### Open PRs (autopilot)\n\n* [PR #7](https://example.invalid/7) — Rules (#02)\n  - Status: ⏳ Checks pending\n* [PR #8](https://example.invalid/8) — Docs (#03)",
            StringComparison.Ordinal);
        var (after, reparsed) = Apply(withPrs, (u, p) => u.MarkDone(Row(p, 2)).Concat(u.MarkDone(Row(p, 3))));

        StringAssert.Contains(after, "### Open PRs (autopilot)\n\n* (none)\n\n");
        Assert.IsEmpty(reparsed.Tracking.OpenPullRequests!.Entries.Where(e => e.IssueCandidates.Count > 0));
    }

    [TestMethod]
    public void Open_PR_and_stops_replace_the_none_placeholder_then_append()
    {
        var (after, reparsed) = Apply(SamplePlan.Plan, (u, p) => u.AddOpenPullRequest(Row(p, 2), 12, "https://example.invalid/pull/12")
            .Concat(u.RecordStop(Row(p, 3), hard: true, "touches auth", "a review")));

        StringAssert.Contains(after, "### Open PRs (autopilot)\n\n* [PR #12](https://example.invalid/pull/12) — Rules (#02)\n");
        StringAssert.Contains(after, "* #03 — Docs — STOP: touches auth — Needs: a review\n");
        var status = PlanStatus.Of(reparsed);
        Assert.AreEqual(IssueState.OpenPullRequest, status[new IssueNumber(2)]!.State);
        Assert.AreEqual(IssueState.Stopped, status[new IssueNumber(3)]!.State);

        var (again, _) = Apply(after, (u, p) => u.AddOpenPullRequest(Row(p, 3), 13, "https://example.invalid/pull/13"));
        StringAssert.Contains(again, "(#02)\n* [PR #13](https://example.invalid/pull/13) — Docs (#03)\n");
    }

    [TestMethod]
    public void CRLF_BOM_and_untouched_lines_survive_byte_for_byte()
    {
        var crlf = "\uFEFF" + SamplePlan.Plan.Replace("\n", "\r\n", StringComparison.Ordinal) + "\r\n  trailing note  ";
        var plan = PlanParser.Parse(Path, crlf);
        var lines = TextLines.Split(crlf);
        var edits = PlanUpdater.Combine(new PlanUpdater(plan, lines).SetCurrent(Row(plan, 3)).Concat(new PlanUpdater(plan, lines).SetLastUpdated("2026-12-01")));
        var after = lines.Apply(edits);

        Assert.AreEqual(crlf.Replace("* **Current Issue:** #02", "* **Current Issue:** #03", StringComparison.Ordinal)
            .Replace("* **Phase:** Phase 1: Core", "* **Phase:** Phase 2: Polish", StringComparison.Ordinal)
            .Replace("**Last Updated:** 2026-11-24", "**Last Updated:** 2026-12-01", StringComparison.Ordinal), after);
        Assert.AreEqual(crlf, lines.Apply([]), "no edit, no change");
    }

    [TestMethod]
    public void SetStatus_updates_overview_and_footer()
    {
        var (after, reparsed) = Apply(SamplePlan.Plan, (u, _) => u.SetStatus("Complete"));
        Assert.AreEqual("Complete", reparsed.Field(FieldKeys.Status)!.Value.Text);
        Assert.AreEqual("Complete", reparsed.Tracking.FooterStatus!.Value.Text);
        Assert.AreEqual(2, after.Split("**Status:** Complete").Length - 1);
    }
}

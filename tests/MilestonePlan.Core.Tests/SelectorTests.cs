using CsCheck;
using MilestonePlan.Core.Model;
using MilestonePlan.Core.Selection;
using MilestonePlan.Core.Tests.Support;

namespace MilestonePlan.Core.Tests;

[TestClass]
public sealed class SelectorTests
{
    [TestMethod]
    public void Next_alone_is_the_next_of_the_full_decision()
    {
        // Issues with random priorities, dependencies (missing, self, cycles), and done / stopped / skipped / open-PR marks.
        var issue = Gen.Select(Gen.Bool, Gen.Int[1, 10].Array[0, 3], Gen.Int[0, 5]);
        var chosen = new HashSet<int>();
        var none = 0;
        issue.Array[1, 8].Sample(issues =>
        {
            var plan = new System.Text.StringBuilder("# M1\n\n### Phase 1: All\n\n| Issue # | Title | Priority | Dependencies |\n|---|---|---|---|\n");
            for (var i = 0; i < issues.Length; i++)
            {
                var (p0, dependencies, _) = issues[i];
                var written = dependencies.Length == 0 ? "None" : string.Join(", ", dependencies.Select(d => $"#{d:00}"));
                plan.Append($"| #{i + 1:00} | Issue {i + 1} | {(p0 ? "P0" : "P1")} | {written} |\n");
            }

            plan.Append("\n## Tracking (agent-updated)\n\n### Completed Issues\n\n");
            for (var i = 0; i < issues.Length; i++)
            {
                plan.Append($"* [{(issues[i].Item3 == 1 ? "x" : " ")}] #{i + 1:00} — Issue {i + 1}\n");
            }

            foreach (var (heading, mark) in new[] { ("Blocked", 2), ("Skipped", 3), ("Open PRs (autopilot)", 4) })
            {
                plan.Append($"\n### {heading}\n\n");
                for (var i = 0; i < issues.Length; i++)
                {
                    plan.Append(issues[i].Item3 == mark ? $"* #{i + 1:00} — PR #{i + 50}\n" : string.Empty);
                }
            }

            var status = PlanStatus.Of(Parsing.PlanParser.Parse("/r/docs/m1/IMPLEMENTATION_PLAN.md", plan.ToString()));
            var next = NextIssueSelector.Next(status);
            Assert.AreEqual(NextIssueSelector.Select(status).Next, next, plan.ToString());
            _ = next is null ? none++ : chosen.Add(next.Number.Value) ? 1 : 0;
        }, iter: 2_000, threads: 1);

        Assert.IsGreaterThan(3, chosen.Count, "the generated plans pick different next issues");
        Assert.IsGreaterThan(0, none, "and sometimes none");
    }

    private static NextIssueDecision Decide(Func<string, string> mutate)
    {
        var plan = SamplePlan.Workspace(mutate).Validate().Plans.Single();
        return NextIssueSelector.Select(plan);
    }

    [TestMethod]
    public void Picks_the_first_P0_whose_dependencies_are_done_and_explains_the_rest()
    {
        var decision = Decide(s => s);

        Assert.AreEqual(2, decision.Next!.Number.Value);
        var reasons = decision.PassedOver.Select(p => p.Reason).ToList();
        CollectionAssert.AreEqual(new[] { "#03 waits for #02" }, reasons);
        Assert.AreEqual(1, decision.DoneCount);
    }

    [TestMethod]
    public void P0_runs_before_P1_even_further_down()
    {
        var decision = Decide(s => s
            .Replace("| #02 | 02-rules.md | Rules | P0 |", "| #02 | 02-rules.md | Rules | P1 |", StringComparison.Ordinal)
            .Replace("| #03 | 03-docs.md | Docs | P1 | #01, #02 |", "| #03 | 03-docs.md | Docs | P0 | #01 |", StringComparison.Ordinal));

        Assert.AreEqual(3, decision.Next!.Number.Value);
        Assert.AreEqual("#02 comes after #03 (P1, execution order)", decision.PassedOver.Single().Reason);
    }

    [TestMethod]
    public void Stopped_skipped_and_open_PR_issues_are_passed_over_with_their_reason()
    {
        var decision = Decide(s => s
            .Replace("### Blocked / Needs Review (STOP)\n\n* (none)", "### Blocked / Needs Review (STOP)\n\n* #02 — Rules — STOP: touches auth — Needs: review", StringComparison.Ordinal));

        Assert.IsNull(decision.Next);
        Assert.AreEqual("#02 is stopped (⛔ Needs Review): touches auth — Needs: review", decision.PassedOver[0].Reason);
        Assert.AreEqual(IssueState.Stopped, decision.PassedOver[0].State);
        Assert.AreEqual("#03 waits for #02", decision.PassedOver[1].Reason);
    }

    [TestMethod]
    public void Open_PR_for_a_GitHub_number_resolves_to_the_plan_row()
    {
        var plan = PlanWithGitHubColumn("* [PR #12](https://example.invalid/12) — Rules (#102)");
        var status = PlanStatus.Of(plan);
        Assert.AreEqual(IssueState.OpenPullRequest, status[new IssueNumber(2)]!.State);
        Assert.AreEqual(1, NextIssueSelector.Select(status).Next!.Number.Value);
    }

    [TestMethod]
    public void Unreadable_dependencies_are_never_guessed()
    {
        var decision = Decide(s => s.Replace("| P0 | #01 | `feat/m1-02", "| P0 | after #01 lands | `feat/m1-02", StringComparison.Ordinal));
        Assert.IsNull(decision.Next);
        StringAssert.StartsWith(decision.PassedOver[0].Reason, "#02 has dependencies that cannot be read");
    }

    [TestMethod]
    public void Done_marked_in_a_status_column_counts_as_done()
    {
        var plan = Parsing.PlanParser.Parse("/repo/docs/03-build-notes/m0/IMPLEMENTATION_PLAN.md", """
            # M0

            ## Phase 1: Setup (P0)

            | # | Issue | File | Branch | Status |
            |---|-------|------|--------|--------|
            | 01 | One | 01-one.md | feat/m0-01-one | ✅ Done |
            | 02 | Two | 02-two.md | feat/m0-02-two | ⬜ Open |
            """);

        var decision = NextIssueSelector.Select(plan);
        Assert.AreEqual(2, decision.Next!.Number.Value);
        Assert.AreEqual(1, decision.DoneCount);
    }

    private static PlanDocument PlanWithGitHubColumn(string openPr) => Parsing.PlanParser.Parse("/repo/docs/03-build-notes/m3/IMPLEMENTATION_PLAN.md", $"""
        # M3

        ### Phase 1: Login — Issues #01, #02

        | Issue # | GitHub # | Issue File | Title | Priority | Dependencies | Feature Branch |
        |---|---|---|---|---|---|---|
        | #01 | [#101](https://example.invalid/101) | 01-a.md | Login | P0 | None | `feat/m3-101-login` |
        | #02 | #102 | 02-b.md | Rules | P0 | None | `feat/m3-102-rules` |

        ### Open PRs (autopilot)

        {openPr}
        """);
}

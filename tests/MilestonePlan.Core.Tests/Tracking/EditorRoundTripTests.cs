using CsCheck;
using MilestonePlan.Core.Model;
using MilestonePlan.Core.Selection;
using MilestonePlan.Core.Tests.Support;
using MilestonePlan.Core.Planning;

namespace MilestonePlan.Core.Tests.Tracking;

/// <summary>Property: every entry the plan editor writes reads back to the state it records, whatever the title and numbers.</summary>
[TestClass]
public sealed class EditorRoundTripTests
{
    // Titles as people write them. Status glyphs and Markdown syntax (| * ` [ ]) are left out: a title holding "✅"
    // is ambiguous in the template's own format, and a table cell cannot hold "|".
    private static readonly string[] Pieces =
    [
        "Exporter", "JSON/XML", "(v3)", " — ", " - ", " – ", ": ", "\"login\"", "'quoted'", "“curly”", "(OAuth)", "🚀", "👩‍💻", "#12", "crash",
        "PR 7", "e.g.", "naïve", "日本語", "Rate-limit", "API's", " ", "x", "Done?", "(#3)", "100%", "&", "<T>",
    ];

    private static readonly Gen<string> Title = Gen.OneOfConst(Pieces).Array[1, 6]
        .Select(p => string.Concat(p).Trim())
        .Where(t => t.Length > 0 && char.IsLetterOrDigit(t[0]) && char.IsLetterOrDigit(t[^1]) && !t.Contains("  ", StringComparison.Ordinal));

    private static string Plan(string title) => $"""
        # M1 Implementation Plan

        ## Overview

        **Milestone:** `m1`
        **Implementation Plan Path:** `docs/03-build-notes/m1/IMPLEMENTATION_PLAN.md`
        **Milestone Folder:** `docs/03-build-notes/m1/`
        **Milestone Branch:** `milestone/m1-core`
        **Total Issues:** 2
        **Status:** In Progress

        ## Issue Breakdown by Phase

        ### Phase 1: Core

        | Issue # | Issue File | Title | Priority | Dependencies | Feature Branch | PR Title Token | Est. Size |
        |---|---|---|---|---|---|---|---|
        | #01 | 01-a.md | {title} | P0 | None | `feat/m1-01-a` | `feat(m1)` | S |
        | #02 | 02-b.md | Other | P0 | None | `feat/m1-02-b` | `feat(m1)` | S |

        ## Tracking (agent-updated)

        ### Completed Issues

        * [ ] #01 — {title}
        * [ ] #02 — Other

        ### Open PRs (autopilot)

        * (none)

        ### Blocked / Needs Review (STOP)

        * (none)

        ### Skipped Issues (Soft Stops)

        * (none)

        ### Current Phase

        * **Phase:** Phase 1: Core
        * **Current Issue:** #01

        ---

        **Last Updated:** 2026-12-01
        **Status:** In Progress

        """;

    private static readonly (string Name, IssueState State, Func<Editing.PlanUpdater, PlanDocument, IssueRow, int, IEnumerable<Editing.LineEdit>> Edit)[] Edits =
    [
        ("open PR", IssueState.OpenPullRequest, (u, _, row, pr) => u.AddOpenPullRequest(row, pr, $"https://github.com/o/r/pull/{pr}")),
        ("hard stop", IssueState.Stopped, (u, _, row, _) => u.RecordStop(row, hard: true, "migration added: Migrations/1 — x.cs", "a schema review")),
        ("soft stop", IssueState.Skipped, (u, _, row, _) => u.RecordStop(row, hard: false, "9 files changed (more than 8)", "split")),
        ("done", IssueState.Done, (u, _, row, _) => u.MarkDone(row)),
    ];

    [TestMethod]
    public void Every_entry_the_editor_writes_reads_back_to_its_state() =>
        Gen.Select(Title, Gen.Int[1, 99_999], Gen.Int[0, Edits.Length - 1], Gen.Bool).Sample((title, pr, which, gitHub) =>
        {
            var (name, state, edit) = Edits[which];
            var numbers = gitHub ? new Dictionary<int, int> { [1] = 500 + pr % 400 } : null;
            var transition = PlanTransition.Edit("/repo/docs/03-build-notes/m1/IMPLEMENTATION_PLAN.md", Plan(title), numbers,
                (u, p) => edit(u, p, p.Find(new IssueNumber(1))!, pr));

            var workspace = new PlanWorkspace();
            workspace.Add("docs/03-build-notes/m1/IMPLEMENTATION_PLAN.md", transition.After);
            workspace.Add("docs/03-build-notes/m1/01-a.md", $"---\ngithub_issue: {(gitHub ? numbers![1].ToString(System.Globalization.CultureInfo.InvariantCulture) : string.Empty)}\n---\n\n# A\n\n## Done Definition\n\nx\n\n## Acceptance Criteria\n\n- [ ] y\n");
            workspace.Add("docs/03-build-notes/m1/02-b.md", "# B\n\n## Done Definition\n\nx\n\n## Acceptance Criteria\n\n- [ ] y\n");
            var result = workspace.Validate();
            var plan = result.Plans.Single();

            Assert.AreEqual(state, PlanStatus.Of(plan).Of(plan.Find(new IssueNumber(1))!)!.State, $"{name} of '{title}':\n{transition.After}");
            Assert.AreEqual(IssueState.Open, PlanStatus.Of(plan).Of(plan.Find(new IssueNumber(2))!)!.State);
            var tracking = result.Diagnostics.Where(d => d.Id is "MP5002" or "MP5005" or "MP1001").ToList();
            Assert.IsEmpty(tracking, $"{name} of '{title}': {Dump.Of(tracking)}\n{transition.After}");
        }, iter: 1_000, threads: 1);
}

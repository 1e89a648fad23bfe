using MilestonePlan.Core.Model;
using MilestonePlan.Core.Selection;
using MilestonePlan.Core.Tests.Support;

namespace MilestonePlan.Core.Tests.Tracking;

/// <summary>
/// Every tracking-entry format of the plan template, and the variants real plans write, read back as the expected
/// issue and state, with GitHub numbers given only in the specs' front matter and titles holding every awkward
/// character. No line gives a diagnostic.
/// </summary>
[TestClass]
public sealed class TrackingLineTests
{
    private static readonly (string File, string Title, int GitHub)[] Rows =
    [
        ("01-webhooks.md", "Webhook retries — backoff", 201),
        ("02-exporter.md", "Exporter — JSON/XML (v3)", 207),
        ("03-auth.md", "Auth: \"login\" (OAuth) 🚀", 303),
        ("04-limits.md", "Rate-limit - API's edge", 404),
        ("05-plain.md", "Plain", 505),
    ];

    private static string Plan(string completed, string openPrs, string blocked, string skipped, string newline) => $"""
        # M1 Implementation Plan

        ## Overview

        **Milestone:** `m1`
        **Implementation Plan Path:** `docs/03-build-notes/m1/IMPLEMENTATION_PLAN.md`
        **Milestone Folder:** `docs/03-build-notes/m1/`
        **Milestone Branch:** `milestone/m1-core`
        **Epic Issue:** TBD
        **Total Issues:** 5
        **Status:** In Progress

        ## Issue Breakdown by Phase

        ### Phase 1: Core — Issues #01–#05

        | Issue # | Issue File | Title | Priority | Dependencies | Feature Branch | PR Title Token | Est. Size |
        |---|---|---|---|---|---|---|---|
        {string.Join("\n", Rows.Select((r, i) => $"| #0{i + 1} | {r.File} | {r.Title} | P0 | None | `feat/m1-0{i + 1}-x` | `feat(m1)` | S |"))}

        ## Tracking (agent-updated)

        ### Completed Issues

        {completed}

        ### Open PRs (autopilot)

        {openPrs}

        ### Blocked / Needs Review (STOP)

        {blocked}

        ### Skipped Issues (Soft Stops)

        {skipped}

        ### Current Phase

        * **Phase:** Phase 1: Core
        * **Current Issue:** #05
        * **Blockers:** None

        ---

        **Last Updated:** 2026-12-01
        **Status:** In Progress

        """.Replace("\n", newline, StringComparison.Ordinal);

    private static string Checklist(int except, string line) =>
        string.Join("\n", Rows.Select((r, i) => i + 1 == except ? line : $"* [ ] #0{i + 1} — {r.Title}"));

    private static string Spec(string title, int gitHub) =>
        $"---\ntitle: \"{title.Replace("\"", "\\\"", StringComparison.Ordinal)}\"\ngithub_issue: {gitHub}\npriority: P0\n---\n\n# {title}\n\n## Done Definition\n\nDone.\n\n## Acceptance Criteria\n\n- [ ] Works\n";

    public static IEnumerable<object[]> Lines()
    {
        // Completed Issues: checklist lines, in every way they are written.
        var done = new (int Issue, string Line)[]
        {
            (1, "* [x] #01 — Webhook retries — backoff ✅ Done — [PR #318](https://github.com/o/r/pull/318)"),
            (1, "* [x] #01 — Webhook retries — backoff"),
            (1, "* [x] #01 – Webhook retries — backoff ✅"),
            (1, "* [x] #01 - Webhook retries — backoff ✅\uFE0F Done"),
            (1, "- [x] #01 — webhook retries — backoff (PR #318)"),
            (2, "* [x] #02 — Exporter — JSON/XML (v3) — ✅ Done (PR #319)"),
            (2, "* [x] #02 — Exporter — JSON/XML (v3) ✅ Done — [PR #319](https://github.com/o/r/pull/319)"),
            (2, "* [x] #02 — Exporter — JSON/XML (v3) — [PR #319](https://github.com/o/r/pull/319)"),
            (2, "* [x] #02: Exporter — JSON/XML (v3)"),
            (2, "* [x] **#02** — Exporter — JSON/XML (v3) ✔"),
            (3, "* [x] #03 — Auth: \"login\" (OAuth) 🚀 ✅ Done"),
            (3, "* [x] #03 — Auth: \"login\" (OAuth) 🚀 — ✅ Done (PR #320)"),
            (3, "* [x] #03 — Auth: “login” (OAuth) 🚀"),
            (4, "* [x] #04 — Rate-limit - API's edge ✅ Done"),
            (4, "* [x] #04 — Rate-limit - API's edge — Done"),
            (4, "* [x] #04 — Rate-limit - API’s edge — merged in PR #321"),
            (5, "* [x] #05 — Plain ✅"),
            (5, "* [x] #05 — Plain ☑"),
            (5, "* [x] #05 — Plain."),
            (5, "* [X] #05 — Plain"),
        };
        foreach (var (issue, line) in done)
        {
            yield return [line, "completed", issue, IssueState.Done];
        }

        // Open PRs, by plan number or by GitHub number only (the template's enhanced format names the GitHub issue).
        var open = new (int Issue, string Line)[]
        {
            (2, "* [PR #320](https://github.com/o/r/pull/320) — Exporter — JSON/XML (v3) (#207)\n  - Status: ✓ Checks passing\n  - Code Review: ⏳ Pending\n  - Created: 2026-12-01"),
            (2, "* [PR #320](https://github.com/o/r/pull/320) — Exporter — JSON/XML (v3) (#207)"),
            (2, "* [PR #320](https://github.com/o/r/pull/320) — Exporter — JSON/XML (v3) (#02)"),
            (1, "* [PR #321](https://github.com/o/r/pull/321) — Webhook retries — backoff (#201)\n  - Status: ⚠ Failing"),
            (3, "* [PR #322](https://github.com/o/r/pull/322) — Auth: \"login\" (OAuth) 🚀 (#303)"),
            (4, "* PR #323 — Rate-limit - API's edge (#404)"),
            (5, "* [PR #324](https://github.com/o/r/pull/324) — Plain (#505)"),
            (5, "* #05 — Plain — [PR #324](https://github.com/o/r/pull/324)"),
        };
        foreach (var (issue, line) in open)
        {
            yield return [line, "open", issue, IssueState.OpenPullRequest];
        }

        // Blocked / Needs Review: the standard format, the code-review format (GitHub number first), and the autopilot's own.
        var blocked = new (int Issue, string Line)[]
        {
            (5, "* #05 — Plain — STOP: migration added — Needs: schema review"),
            (1, "* #01 — Webhook retries — backoff — STOP: touches auth — Needs: security review"),
            (2, "* **#207** (plan #02) — Exporter — JSON/XML (v3)\n  - Reason: Code review found 2 critical issues (PR #320)\n  - Findings:\n    1. SQL built from input (score: 90, file: src/Export.cs, line: 12)\n    2. Secret in log (score: 85, file: src/Log.cs, line: 3)\n  - Fix: Address critical issues before continuing\n  - PR: #320\n  - Blocked Date: 2026-12-01T10:00:00Z"),
            (2, "* **#207** (plan #02) — Exporter — JSON/XML (v3)"),
            (3, "* #03 — Auth: \"login\" (OAuth) 🚀 — ⛔ Needs Review (STOP): sensitive code — Needs: a security review"),
            (4, "* #04 — Rate-limit - API's edge — ⛔ STOP: rate limiting changed — Needs: review"),
            (4, "* #404 — Rate-limit - API's edge — STOP: dependency change — Needs: approval"),
        };
        foreach (var (issue, line) in blocked)
        {
            yield return [line, "blocked", issue, IssueState.Stopped];
        }

        var skipped = new (int Issue, string Line)[]
        {
            (5, "* #05 — Plain — Skipped: checks still failing"),
            (1, "* #01 — Webhook retries — backoff — Skipped: 9 files changed (more than 8)"),
            (2, "* #02 — Exporter — JSON/XML (v3) — ⏭️ Skipped: merge conflict"),
            (3, "* #03 — Auth: \"login\" (OAuth) 🚀 — ⏭ Skipped: tests failing"),
            (4, "* #404 — Rate-limit - API's edge — Skipped: large diff"),
            (2, "* #207 — Exporter — JSON/XML (v3) — Skipped: merge conflict with base"),
        };
        foreach (var (issue, line) in skipped)
        {
            yield return [line, "skipped", issue, IssueState.Skipped];
        }
    }

    [TestMethod]
    [DynamicData(nameof(Lines))]
    public void A_tracking_line_names_its_issue_and_state_without_a_diagnostic(string line, string section, int issue, object expected)
    {
        // The state travels as object: the engine's types are internal, and a public test method cannot name them.
        var state = (IssueState)expected;
        foreach (var newline in new[] { "\n", "\r\n" })
        {
            var text = Plan(
                section == "completed" ? Checklist(issue, line) : Checklist(0, string.Empty),
                section == "open" ? line : "* (none)",
                section == "blocked" ? line : "* (none)",
                section == "skipped" ? line : "* (none)",
                newline);
            var workspace = new PlanWorkspace();
            workspace.Add("docs/03-build-notes/m1/IMPLEMENTATION_PLAN.md", text);
            foreach (var row in Rows)
            {
                workspace.Add("docs/03-build-notes/m1/" + row.File, Spec(row.Title, row.GitHub));
            }

            var result = workspace.Validate();
            var plan = result.Plans.Single();
            var status = PlanStatus.Of(plan);

            Assert.AreEqual(state, status.Of(plan.Find(new IssueNumber(issue))!)!.State, $"{line} ({(newline == "\n" ? "LF" : "CRLF")})");
            var others = status.Issues.Where(i => i.Row.Number.Value != issue).Select(i => i.State).ToList();
            Assert.IsTrue(others.All(s => s is IssueState.Open or IssueState.InProgress), "no other issue is touched: " + string.Join(", ", others));
            var unexpected = result.Diagnostics.Where(d => d.Id is not ("MP5004" or "MP5003" or "MP5006")).ToList();
            Assert.IsEmpty(unexpected, Dump.Of(unexpected));
        }
    }
}

namespace MilestonePlan.EndToEnd.Tests;

/// <summary>
/// A plan in the middle of a run, written in every tracking format of the template, with GitHub numbers only in the
/// specs' front matter, through the packed package: no diagnostic, the open PR's issue is not proposed again, and the
/// PR names the GitHub issue it closes.
/// </summary>
[TestClass]
public sealed class TemplateFormatsEndToEndTests
{
    private const string Plan = """
        # M3: Integrations — Implementation Plan

        ## Overview

        **Milestone:** `m3`
        **Implementation Plan Path:** `docs/03-build-notes/m3/IMPLEMENTATION_PLAN.md`
        **Milestone Folder:** `docs/03-build-notes/m3/`
        **Milestone Branch:** `milestone/m3-integrations` (base branch for PRs; create from `main` if missing)
        **Epic Issue:** #200
        **Total Issues:** 6 (including epic)
        **Status:** In Progress

        ## Issue Breakdown by Phase (ordered execution list)

        ### Phase 1: Delivery — Issues #01–#05

        | Issue # | Issue File | Title | Priority | Dependencies | Feature Branch | PR Title Token | Est. Size |
        |---|---|---|---|---|---|---|---|
        | #01 | 01-webhooks.md | Webhook retries — backoff | P0 | None | `feat/m3-01-webhook-retries` | `feat(m3)` | M |
        | #02 | 02-exporter.md | Exporter — JSON/XML (v3) | P0 | #01 | `feat/m3-02-exporter` | `feat(m3)` | M |
        | #03 | 03-auth.md | Auth: "login" (OAuth) 🚀 | P0 | None | `feat/m3-03-auth` | `feat(m3)` | S |
        | #04 | 04-limits.md | Rate-limit - API's edge | P1 | None | `feat/m3-04-limits` | `feat(m3)` | S |
        | #05 | 05-docs.md | Docs | P1 | None | `feat/m3-05-docs` | `feat(m3)` | S |

        ## Tracking (agent-updated)

        ### Completed Issues

        * [x] #01 — Webhook retries — backoff ✅ Done — [PR #318](https://github.com/o/r/pull/318)
        * [ ] #02 — Exporter — JSON/XML (v3)
        * [ ] #03 — Auth: "login" (OAuth) 🚀
        * [ ] #04 — Rate-limit - API's edge
        * [ ] #05 — Docs

        ### Open PRs (autopilot)

        * [PR #320](https://github.com/o/r/pull/320) — Exporter — JSON/XML (v3) (#207)
          - Status: ✓ Checks passing
          - Code Review: ⏳ Pending
          - Created: 2026-12-01

        ### Blocked / Needs Review (STOP)

        * **#303** (plan #03) — Auth: "login" (OAuth) 🚀
          - Reason: Code review found 1 critical issue (PR #321)
          - Findings:
            1. Token logged (score: 90, file: src/Auth.cs, line: 12)
          - Fix: Address critical issues before continuing
          - PR: #321
          - Blocked Date: 2026-12-01T10:00:00Z

        ### Skipped Issues (Soft Stops)

        * #04 — Rate-limit - API's edge — Skipped: checks still failing

        ### Current Phase

        * **Phase:** Phase 1: Delivery
        * **Current Issue:** #05
        * **Blockers:** None

        ---

        **Last Updated:** 2026-12-01
        **Status:** In Progress

        """;

    private static ConsumerRepository Repository()
    {
        var repo = new ConsumerRepository(withSamplePlans: false);
        repo.Write("docs/03-build-notes/m3/IMPLEMENTATION_PLAN.md", Plan);
        foreach (var (file, title, gitHub, deps) in new[]
        {
            ("01-webhooks.md", "Webhook retries — backoff", 201, "[]"), ("02-exporter.md", "Exporter — JSON/XML (v3)", 207, "[1]"),
            ("03-auth.md", "Auth: \\\"login\\\" (OAuth) 🚀", 303, "[]"), ("04-limits.md", "Rate-limit - API's edge", 404, "[]"),
            ("05-docs.md", "Docs", 505, "[]"),
        })
        {
            repo.Write($"docs/03-build-notes/m3/{file}",
                $"---\ntitle: \"{title}\"\ngithub_issue: {gitHub}\ndependencies: {deps}\n---\n\n# {title}\n\n## Done Definition\n\nShipped.\n\n## Acceptance Criteria\n\n- [ ] It works\n- [ ] Tests cover it\n");
        }

        repo.AddProject("App");
        repo.PublishToOrigin();
        return repo;
    }

    private static DotNet.Result MsBuild(ConsumerRepository repo, params string[] arguments) =>
        repo.MsBuild(["-p:MilestonePlanCheckCommand=none", .. arguments]);

    [TestMethod]
    public void A_plan_mid_run_in_the_templates_formats_builds_clean_and_the_targets_use_GitHub_numbers()
    {
        using var repo = Repository();

        var build = repo.Build("App/App.csproj");
        var next = MsBuild(repo, "-t:NextIssue");

        Assert.AreEqual(0, build.ExitCode, build.Output);
        Assert.DoesNotContain("warning MP", build.Output);
        Assert.DoesNotContain("error MP", build.Output);
        Assert.AreEqual(0, next.ExitCode, next.Output);
        StringAssert.Contains(next.Output, "Next issue: #05 Docs (P1) → feat/m3-05-docs", "#02 has an open PR under #207, #03 is stopped, #04 skipped");

        Assert.AreEqual(0, MsBuild(repo, "-t:RunNextIssue").ExitCode);
        repo.Write("docs/guide.md", "# Guide\n");
        repo.Git("add", "-A");
        repo.Git("commit", "-q", "-m", "docs");
        var submit = MsBuild(repo, "-t:SubmitIssue", "-p:MilestonePlanDryRun=true");

        Assert.AreEqual(0, submit.ExitCode, submit.Output);
        StringAssert.Contains(submit.Output, "--title \"feat(m3): Docs (#505)\"");
        StringAssert.Contains(submit.Output, "Closes #505");
    }
}

using MilestonePlan.Core.Model;
using MilestonePlan.Core.Selection;
using MilestonePlan.Core.Tests.Support;

namespace MilestonePlan.Core.Tests;

/// <summary>Variations PRODUCT.md section 3 lists from real plans, all in one consistent plan: read, and no false alarm.</summary>
[TestClass]
public sealed class FormatVariantTests
{
    private const string Plan = "\uFEFF# M3: Login & Ünïcode — Implementation Plan\r\n\r\n"
        + "## Overview\r\n\r\n"
        + "- **Milestone:** M3   \r\n"
        + "- **Implementation Plan Path:** `docs/03-build-notes/milestones/m3/IMPLEMENTATION_PLAN.md`\r\n"
        + "- **Milestone Folder:** `docs/03-build-notes/milestones/m3/`\r\n"
        + "- **Milestone Branch:** `milestone/m3-login`\r\n"
        + "- **Epic Issue:** TBD — \"Epic: M3 — Login\"\r\n"
        + "- **Total Issues:** 4 (including epic)\r\n"
        + "- **Status:** In Progress\r\n\r\n"
        + "### Phase 1: Accounts — Issues #01, #02\r\n\r\n"
        + "| Plan # | GitHub # | Issue | Priority | Dependencies | Branch | PR Title Token | Issue File |\r\n"
        + "|---|---|---|---|---|---|---|---|\r\n"
        + "| 1 | [#101](https://example.invalid/101) | Connexion\tsécurisée | P0 | none | `feat/m3-101-connexion` | `feat(m3)` | [01-login.md](01-login.md) |\r\n"
        + "| 02 | #102 | Déconnexion | P0 | #101 | feat/m3-102-logout | feat(m3) | 02-logout.md |\r\n\r\n"
        + "### Phase 2: Polish — Issue #03\r\n\r\n"
        + "| # | Issue | File | Priority | Dependencies | Branch | Status |\r\n"
        + "|---|---|---|---|---|---|---|\r\n"
        + "| 3 | Remember me | 03-remember.md | P1 | #01 #02 | feat/m3-03-remember-me | ⏭ Skipped |\r\n\r\n"
        + "## Tracking (agent-updated)\r\n\r\n"
        + "### Completed Issues\r\n\r\n"
        + "- [x] #01 - Connexion sécurisée ✅\r\n"
        + "- [ ] #02 — Déconnexion\r\n"
        + "- [ ] #03 — Remember me\r\n\r\n"
        + "### Open PRs (autopilot)\r\n\r\n"
        + "*None yet*\r\n\r\n"
        + "### Skipped Issues (Soft Stops)\r\n\r\n"
        + "- #03 — Remember me — Skipped: 9 files changed\r\n\r\n"
        + "### Current Phase\r\n\r\n"
        + "- **Phase:** Phase 1: Accounts\r\n"
        + "- **Current Issue:** #02\r\n\r\n"
        + "---\r\n\r\n"
        + "**Last Updated:** —\r\n"
        + "**Status:** In Progress\r\n";

    private static PlanWorkspace Workspace()
    {
        var workspace = new PlanWorkspace();
        workspace.Add("docs/03-build-notes/milestones/m3/IMPLEMENTATION_PLAN.md", Plan);
        workspace.Add("docs/03-build-notes/milestones/m3/00-epic.md", "# Epic");
        workspace.Add("docs/03-build-notes/milestones/m3/01-login.md", SamplePlan.Spec("Connexion sécurisée", "P0", "[]").Replace("github_issue:", "github_issue: 101", StringComparison.Ordinal));
        workspace.Add("docs/03-build-notes/milestones/m3/02-logout.md", SamplePlan.Spec("Déconnexion", "P0", "[1]"));
        workspace.Add("docs/03-build-notes/milestones/m3/03-remember.md", SamplePlan.Spec("Remember me", "P1", "[01-login.md, 02-logout.md]"));
        return workspace;
    }

    [TestMethod]
    public void Real_world_variations_read_without_a_false_alarm()
    {
        var result = Workspace().Validate();
        Assert.AreEqual(string.Empty, Dump.Of(result.Diagnostics));

        var plan = result.Plans.Single();
        Assert.AreEqual("m3", plan.Milestone!.Value);
        CollectionAssert.AreEqual(new[] { 1, 2, 3 }, plan.Issues.Select(i => i.Number.Value).ToArray());
        Assert.AreEqual(101, plan.Issues.First().GitHubNumber);
        Assert.AreEqual("Connexion sécurisée", plan.Issues.First().TitleText, "tabs collapse to one space");
        Assert.AreEqual(1, plan.Resolve(new IssueNumber(101))!.Number.Value, "#101 in a dependency is the GitHub number of #01");

        var status = PlanStatus.Of(plan);
        Assert.AreEqual(IssueState.Done, status[new IssueNumber(1)]!.State);
        Assert.AreEqual(IssueState.Skipped, status[new IssueNumber(3)]!.State);
        Assert.AreEqual(2, NextIssueSelector.Select(status).Next!.Number.Value);
    }
}

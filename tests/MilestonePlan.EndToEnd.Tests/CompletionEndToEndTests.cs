namespace MilestonePlan.EndToEnd.Tests;

/// <summary>
/// `dotnet build -t:CompleteMilestone` through the packed package (issue #22): a consumer whose milestone's issues are
/// recorded done and closed on GitHub, a completion checklist with a mechanical item, a checks item and a person's
/// item, the GitHub milestone `M2 - Release Notes` and an epic issue in the fake gh. The first run ticks what it
/// verified, names the person's item and opens the base → main PR (no auto-merge); a person merges it; then two runs:
/// one tag, the milestone closed once, the epic commented and closed once, Status Complete, and the second run
/// changes nothing. Real git and a bare origin; the fake gh merges for real on it.
/// </summary>
[TestClass]
public sealed class CompletionEndToEndTests
{
    private const string Base = "milestone/m2-release-notes";
    private const string PlanRelative = "docs/03-build-notes/m2/IMPLEMENTATION_PLAN.md";
    private const string IssuesItem = "All milestone issues are closed (auto-closed via PR merges)";
    private const string ChecksItem = "CI checks pass on the milestone branch";
    private const string PersonItem = "Release notes reviewed by the product owner";

    private const string Plan = $"""
        # M2: Release Notes — Implementation Plan

        ## Overview

        **Milestone:** `m2`
        **Implementation Plan Path:** `docs/03-build-notes/m2/IMPLEMENTATION_PLAN.md`
        **Milestone Folder:** `docs/03-build-notes/m2/`
        **Milestone Branch:** `{Base}` (base branch for PRs; create from `main` if missing)
        **Epic Issue:** #30 — "Epic: M2 — Release Notes"
        **Total Issues:** 2
        **Status:** In Progress

        ## Issue Breakdown by Phase (ordered execution list)

        ### Phase 1: Notes — Issues #01, #02

        | Issue # | GitHub # | Issue File | Title | Priority | Dependencies | Feature Branch | PR Title Token | Est. Size |
        |---|---|---|---|---|---|---|---|---|
        | #01 | #31 | 01-changelog.md | Changelog | P0 | None | `feat/m2-01-changelog` | `feat(m2)` | S |
        | #02 | #32 | 02-notes-page.md | Notes page | P0 | #01 | `feat/m2-02-notes-page` | `feat(m2)` | S |

        ## Milestone Completion Checklist (before base → main)

        * [ ] {IssuesItem}
        * [ ] {ChecksItem}
        * [ ] {PersonItem}

        ## Tracking (agent-updated)

        ### Completed Issues

        * [x] #01 — Changelog
        * [x] #02 — Notes page

        ### Open PRs (autopilot)

        * (none)

        ### Blocked / Needs Review (STOP)

        * (none)

        ### Skipped Issues (Soft Stops)

        * (none)

        ### Current Phase

        * **Phase:** Phase 1: Notes
        * **Current Issue:** #02
        * **Blockers:** None

        ---

        **Last Updated:** 2026-11-20
        **Status:** In Progress

        """;

    private const string Epic = """
        ---
        title: "Epic: M2 — Release Notes"
        github_issue: 30
        ---

        # Epic: M2 — Release Notes

        ## Acceptance Criteria

        - [ ] Changelog lists every change
        - [ ] Release notes reviewed by the product owner

        ## NFR Targets

        - Notes page loads in under 1 s
        """;

    private const string GitHub = """
        {
          "milestones": [ "M1 - Todo API", { "number": 2, "title": "M2 - Release Notes", "state": "open" } ],
          "issues": [
            { "number": 30, "title": "Epic: M2 — Release Notes", "body": "", "state": "OPEN", "url": "https://github.com/example/repo/issues/30" },
            { "number": 31, "title": "Changelog", "body": "", "state": "CLOSED", "url": "https://github.com/example/repo/issues/31" },
            { "number": 32, "title": "Notes page", "body": "", "state": "CLOSED", "url": "https://github.com/example/repo/issues/32" }
          ]
        }
        """;

    [TestMethod]
    public void CompleteMilestone_opens_the_PR_for_a_person_then_after_the_merge_tags_and_closes_once()
    {
        using var repo = Consumer();
        using var gh = new FakeGhOnPath(GitHub);

        var first = Complete(repo, gh);

        Assert.AreEqual(0, first.ExitCode, first.Output);
        StringAssert.Contains(first.Output, $"Verified and ticked: {IssuesItem}; {ChecksItem}", first.Output);
        StringAssert.Contains(first.Output, $"Left for a person to verify before merging: {PersonItem}");
        StringAssert.Contains(PlanText(repo), $"* [x] {IssuesItem}\n* [x] {ChecksItem}\n* [ ] {PersonItem}\n");
        var pr = gh.PullRequestFrom(Base);
        Assert.AreEqual(("main", "M2 Milestone: Release Notes", "OPEN"), (pr["base"]!.GetValue<string>(), pr["title"]!.GetValue<string>(), pr["state"]!.GetValue<string>()));
        Assert.AreEqual($"""
            # M2 Milestone: Release Notes

            ## Summary
            Completes all M2 issues; 1 completion checklist item(s) are left for a person to verify before merging.

            ## Left for a person to verify before merging
            - [ ] {PersonItem}

            ## Acceptance Criteria Verification
            - [x] Changelog lists every change
            - [ ] {PersonItem}

            ## NFR Targets
            - [x] Notes page loads in under 1 s

            ## Issues Completed
            Closes #31, #32

            """, pr["body"]!.GetValue<string>());
        Assert.IsFalse(gh.Calls.Any(c => c is ["pr", "merge", ..]), "no auto-merge on the PR to main");
        Assert.AreEqual(string.Empty, Origin(repo, "tag"), "no tag before the merge");

        // A person merges the PR on GitHub (the fake merges it in the bare origin).
        var merge = gh.Run(repo.Path, "pr", "merge", pr["number"]!.ToString(), "--merge");
        Assert.AreEqual(0, merge.ExitCode, merge.Output);

        var second = Complete(repo, gh);
        var afterSecond = (Plan: PlanText(repo), GitHub: gh.State.ToJsonString(), Origin: repo.Git("ls-remote", "origin").Output);
        var callsBefore = gh.Calls.Count;
        var third = Complete(repo, gh);

        Assert.AreEqual(0, second.ExitCode, second.Output);
        Assert.AreEqual(0, third.ExitCode, third.Output);
        Assert.AreEqual("tag refs/tags/v0.2.0", Origin(repo, "for-each-ref", "--format=%(objecttype) %(refname)", "refs/tags"), "one annotated tag");
        StringAssert.StartsWith(Origin(repo, "tag", "-l", "--format=%(contents:subject)", "v0.2.0"), "M2: Release Notes");
        Assert.AreEqual(Origin(repo, "rev-parse", "main"), Origin(repo, "rev-parse", "v0.2.0^{commit}"), "the tag is on main");
        var calls = gh.Calls;
        Assert.AreEqual(1, calls.Count(c => c is ["api", "-X", "PATCH", "repos/{owner}/{repo}/milestones/2", "-f", "state=closed"]));
        Assert.AreEqual(1, calls.Count(c => c is ["issue", "comment", "30", "--body-file", _]));
        Assert.AreEqual(1, calls.Count(c => c is ["issue", "close", "30"]));
        var state = gh.State;
        Assert.AreEqual("closed", state["milestones"]![1]!["state"]!.GetValue<string>());
        var epic = state["issues"]![0]!;
        Assert.AreEqual("CLOSED", epic["state"]!.GetValue<string>());
        StringAssert.Contains(epic["comments"]!.AsArray().Single()!["body"]!.GetValue<string>(), $"m2 is complete: `{Base}` is merged into `main` and tagged `v0.2.0`");
        StringAssert.Contains(second.Output, $"Left unticked for a person (the PR to main is merged): {PersonItem}");
        StringAssert.Contains(PlanText(repo), "**Status:** Complete\n");

        // The second run after the merge changes nothing: plan, GitHub and origin as it left them; it only asked.
        Assert.AreEqual(afterSecond, (PlanText(repo), gh.State.ToJsonString(), repo.Git("ls-remote", "origin").Output));
        Assert.IsFalse(gh.Calls.Skip(callsBefore).Any(c => c is ["api", "-X", ..] or ["issue", "comment" or "close", ..] or ["pr", "create" or "merge", ..]), "the third run only asked");
        StringAssert.Contains(third.Output, "v0.2.0 already exists on origin");
        StringAssert.Contains(third.Output, "GitHub milestone #2 \"M2 - Release Notes\" is already closed");
        StringAssert.Contains(third.Output, "Epic #30 is already closed");
    }

    /// <summary>The consumer: the plan, its specs and the epic on main; the base one commit ahead, checked out at origin's commit.</summary>
    private static ConsumerRepository Consumer()
    {
        var repo = new ConsumerRepository(withSamplePlans: false);
        repo.Write(PlanRelative, Plan);
        repo.Write("docs/03-build-notes/m2/00-epic.md", Epic);
        foreach (var (file, title, number, dependencies) in new[] { ("01-changelog.md", "Changelog", 31, "[]"), ("02-notes-page.md", "Notes page", 32, "[1]") })
        {
            repo.Write($"docs/03-build-notes/m2/{file}", $"---\ntitle: \"{title}\"\ngithub_issue: {number}\npriority: P0\ndependencies: {dependencies}\n---\n\n"
                + $"# {title}\n\n## Done Definition\n\nDone.\n\n## Acceptance Criteria\n\n- [ ] {title} works\n");
        }

        repo.AddProject("App");
        repo.PublishToOrigin();
        repo.Git("checkout", "-q", "-b", Base);
        repo.Write("CHANGELOG.md", "# Changelog\n\n- Release notes page\n");
        repo.Git("add", "-A");
        repo.Git("commit", "-q", "-m", "feat(m2): Changelog (#31)");
        repo.Git("push", "-q", "-u", "origin", $"refs/heads/{Base}:refs/heads/{Base}");
        return repo;
    }

    private static DotNet.Result Complete(ConsumerRepository repo, FakeGhOnPath gh) =>
        DotNet.RunWith(gh.Environment_, repo.Path, ["build", "App/App.csproj", "-t:CompleteMilestone", "-nologo", "-nodeReuse:false",
            "-p:Milestone=m2", "-p:MilestonePlanCheckCommand=true"]);

    private static string PlanText(ConsumerRepository repo) => File.ReadAllText(Path.Combine(repo.Path, PlanRelative));

    private static string Origin(ConsumerRepository repo, params string[] arguments) =>
        DotNet.Exec("git", repo.Path, ["--git-dir", repo.Origin, .. arguments]).Output.Trim();
}

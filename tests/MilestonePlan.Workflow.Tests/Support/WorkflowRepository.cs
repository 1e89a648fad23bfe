using MilestonePlan.Workflow.Settings;
using MilestonePlan.Workflow.Actions;

namespace MilestonePlan.Workflow.Tests.Support;

/// <summary>A git repository holding a small milestone, a fake gh, and a runner wired to both.</summary>
internal sealed class WorkflowRepository : IDisposable
{
    public const string PlanRelative = "docs/03-build-notes/m1/IMPLEMENTATION_PLAN.md";

    public const string Plan = """
        # M1 Implementation Plan

        ## Overview

        **Milestone:** `m1`
        **Implementation Plan Path:** `docs/03-build-notes/m1/IMPLEMENTATION_PLAN.md`
        **Milestone Folder:** `docs/03-build-notes/m1/`
        **Milestone Branch:** `milestone/m1-core` (base branch for PRs; create from `main` if missing)
        **Total Issues:** 3
        **Status:** Not Started

        ## Issue Breakdown by Phase

        ### Phase 1: Core — Issues #01, #02

        | Issue # | Issue File | Title | Priority | Dependencies | Feature Branch | PR Title Token | Est. Size |
        |---|---|---|---|---|---|---|---|
        | #01 | 01-parser.md | Parser | P0 | None | `feat/m1-01-parser` | `feat(m1)` | M |
        | #02 | 02-rules.md | Rules | P0 | #01 | `feat/m1-02-rules` | `feat(m1)` | M |

        ### Phase 2: Polish — Issue #03

        | Issue # | Issue File | Title | Priority | Dependencies | Feature Branch | PR Title Token | Est. Size |
        |---|---|---|---|---|---|---|---|
        | #03 | 03-docs.md | Docs | P1 | #01 | `feat/m1-03-docs` | `feat(m1)` | S |

        ## Tracking (agent-updated)

        ### Completed Issues

        * [ ] #01 — Parser
        * [ ] #02 — Rules
        * [ ] #03 — Docs

        ### Open PRs (autopilot)

        * (none)

        ### Blocked / Needs Review (STOP)

        * (none)

        ### Skipped Issues (Soft Stops)

        * (none)

        ### Current Phase

        * **Phase:** Phase 1: Core
        * **Current Issue:** #01
        * **Blockers:** None

        ---

        **Last Updated:** —
        **Status:** Not Started

        """;

    public WorkflowRepository(bool installGh = true, string? plan = null)
    {
        Git = new TempGitRepository();
        Gh = new FakeGhEnvironment(installGh);
        Git.Write(PlanRelative, plan ?? Plan);
        foreach (var (file, title, priority) in new[] { ("01-parser.md", "Parser", "P0"), ("02-rules.md", "Rules", "P0"), ("03-docs.md", "Docs", "P1") })
        {
            Git.Write($"docs/03-build-notes/m1/{file}", $"---\ntitle: \"{title}\"\npriority: {priority}\n---\n\n# {title}\n\n## Done Definition\n\nDone.\n\n## Acceptance Criteria\n\n- [ ] {title} works\n- [ ] Tests cover {title}\n");
        }

        Git.CommitAll("plan", push: true);
    }

    public TempGitRepository Git { get; }

    public FakeGhEnvironment Gh { get; }

    public List<string> Output { get; } = [];

    public string PlanPath => Path.Combine(Git.Path_, PlanRelative);

    public const string TrackingBranch = "chore/m1-plan-tracking";

    /// <summary>The milestone's tracked state: the plan on the tracking branch when there is one (every tracking edit goes there), else on disk.</summary>
    public string PlanText => TrackedText(PlanRelative);

    /// <summary>A file of the docs as the milestone's tracked state has it (tracking branch when there is one, else disk).</summary>
    public string TrackedText(string relative) => Git.Git("branch", "--list", TrackingBranch).Trim().Length > 0
        ? Git.Git("show", $"refs/heads/{TrackingBranch}:{relative}")
        : File.ReadAllText(Path.Combine(Git.Path_, relative));

    /// <summary>The plan in the work tree, whatever branch is checked out.</summary>
    public string DiskPlanText => File.ReadAllText(PlanPath);

    /// <summary>The gh calls about issues: every call but those about the milestone's tracking PR.</summary>
    public IReadOnlyList<string[]> IssueGhCalls
    {
        get
        {
            var tracking = (Gh.State["prs"]?.AsArray() ?? [])
                .Where(p => p!["head"]!.GetValue<string>().StartsWith("chore/", StringComparison.Ordinal))
                .Select(p => p!["number"]!.ToString()).ToHashSet();
            return Gh.Calls.Where(c => !c.Any(a => a.StartsWith("chore/", StringComparison.Ordinal) || a.StartsWith("chore(", StringComparison.Ordinal))
                && !(c.Length > 2 && c[0] == "pr" && tracking.Contains(c[2]))).ToList();
        }
    }

    /// <summary>The PRs of issues: every PR in the fake but the milestone's tracking PR.</summary>
    public System.Text.Json.Nodes.JsonArray IssuePullRequests => new(Gh.State["prs"]?.AsArray()
        .Where(p => !p!["head"]!.GetValue<string>().StartsWith("chore/", StringComparison.Ordinal))
        .Select(p => p!.DeepClone()).ToArray() ?? []);

    public WorkflowRunner Runner(bool dryRun = false, string? milestone = null, string checks = "none", string? fix = null) =>
        new(Settings(new()
        {
            ["MilestonePlanDryRun"] = dryRun ? "true" : "false",
            ["Milestone"] = milestone,
            ["MilestonePlanCheckCommand"] = checks,
            ["MilestonePlanFixCommand"] = fix,
        }), Gh.Runner, Output.Add);

    /// <summary>The run's context from MSBuild-named settings, as the task makes it, with the tests' date and a one-minute timeout.</summary>
    public WorkflowContext Settings(Dictionary<string, string?> properties, CancellationToken cancellation = default)
    {
        properties.TryAdd("MilestonePlanTimeoutSeconds", "60");
        return WorkflowSettings.Parse(Git.Path_, properties, cancellation) with { Today = "2026-11-24" };
    }

    public void Dispose()
    {
        Git.Dispose();
        Gh.Dispose();
    }
}

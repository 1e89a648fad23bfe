namespace MilestonePlan.Core.Tests.Support;

/// <summary>A small consistent milestone (plan + three specs) that produces no diagnostic; tests mutate it.</summary>
internal static class SamplePlan
{
    public const string Plan = """
        # M1 Implementation Plan

        ## Overview

        **Milestone:** `m1`
        **Implementation Plan Path:** `docs/03-build-notes/m1/IMPLEMENTATION_PLAN.md`
        **Milestone Folder:** `docs/03-build-notes/m1/`
        **Milestone Branch:** `milestone/m1-core` (base branch for PRs)
        **Epic Issue:** TBD
        **Total Issues:** 3
        **Status:** In Progress

        ## Always Load Context (required reads)

        - `docs/guides/workflow.md`

        ## Issue Breakdown by Phase

        ### Phase 1: Core — Issues #01, #02

        | Issue # | Issue File | Title | Priority | Dependencies | Feature Branch | PR Title Token | Est. Size |
        |---------|------------|-------|----------|--------------|----------------|----------------|-----------|
        | #01 | 01-parser.md | Parser | P0 | None | `feat/m1-01-parser` | `feat(m1)` | M |
        | #02 | 02-rules.md | Rules | P0 | #01 | `feat/m1-02-rules` | `feat(m1)` | M |

        ### Phase 2: Polish — Issue #03

        | Issue # | Issue File | Title | Priority | Dependencies | Feature Branch | PR Title Token | Est. Size |
        |---|---|---|---|---|---|---|---|
        | #03 | 03-docs.md | Docs | P1 | #01, #02 | `feat/m1-03-docs` | `feat(m1)` | S |

        ## Tracking (agent-updated)

        ### Completed Issues

        * [x] #01 — Parser
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
        * **Current Issue:** #02
        * **Blockers:** None

        ---

        **Last Updated:** 2026-11-24
        **Status:** In Progress
        """;

    public static string Spec(string title, string priority, string dependencies) => $"""
        ---
        title: "{title}"
        labels: ["type:feature"]
        github_issue:
        priority: {priority}
        dependencies: {dependencies}
        ---

        # {title}

        ## Done Definition

        It works.

        ## Acceptance Criteria

        - [ ] It works
        """;

    public const string PlanPath = "docs/03-build-notes/m1/IMPLEMENTATION_PLAN.md";

    /// <summary>The sample with <paramref name="mutate"/> applied to the plan text (and specs by name).</summary>
    public static PlanWorkspace Workspace(Func<string, string>? mutate = null, Action<Dictionary<string, string>>? specs = null)
    {
        var files = new Dictionary<string, string>
        {
            ["01-parser.md"] = Spec("Parser", "P0", "[]"),
            ["02-rules.md"] = Spec("Rules", "P0", "[1]"),
            ["03-docs.md"] = Spec("Docs", "P1", "[1, 2]"),
        };
        specs?.Invoke(files);
        var workspace = new PlanWorkspace();
        workspace.Add(PlanPath, (mutate ?? (s => s))(Plan));
        foreach (var (name, text) in files)
        {
            workspace.Add("docs/03-build-notes/m1/" + name, text);
        }

        workspace.Add("docs/guides/workflow.md", "# Workflow");
        return workspace;
    }

    /// <summary>1-based line and column of the first occurrence of <paramref name="needle"/> (after <paramref name="after"/>).</summary>
    public static (int Line, int Column) Position(string text, string needle, string? after = null)
    {
        var start = after is null ? 0 : text.IndexOf(after, StringComparison.Ordinal);
        Assert.IsGreaterThanOrEqualTo(0, start, $"'{after}' not found");
        var index = text.IndexOf(needle, start, StringComparison.Ordinal);
        Assert.IsGreaterThanOrEqualTo(0, index, $"'{needle}' not found");
        var line = 1 + text.Take(index).Count(c => c == '\n');
        var lineStart = index == 0 ? 0 : text.LastIndexOf('\n', index - 1) + 1;
        var column = index - lineStart + 1;

        return (line, column);
    }
}

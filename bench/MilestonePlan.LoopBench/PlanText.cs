using System.Text;

namespace MilestonePlan.LoopBench;

/// <summary>
/// A generated milestone as files in the product's format: the plan (the template's Overview, one phase per level, the
/// tracking sections) and one spec per issue whose front matter agrees with the plan. The bench builds each one with
/// `dotnet build` first and refuses to measure a plan with any finding.
/// </summary>
internal static class PlanText
{
    public const string Folder = "docs/03-build-notes/m1";

    public const string BaseBranch = "milestone/m1-bench";

    public static IEnumerable<(string Path, string Text)> Files(Shape shape)
    {
        yield return ($"{Folder}/IMPLEMENTATION_PLAN.md", Plan(shape));
        foreach (var issue in shape.Issues)
        {
            yield return ($"{Folder}/{FileName(issue)}", Spec(issue));
        }
    }

    private static string Plan(Shape shape)
    {
        var text = new StringBuilder($"""
            # M1 Implementation Plan

            ## Overview

            **Milestone:** `m1`
            **Implementation Plan Path:** `{Folder}/IMPLEMENTATION_PLAN.md`
            **Milestone Folder:** `{Folder}/`
            **Milestone Branch:** `{BaseBranch}` (base branch for PRs; create from `main` if missing)
            **Total Issues:** {shape.Issues.Count}
            **Status:** Not Started

            ## Issue Breakdown by Phase

            """);
        foreach (var level in shape.Issues.GroupBy(i => i.Level))
        {
            text.Append($"""

                ### Phase {level.Key}: Level {level.Key} — Issues {string.Join(", ", level.Select(i => Ref(i.Number)))}

                | Issue # | Issue File | Title | Priority | Dependencies | Feature Branch | PR Title Token | Est. Size |
                |---|---|---|---|---|---|---|---|

                """);
            foreach (var i in level)
            {
                var deps = i.Dependencies.Count == 0 ? "None" : string.Join(", ", i.Dependencies.Select(Ref));
                text.Append($"| {Ref(i.Number)} | {FileName(i)} | {Title(i)} | P0 | {deps} | `feat/m1-{i.Number:00}-bench-issue-{i.Number:00}` | `feat(m1)` | S |\n");
            }
        }

        text.Append("\n## Tracking (agent-updated)\n\n### Completed Issues\n\n");
        foreach (var i in shape.Issues)
        {
            text.Append($"* [ ] {Ref(i.Number)} — {Title(i)}\n");
        }

        text.Append("""

            ### Open PRs (autopilot)

            * (none)

            ### Blocked / Needs Review (STOP)

            * (none)

            ### Skipped Issues (Soft Stops)

            * (none)

            ### Current Phase

            * **Phase:** Phase 1: Level 1
            * **Current Issue:** #01
            * **Blockers:** None

            ---

            **Last Updated:** —
            **Status:** Not Started

            """);
        return text.ToString();
    }

    private static string Spec(BenchIssue issue) => $"""
        ---
        title: "{Title(issue)}"
        priority: P0
        dependencies: [{string.Join(", ", issue.Dependencies)}]
        ---

        # {Title(issue)}

        ## Done Definition

        The scripted agent wrote src/issue-{issue.Number:00}.txt.

        ## Acceptance Criteria

        - [ ] src/issue-{issue.Number:00}.txt exists

        """;

    private static string Ref(int number) => $"#{number:00}";

    private static string Title(BenchIssue issue) => $"Bench issue {issue.Number:00}";

    private static string FileName(BenchIssue issue) => $"{issue.Number:00}-bench-issue-{issue.Number:00}.md";
}

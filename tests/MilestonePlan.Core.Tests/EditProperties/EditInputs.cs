using CsCheck;

namespace MilestonePlan.Core.Tests.EditProperties;

/// <summary>
/// Plans and specs built to break editors: every Unicode line terminator, lone CR and CRLF mixes, tabs, brackets and
/// quotes in values, duplicate issue numbers, tracking entries without checkboxes, nested lines under entries.
/// </summary>
internal static class EditInputs
{
    /// <summary>Cases per property run: 2,000, or MILESTONEPLAN_EDIT_ITERATIONS (e.g. 100000) for the long run by hand.</summary>
    public static int Iterations =>
        int.TryParse(Environment.GetEnvironmentVariable("MILESTONEPLAN_EDIT_ITERATIONS"), out var n) && n > 0 ? n : 2_000;

    /// <summary>Characters that end a line for some reader (YAML, Roslyn, Unicode) but not for Markdig, and other troublemakers.</summary>
    private static readonly string[] Odd = ["\u2028", "\u2029", "\u0085", "\t", "[", "]", "\"", "'", "`", "[x]", "](", "\\", "\u000B", "\u000C", "\uFEFF", "#", "*"];

    private static readonly Gen<string> Ending = Gen.Frequency((6, Gen.Const("\n")), (3, Gen.Const("\r\n")), (2, Gen.Const("\r")));

    private static readonly Gen<string> Spice = Gen.Frequency((3, Gen.Const(string.Empty)), (2, Gen.OneOfConst(Odd)), (1, Gen.OneOfConst(Odd).Array[2, 4].Select(string.Concat)));

    private static Gen<string> Value(params string[] plain) => Gen.Select(Gen.OneOfConst(plain), Spice, Spice, Gen.Int[0, 2],
        (value, before, after, where) => where switch { 0 => before + value, 1 => value + after, _ => before + value + after });

    private static readonly Gen<string> Title = Value("Parser", "Rules", "Docs", "Exporter (v3)");

    /// <summary>A Completed Issues line: with or without its checkbox, `*` `-` or `+`, the number with or without `#`.</summary>
    private static Gen<string> ChecklistLine(string number, string title) => Gen.Select(Gen.OneOfConst("* ", "- ", "+ ", "  * ", "*\t"),
        Gen.OneOfConst("[ ] ", "[x] ", "", "[X] ", "[ ]  "), Gen.OneOfConst("#" + number, number), Gen.OneOfConst(" — ", " - ", ": "),
        (bullet, box, n, separator) => bullet + box + n + separator + title);

    /// <summary>
    /// An Open PRs section: `(none)`, or an entry (naming its issue by plan number, or by GitHub number #101, which is #01's
    /// unless the duplicate row claims it too) with nested Status / Code Review / Created lines in the template's order,
    /// a bold Code Review label, or none (kept together for removal).
    /// </summary>
    private static readonly Gen<string[]> OpenPullRequests = Gen.OneOf(
        Gen.Const(new[] { "* (none)" }),
        Gen.Select(Gen.OneOfConst("02", "03", "101"), Gen.Int[0, 3], Gen.Int[1, 99], (n, nested, pr) => new[] { $"* [PR #{pr}](https://github.com/o/r/pull/{pr}) — x (#{n})" }
            .Concat(nested switch
            {
                0 => [],
                1 => ["  - Status: ⏳ Checks pending", "  - Created: 2026-11-24"],
                2 => ["  - Status: ✓ Checks passing", "  - Code Review: ⏳ Pending", "  - Created: 2026-11-24"],
                _ => ["  - **Code Review:** ⚠ 2 issues found"],
            }).ToArray()));

    /// <summary>A Blocked section: `(none)`, a standard STOP entry with a nested Reason, or the code-review findings format (its list at either indentation).</summary>
    private static readonly Gen<string[]> Blocked = Gen.OneOf(
        Gen.Const(new[] { "* (none)" }),
        Gen.OneOfConst("02", "03").Select(n => new[] { $"* #{n} — x — STOP: migration — Needs: review", "  - Reason: a [b] \"c\"" }),
        Gen.Select(Gen.OneOfConst("02", "03"), Gen.OneOfConst("    ", "  "), (n, indent) => new[]
        {
            $"* **#101** (plan #{n}) — x", "  - Reason: Code review found 1 critical issue (PR #7)", "  - Findings:",
            indent + "1. a [b] `c` (score: 90, file: f.cs, line: 2)", "  - Fix: Address critical issues before continuing", "  - PR: #7", "  - Blocked Date: 2026-11-24",
        }));

    /// <summary>The plan's lines (without endings), from the template's shape with every value varied.</summary>
    private static readonly Gen<List<string>> PlanLines = Gen.Select(
        Gen.Select(Title, Title, Title, Gen.Bool, Gen.Bool, (t1, t2, t3, duplicate, gitHub) => (t1, t2, t3, duplicate, gitHub)),
        Gen.Select(ChecklistLine("01", "Parser"), ChecklistLine("02", "Rules"), ChecklistLine("03", "Docs"), Gen.Bool, (c1, c2, c3, dropOne) => (c1, c2, c3, dropOne)),
        Gen.Select(OpenPullRequests, Blocked, (open, blocked) => (open, blocked)),
        Gen.Select(Value("2026-11-24", "[2026-11-24]20", "2026-11-24[20"), Value("#02", "#02 [x", "[#02]"), Value("In Progress", "Not Started", "[In Progress"),
            Value("3", "3 (including epic)"), (updated, current, status, total) => (updated, current, status, total)),
        (rows, checklist, tracking, fields) =>
        {
            var gitHubHeader = rows.gitHub ? " GitHub # |" : string.Empty;
            var gitHubSeparator = rows.gitHub ? "---|" : string.Empty;
            string Row(string n, string file, string title, string deps, string branch, string gh) =>
                $"| #{n} | {file} | {title} | P0 | {deps} | `feat/m1-{branch}` | `feat(m1)` | M |" + (rows.gitHub ? $" {gh} |" : string.Empty);
            var lines = new List<string>
            {
                "# M1 Implementation Plan", "", "## Overview", "",
                "**Milestone:** `m1`", "**Implementation Plan Path:** `docs/03-build-notes/m1/IMPLEMENTATION_PLAN.md`",
                "**Milestone Folder:** `docs/03-build-notes/m1/`", "**Milestone Branch:** `milestone/m1-core`",
                "**Total Issues:** " + fields.total, "**Status:** " + fields.status, "",
                "## Issue Breakdown by Phase", "", "### Phase 1: Core", "",
                "| Issue # | Issue File | Title | Priority | Dependencies | Feature Branch | PR Title Token | Est. Size |" + gitHubHeader,
                "|---|---|---|---|---|---|---|---|" + gitHubSeparator,
                Row("01", "01-parser.md", rows.t1, "None", "01-parser", "#101"),
                Row("02", "02-rules.md", rows.t2, "#01", "02-rules", ""),
            };
            if (rows.duplicate)
            {
                lines.Add(Row("02", "02-again.md", "Again", "None", "02-again", "#101"));
            }

            lines.AddRange(["", "### Phase 2: Polish", "",
                "| Issue # | Issue File | Title | Priority | Dependencies | Feature Branch | PR Title Token | Est. Size |" + gitHubHeader,
                "|---|---|---|---|---|---|---|---|" + gitHubSeparator,
                Row("03", "03-docs.md", rows.t3, "#01, #02", "03-docs", "TBD"),
                "", "## Tracking (agent-updated)", "", "### Completed Issues", "", checklist.c1]);
            if (!checklist.dropOne)
            {
                lines.Add(checklist.c2);
            }

            lines.AddRange([checklist.c3, "", "### Open PRs (autopilot)", "", .. tracking.open, "", "### Blocked / Needs Review (STOP)", "", .. tracking.blocked,
                "", "### Skipped Issues (Soft Stops)", "", "* (none)", "", "### Current Phase", "", "* **Phase:** Phase 1: Core",
                "* **Current Issue:** " + fields.current, "* **Blockers:** None", "", "---", "", "**Last Updated:** " + fields.updated, "**Status:** " + fields.status]);
            return lines;
        });

    /// <summary>Lines joined with a line ending each (mixed LF, CRLF, lone CR), maybe a BOM, maybe no final ending.</summary>
    private static Gen<string> Joined(Gen<List<string>> lines) => Gen.Select(
        lines.SelectMany(all => Ending.Array[all.Count].Select(endings => (all, endings))), Gen.Bool, Gen.Bool, (pair, bom, finalEnding) =>
    {
        var (all, endings) = pair;
        var text = string.Concat(all.Select((line, i) => line + (i < all.Count - 1 || finalEnding ? endings[i] : string.Empty)));
        return (bom ? "\uFEFF" : string.Empty) + text;
    });

    public static readonly Gen<string> Plan = Joined(PlanLines);

    /// <summary>Front matter as people (and the fuzzer) write it: odd breaks and tabs, values on the next line, quotes holding a CR.</summary>
    private static readonly Gen<List<string>> SpecLines = Gen.Select(
        Gen.OneOfConst("title: \"Rules\"", "title: Rules", "title: 'Ru\rles'", "title: \"Ru\u2028les\"", "title:\n  Rules", "\ttitle: Rules", "title: \"Rules\" # c", "Title: Rules"),
        Gen.OneOfConst("github_issue:", "github_issue: ", "github_issue: 7", "github_issue:\n  7", "github_issue: ~", "github_issue: \"\"", "", "GitHub_Issue:", "\tgithub_issue:"),
        Gen.OneOfConst("priority: P0", "priority: P0\u2028", "priority: P0\u0085", "priority: P0\u2029labels: [a]", "\tpriority: P0", "priority:\tP0"),
        Gen.OneOfConst("dependencies: [1]", "dependencies:\n  - 1", "dependencies: []", "labels: [\"type:feature\"]", ""),
        Gen.OneOfConst(0, 1, 2), Gen.Bool,
        (title, gitHub, priority, dependencies, order, frontMatter) =>
        {
            var keys = new List<string> { title, gitHub, priority, dependencies }.Where(k => k.Length > 0).ToList();
            if (order == 1)
            {
                keys.Reverse();
            }
            else if (order == 2 && keys.Count > 2)
            {
                (keys[0], keys[2]) = (keys[2], keys[0]);
            }

            var body = new[] { "", "# Rules", "", "## Done Definition", "", "x", "", "## Acceptance Criteria", "", "- [ ] y [z]" };
            var lines = frontMatter ? ["---", .. keys.SelectMany(k => k.Split('\n')), "---", .. body] : body.Skip(1).ToList();
            return lines;
        });

    public static readonly Gen<string> Spec = Joined(SpecLines);
}

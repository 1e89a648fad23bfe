using System.Text;

namespace MilestonePlan.Benchmarks;

/// <summary>
/// Plans holding one pathological table row (issue #19): a row of thousands of `|`, or of thousands of short cells,
/// in the issue table, a tracking table or another table. Each is a small consistent plan plus the row, sized in
/// characters of the row; every size here stays under the 512 KiB plan cap.
/// </summary>
public static class PipeRows
{
    public const string PlanPath = SyntheticPlans.Root + "/docs/03-build-notes/m1/IMPLEMENTATION_PLAN.md";

    /// <summary>The shapes measured, by name: each makes the row's text for a length.</summary>
    public static readonly IReadOnlyDictionary<string, Func<int, string>> Shapes = new Dictionary<string, Func<int, string>>
    {
        ["pipes"] = n => new string('|', n),
        ["short-cells"] = n => "|" + Repeat(" a |", n / 4),
        ["empty-cells"] = n => "|" + Repeat(" |", n / 2),
        ["escaped-pipes"] = n => "| #04 | " + Repeat("\\|", n / 2) + " |",
        ["backslash-runs"] = n => "|" + Repeat("\\\\|", n / 3),
        ["code-pipes"] = n => "| #04 | " + Repeat("`|` ", n / 4) + " |",
        ["numbered-cells"] = n => "| #04 | 04-x.md | X | P0 | None |" + Repeat(" `feat/m1-04-x` |", n / 17),

        // Other markup runs, for "the largest time any input under the caps took" (no pipes but the place's own).
        ["code-spans"] = n => Repeat("`a", n / 2),
        ["underscores"] = n => Repeat("_a", n / 2),
        ["angles"] = n => Repeat("<a", n / 2),
        ["backslashes"] = n => new string('\\', n),
        ["closing-brackets"] = n => new string(']', n),
        ["entities"] = n => Repeat("&amp;", n / 5),
        ["letters"] = n => Repeat("ab ", n / 3),
    };

    /// <summary>
    /// Where the row goes: the issue table, a tracking section, a table of no concern, a paragraph, the header (with a
    /// delimiter and a body row as wide), rows of a thousand characters. The two wide places ignore the shape: an issue
    /// table in the template's plain shape with thousands of columns, one body row or many, which the line reader takes.
    /// </summary>
    public static readonly string[] Places = ["issue-table", "tracking-table", "other-table", "paragraph", "header", "many-rows", "wide-issue-table", "wide-many-rows", "empty-many-rows"];

    public static string Plan(string shape, string place, int length)
    {
        // A header row of the length comes with a delimiter row and a body row as wide: a third each.
        var row = Shapes[shape](place == "header" ? length / 3 : length);
        var issueRows = "| #01 | 01-a.md | A | P0 | None | `feat/m1-01-a` | `feat(m1)` | M |\n"
            + "| #02 | 02-b.md | B | P0 | #01 | `feat/m1-02-b` | `feat(m1)` | M |\n";
        var header = "| Issue # | Issue File | Title | Priority | Dependencies | Feature Branch | PR Title Token | Est. Size |\n";
        var delimiter = "|---|---|---|---|---|---|---|---|\n";
        var table = place switch
        {
            "issue-table" => header + delimiter + issueRows + row + "\n",
            "header" => row + "\n" + Delimiter(row) + "\n" + row + "\n\n" + header + delimiter + issueRows,
            "many-rows" => header + delimiter + issueRows + ManyRows(row, length),
            "wide-issue-table" => WideIssueTable(length / 12, 1),
            "wide-many-rows" => WideIssueTable(80, length / 300),
            "empty-many-rows" => EmptyIssueTable(1_000, length / 1_003),
            _ => header + delimiter + issueRows,
        };
        var tracking = place == "tracking-table" ? "| Issue | Status |\n|---|---|\n| #01 | ✅ |\n" + row + "\n" : "* [ ] #01 — A\n* [ ] #02 — B\n";
        var notes = place switch
        {
            "other-table" => "## Notes\n\n| Note | Text |\n|---|---|\n" + row + "\n",
            "paragraph" => "## Notes\n\n" + row + "\n",
            _ => string.Empty,
        };
        return "# M1 Implementation Plan\n\n## Overview\n\n**Milestone:** `m1`\n"
            + "**Implementation Plan Path:** `docs/03-build-notes/m1/IMPLEMENTATION_PLAN.md`\n"
            + "**Milestone Folder:** `docs/03-build-notes/m1/`\n**Milestone Branch:** `milestone/m1-bench`\n"
            + "**Total Issues:** 2\n**Status:** In Progress\n\n## Issue Breakdown by Phase\n\n### Phase 1: All — Issues #01, #02\n\n"
            + table + "\n## Tracking (agent-updated)\n\n### Completed Issues\n\n" + tracking
            + "\n### Open PRs (autopilot)\n\n* (none)\n\n### Current Phase\n\n* **Phase:** Phase 1: All\n* **Current Issue:** #01\n\n"
            + notes;
    }

    /// <summary>An issue spec holding the same text after its sections (its cap is 256 KiB).</summary>
    public static string Spec(string shape, string place, int length) =>
        "---\ntitle: \"A\"\npriority: P0\ndependencies: []\n---\n\n# A\n\n## Done Definition\n\nDone.\n\n## Acceptance Criteria\n\n- [ ] Works\n\n"
        + Plan(shape, place, length);

    public static Dictionary<string, string> Tree(string shape, string place, int length) => new() { [PlanPath] = Plan(shape, place, length) };

    /// <summary>Rows of about a thousand characters each, as many as make <paramref name="length"/>.</summary>
    private static string ManyRows(string row, int length)
    {
        var b = new StringBuilder();
        var line = row.Substring(0, Math.Min(row.Length, 1_000));
        while (b.Length < length)
        {
            b.Append(line).Append('\n');
        }

        return b.ToString();
    }

    /// <summary>
    /// An issue table of <paramref name="extra"/> columns besides number and title, and <paramref name="rows"/> body rows
    /// (4 characters a cell): every row has the header's cell count, so it is a simple table.
    /// </summary>
    private static string WideIssueTable(int extra, int rows)
    {
        var b = new StringBuilder("| Issue # | Title |").Append(Repeat(" x |", extra)).Append("\n|---|---|").Append(Repeat("---|", extra)).Append('\n');
        for (var r = 1; r <= rows; r++)
        {
            b.Append($"| #{r:00} | Wide {r} |").Append(Repeat(" y |", extra)).Append('\n');
        }

        return b.ToString();
    }

    /// <summary>The most cells a plain table holds in its length: empty cells of one character, in rows of 1,002 cells.</summary>
    private static string EmptyIssueTable(int extra, int rows) =>
        "| Issue # | Title |" + new string('|', extra) + "\n|---|---|" + Repeat("-|", extra) + "\n" + Repeat("|" + new string('|', extra + 2) + "\n", rows);

    /// <summary>A delimiter row with a cell per pipe gap of <paramref name="row"/>.</summary>
    private static string Delimiter(string row)
    {
        var cells = Math.Max(1, row.Count(c => c == '|') - 1);
        return "|" + Repeat("-|", cells);
    }

    private static string Repeat(string s, int count) => new StringBuilder(s.Length * Math.Max(count, 0)).Insert(0, s, Math.Max(count, 0)).ToString();
}

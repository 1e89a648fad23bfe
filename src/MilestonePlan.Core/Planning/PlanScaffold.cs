using System.Text;
using MilestonePlan.Core.Model;
using MilestonePlan.Core.Analysis;

namespace MilestonePlan.Core.Planning;

/// <summary>One spec file as NewMilestonePlan sees it.</summary>
internal sealed record ScaffoldSpec(string FileName, IssueSpec Spec);

/// <summary>
/// NewMilestonePlan's plan: the template's structure (Overview, one phase with the 8-column issue table, the
/// tracking sections) filled from the spec files already in the folder. Pure; the result validates clean.
/// </summary>
internal static class PlanScaffold
{
    public static string Create(MilestoneId milestone, string folderRelative, string? milestoneTitle, IReadOnlyList<ScaffoldSpec> specs)
    {
        var folder = folderRelative.TrimEnd('/') + "/";
        var rows = specs
            .Select(s => (Spec: s, Number: LeadingNumber(s.FileName)))
            .Where(s => s.Number is not null)
            .OrderBy(s => s.Number!.Value.Value)
            .ToList();
        var byFile = rows.ToDictionary(r => Path.GetFileNameWithoutExtension(r.Spec.FileName), r => r.Number!.Value, StringComparer.OrdinalIgnoreCase);
        var title = string.IsNullOrWhiteSpace(milestoneTitle) ? milestone.ToString().ToUpperInvariant() : milestoneTitle!.Trim();
        var shortName = BranchNames.Slug(title.StartsWith(milestone.ToString(), StringComparison.OrdinalIgnoreCase) ? title.Substring(milestone.ToString().Length) : title);

        var b = new StringBuilder();
        b.Append($"# {milestone.ToString().ToUpperInvariant()}: {title} — Implementation Plan\n\n");
        b.Append("**This file serves as the source of truth and progress manifest for the milestone.**\n\n## Overview\n\n");
        b.Append($"**Milestone:** `{milestone}`\n");
        b.Append($"**Implementation Plan Path:** `{folder}IMPLEMENTATION_PLAN.md`\n");
        b.Append($"**Milestone Folder:** `{folder}`\n");
        b.Append($"**Milestone Branch:** `milestone/{milestone}-{(shortName.Length > 0 ? shortName : "work")}` (base branch for PRs; create from `main` if missing)\n");
        b.Append($"**Epic Issue:** TBD — \"Epic: {milestone.ToString().ToUpperInvariant()} — {title}\"\n");
        b.Append($"**Total Issues:** {rows.Count}\n**Status:** Not Started\n\n");
        b.Append("## Issue Breakdown by Phase (ordered execution list)\n\nExecution order is:\n1) P0 top-to-bottom, then 2) P1 top-to-bottom, respecting dependencies.\n\n");
        var numbers = rows.Count == 0 ? string.Empty : " — Issues " + string.Join(", ", rows.Select(r => r.Number!.Value.ToString()));
        b.Append($"### Phase 1: Implementation{numbers}\n\n");
        b.Append("| Issue # | Issue File | Title | Priority | Dependencies | Feature Branch | PR Title Token | Est. Size |\n");
        b.Append("|---------|------------|-------|----------|--------------|----------------|----------------|-----------|\n");
        foreach (var (spec, number) in rows)
        {
            var n = number!.Value;
            var issueTitle = IssueTitle(spec);
            var priority = Priority.TryParse(spec.Spec.Get("priority")?.Scalar, out var p) ? p.ToString() : "P0";
            var dependencies = (spec.Spec.Get("dependencies")?.Items ?? [])
                .Select(d => IssueNumber.TryParse(d, out var dn) ? dn : byFile.TryGetValue(Path.GetFileNameWithoutExtension(d.Trim()), out var fn) ? fn : (IssueNumber?)null)
                .OfType<IssueNumber>()
                .Select(d => d.ToString())
                .ToList();
            var slug = BranchNames.Slug(Path.GetFileNameWithoutExtension(spec.FileName).TrimStart("0123456789".ToCharArray()));
            b.Append($"| {n} | {spec.FileName} | {issueTitle.Replace("|", "\\|")} | {priority} | {(dependencies.Count == 0 ? "None" : string.Join(", ", dependencies))} | ");
            b.Append($"`feat/{milestone}-{n.Padded}-{(slug.Length > 0 ? slug : "issue")}` | `feat({milestone})` | M |\n");
        }

        b.Append("\n## Tracking (agent-updated)\n\n### Completed Issues\n\n");
        foreach (var (spec, number) in rows)
        {
            b.Append($"* [ ] {number!.Value} — {IssueTitle(spec)}\n");
        }

        b.Append("\n### Open PRs (autopilot)\n\n* (none)\n\n### Blocked / Needs Review (STOP)\n\n* (none)\n\n### Skipped Issues (Soft Stops)\n\n* (none)\n\n");
        b.Append("### Current Phase\n\n* **Phase:** Phase 1: Implementation\n");
        b.Append($"* **Current Issue:** {(rows.Count > 0 ? rows[0].Number!.Value.ToString() : "None")}\n* **Blockers:** None\n\n---\n\n");
        b.Append("**Last Updated:** —\n**Status:** Not Started\n");
        return b.ToString();
    }

    private static string IssueTitle(ScaffoldSpec spec) =>
        spec.Spec.Get("title")?.Scalar is { Length: > 0 } title ? title
        : spec.Spec.Title?.Text is { Length: > 0 } heading ? heading
        : Path.GetFileNameWithoutExtension(spec.FileName);

    private static IssueNumber? LeadingNumber(string fileName)
    {
        var digits = new string(fileName.TakeWhile(AsciiNumber.IsDigit).ToArray());
        return digits.Length is > 0 and < 9 && IssueNumber.TryParse(digits, out var n) && n.Value > 0 ? n : null;
    }
}

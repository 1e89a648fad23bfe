using System.Text;

namespace MilestonePlan.Benchmarks;

/// <summary>Generated docs trees in the plan template's format, sized for benchmarks.</summary>
public static class SyntheticPlans
{
    public const string Root = "/bench";

    /// <summary>A repository with <paramref name="milestones"/> plans of <paramref name="issues"/> issues each, with specs.</summary>
    public static Dictionary<string, string> DocsTree(int milestones, int issues)
    {
        var files = new Dictionary<string, string>();
        for (var m = 0; m < milestones; m++)
        {
            var folder = $"{Root}/docs/03-build-notes/m{m}";
            files[$"{folder}/IMPLEMENTATION_PLAN.md"] = Plan(m, issues, i => i == 1 ? "None" : $"#{i - 1:00}");
            for (var i = 1; i <= issues; i++)
            {
                files[$"{folder}/{i:00}-issue-{i}.md"] = Spec(i);
            }
        }

        return files;
    }

    /// <summary>
    /// Writes <paramref name="tree"/> under <paramref name="root"/> (its paths with <see cref="Root"/> replaced), for the
    /// pair a build sees: the same files read from disk. Returns the files written, in the tree's order.
    /// </summary>
    public static List<string> WriteTo(string root, Dictionary<string, string> tree)
    {
        var written = new List<string>();
        foreach (var (path, text) in tree)
        {
            var file = Path.Combine(root, path.Substring(Root.Length + 1));
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            File.WriteAllText(file, text);
            written.Add(file);
        }

        return written;
    }

    /// <summary>
    /// One plan whose issues form a chain: each depends on the one before. Its Completed Issues list is loose
    /// (a blank line between items): a tight list of 10,000 `* [ ]` lines is one block of 10,000 `[`, which the
    /// parser refuses (NestingLimit.MaxBracketsPerBlock, 5,000) before Markdig sees it.
    /// </summary>
    public static Dictionary<string, string> Chain(int issues) => new()
    {
        [$"{Root}/docs/03-build-notes/m1/IMPLEMENTATION_PLAN.md"] = Plan(1, issues, i => i == 1 ? "None" : $"#{i - 1:00}", withFiles: false, looseTracking: true),
    };

    /// <summary>Layers of <paramref name="width"/>; each issue depends on every issue of the previous layer.</summary>
    public static Dictionary<string, string> Layered(int issues, int width) => new()
    {
        [$"{Root}/docs/03-build-notes/m1/IMPLEMENTATION_PLAN.md"] = Plan(1, issues, i =>
        {
            var layer = (i - 1) / width;
            return layer == 0
                ? "None"
                : string.Join(", ", Enumerable.Range(((layer - 1) * width) + 1, width).Select(d => $"#{d:00}"));
        }, withFiles: false),
    };

    private static string Plan(int m, int issues, Func<int, string> dependencies, bool withFiles = true, bool looseTracking = false)
    {
        var b = new StringBuilder();
        b.Append($"# M{m} Implementation Plan\n\n## Overview\n\n");
        b.Append($"**Milestone:** `m{m}`\n**Implementation Plan Path:** `docs/03-build-notes/m{m}/IMPLEMENTATION_PLAN.md`\n");
        b.Append($"**Milestone Folder:** `docs/03-build-notes/m{m}/`\n**Milestone Branch:** `milestone/m{m}-bench`\n");
        b.Append($"**Total Issues:** {issues}\n**Status:** In Progress\n\n## Issue Breakdown by Phase\n\n### Phase 1: All — Issues\n\n");
        b.Append("| Issue # | Issue File | Title | Priority | Dependencies | Feature Branch | PR Title Token | Est. Size |\n");
        b.Append("|---|---|---|---|---|---|---|---|\n");
        for (var i = 1; i <= issues; i++)
        {
            var file = withFiles ? $"{i:00}-issue-{i}.md" : string.Empty;
            b.Append($"| #{i:00} | {file} | Issue {i} | P0 | {dependencies(i)} | `feat/m{m}-{i:00}-issue-{i}` | `feat(m{m})` | M |\n");
        }

        b.Append("\n## Tracking (agent-updated)\n\n### Completed Issues\n\n");
        for (var i = 1; i <= issues; i++)
        {
            b.Append($"* [{(i == 1 ? "x" : " ")}] #{i:00} — Issue {i}\n");
            if (looseTracking)
            {
                b.Append('\n');
            }
        }

        b.Append("\n### Open PRs (autopilot)\n\n* (none)\n\n### Current Phase\n\n* **Phase:** Phase 1: All\n* **Current Issue:** #02\n");
        return b.ToString();
    }

    private static string Spec(int i) => $"""
        ---
        title: "Issue {i}"
        priority: P0
        dependencies: [{(i == 1 ? string.Empty : (i - 1).ToString(System.Globalization.CultureInfo.InvariantCulture))}]
        ---

        # Issue {i}

        ## Done Definition

        Done.

        ## Acceptance Criteria

        - [ ] Works
        """;
}

using System.Text;
using MilestonePlan.Core.Model;

namespace MilestonePlan.Core.Planning;

/// <summary>
/// The base → main PR of CompleteMilestone, in the template's "PR Description Template": title `M{n} Milestone:
/// {Milestone Title}`, Summary, Acceptance Criteria Verification (the `00-epic.md` spec's criteria), NFR Targets (the
/// epic's NFR section's list items), Issues Completed (`Closes #N` by GitHub number). The items are ticked: the step
/// opens this PR only once every completion checklist item, which includes them, has been ticked.
/// </summary>
internal static class MilestonePullRequestText
{
    public static string Title(PlanDocument plan) => $"M{Number(plan)} Milestone: {plan.DisplayTitle}";

    /// <param name="epic">The parsed `00-epic.md` beside the plan, or null when there is none.</param>
    /// <param name="epicText">Its text, for the NFR section (the spec parser reads only the acceptance criteria).</param>
    public static string Body(PlanDocument plan, IssueSpec? epic, string? epicText)
    {
        var b = new StringBuilder();
        b.Append($"# {Title(plan)}\n\n## Summary\nCompletes all M{Number(plan)} issues and meets all acceptance criteria.\n\n");
        b.Append("## Acceptance Criteria Verification\n");
        var criteria = epic?.AcceptanceItems.Select(i => i.Text).ToList() ?? [];
        Items(b, criteria, epic is null ? "(no 00-epic.md beside the plan)" : "(00-epic.md lists no acceptance criteria)");
        b.Append("\n## NFR Targets\n");
        Items(b, epicText is null ? [] : NfrItems(epicText), "(no NFR targets in 00-epic.md)");
        b.Append("\n## Issues Completed\n");
        var numbers = plan.Issues.Where(r => r.GitHubNumber is not null).Select(r => $"#{r.GitHubNumber}").ToList();
        b.Append(numbers.Count > 0 ? $"Closes {string.Join(", ", numbers)}\n" : string.Empty);
        foreach (var row in plan.Issues.Where(r => r.GitHubNumber is null))
        {
            // Plan numbers are not GitHub numbers: `Closes #01` would close the wrong issue; named, without a link.
            b.Append($"- {row.Number.ToString().TrimStart('#')} {row.TitleText} (no GitHub issue)\n");
        }

        return b.ToString();
    }

    /// <summary>The list items under the epic's first heading that names NFRs (`## NFR Targets`, `## Non-Functional Requirements`).</summary>
    public static IReadOnlyList<string> NfrItems(string text)
    {
        var items = new List<string>();
        var inside = false;
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.TrimEnd('\r').Trim();
            if (line.StartsWith("#", StringComparison.Ordinal))
            {
                if (inside)
                {
                    break;
                }

                inside = line.IndexOf("NFR", StringComparison.Ordinal) >= 0 || line.IndexOf("non-functional", StringComparison.OrdinalIgnoreCase) >= 0;
            }
            else if (inside && line.Length > 2 && line[0] is '-' or '*' or '+' && line[1] == ' ')
            {
                var item = line.Substring(2).Trim();
                item = item.StartsWith("[ ]", StringComparison.Ordinal) || item.StartsWith("[x]", StringComparison.OrdinalIgnoreCase) ? item.Substring(3).Trim() : item;
                if (item.Length > 0)
                {
                    items.Add(item);
                }
            }
        }

        return items;
    }

    private static void Items(StringBuilder b, IReadOnlyList<string> items, string none)
    {
        if (items.Count == 0)
        {
            b.Append("- ").Append(none).Append('\n');
        }

        foreach (var item in items)
        {
            b.Append("- [x] ").Append(item).Append('\n');
        }
    }

    private static string Number(PlanDocument plan) => plan.Milestone?.Number ?? "0";
}

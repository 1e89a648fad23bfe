using System.Text;
using MilestonePlan.Core.Model;

namespace MilestonePlan.Core.Planning;

/// <summary>
/// The base → main PR of CompleteMilestone, in the template's "PR Description Template": title `M{n} Milestone:
/// {Milestone Title}`, Summary, Acceptance Criteria Verification (the `00-epic.md` spec's criteria), NFR Targets (the
/// epic's NFR section's list items), Issues Completed (`Closes #N` by GitHub number). The completion checklist items
/// left for a person (the step verified every other one) are listed unticked under <see cref="ForPersonHeading"/>, and
/// an epic criterion or NFR that is one of them is unticked where the template lists it too: the PR never claims what
/// nobody verified. Everything in it but the headings is plan or spec text, untrusted: each item goes through the
/// caller's <c>line</c> (the workflow's PublishedText.PlanLine: one line, bounded, secrets redacted) and each list is capped.
/// </summary>
internal static class MilestonePullRequestText
{
    /// <summary>The heading of the items a person verifies before merging (the PR never gets auto-merge: a person merges main).</summary>
    public const string ForPersonHeading = "Left for a person to verify before merging";

    /// <summary>At most this many items per list; GitHub refuses a body over 65,536 characters.</summary>
    public const int MaxItems = 50;

    public static string Title(PlanDocument plan) => $"M{Number(plan)} Milestone: {plan.DisplayTitle}";

    /// <param name="epic">The parsed `00-epic.md` beside the plan, or null when there is none.</param>
    /// <param name="epicText">Its text, for the NFR section (the spec parser reads only the acceptance criteria).</param>
    /// <param name="forPerson">The unticked completion checklist items left for a person, as the plan writes them.</param>
    /// <param name="line">Makes one untrusted text one line of the body.</param>
    public static string Body(PlanDocument plan, IssueSpec? epic, string? epicText, IReadOnlyList<string> forPerson, Func<string, string> line)
    {
        var unverified = new HashSet<string>(forPerson.Select(i => i.Trim()), StringComparer.OrdinalIgnoreCase);
        var b = new StringBuilder();
        b.Append($"# {line(Title(plan))}\n\n## Summary\n");
        b.Append(forPerson.Count == 0
            ? $"Completes all M{Number(plan)} issues and meets all acceptance criteria.\n"
            : $"Completes all M{Number(plan)} issues; {forPerson.Count} completion checklist item(s) are left for a person to verify before merging.\n");
        if (forPerson.Count > 0)
        {
            b.Append($"\n## {ForPersonHeading}\n");
            Items(b, forPerson, string.Empty, _ => false, line);
        }

        b.Append("\n## Acceptance Criteria Verification\n");
        var criteria = epic?.AcceptanceItems.Select(i => i.Text).ToList() ?? [];
        Items(b, criteria, epic is null ? "(no 00-epic.md beside the plan)" : "(00-epic.md lists no acceptance criteria)", i => !unverified.Contains(i.Trim()), line);
        b.Append("\n## NFR Targets\n");
        Items(b, epicText is null ? [] : NfrItems(epicText), "(no NFR targets in 00-epic.md)", i => !unverified.Contains(i.Trim()), line);
        b.Append("\n## Issues Completed\n");
        var numbers = plan.Issues.Where(r => r.GitHubNumber is not null).Select(r => $"#{r.GitHubNumber}").ToList();
        b.Append(numbers.Count > 0 ? $"Closes {string.Join(", ", numbers)}\n" : string.Empty);
        foreach (var row in plan.Issues.Where(r => r.GitHubNumber is null))
        {
            // Plan numbers are not GitHub numbers: `Closes #01` would close the wrong issue; named, without a link.
            b.Append($"- {row.Number.ToString().TrimStart('#')} {line(row.TitleText)} (no GitHub issue)\n");
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

    private static void Items(StringBuilder b, IReadOnlyList<string> items, string none, Func<string, bool> ticked, Func<string, string> line)
    {
        if (items.Count == 0)
        {
            b.Append("- ").Append(none).Append('\n');
        }

        foreach (var item in items.Take(MaxItems))
        {
            b.Append(ticked(item) ? "- [x] " : "- [ ] ").Append(line(item)).Append('\n');
        }

        if (items.Count > MaxItems)
        {
            b.Append($"- ({items.Count - MaxItems} more not shown)\n");
        }
    }

    private static string Number(PlanDocument plan) => plan.Milestone?.Number ?? "0";
}

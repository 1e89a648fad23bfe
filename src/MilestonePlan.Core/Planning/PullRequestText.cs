using System.Text;
using MilestonePlan.Core.Model;

namespace MilestonePlan.Core.Planning;

/// <summary>The PR title and body the workflow opens, built from the plan row and the issue spec.</summary>
internal static class PullRequestText
{
    /// <summary>`feat(m2): Login form (#04)`, with the row's PR Title Token when it has one.</summary>
    public static string Title(PlanDocument plan, IssueRow row)
    {
        var token = Token(plan, row);
        var number = row.GitHubNumber is { } gh ? $"#{gh}" : row.Number.ToString();
        return $"{token}: {row.TitleText} ({number})";
    }

    /// <summary>The row's PR Title Token (`feat(m1)`), or the template's default when the cell is empty or a placeholder: PR titles and commits share it.</summary>
    public static string Token(PlanDocument plan, IssueRow row) =>
        row.PrTitleToken is { IsEmpty: false } cell && cell.Text.IndexOfAny(['{', '<']) < 0
            ? cell.Text.Trim()
            : $"feat({plan.Milestone?.ToString() ?? "m0"})";

    /// <summary>A body that says what the PR implements and lists the spec's acceptance criteria as checkboxes.</summary>
    public static string Body(PlanDocument plan, IssueRow row, IssueSpec? spec, string specRelativePath)
    {
        var b = new StringBuilder();
        b.Append($"Implements issue {row.Number}: {row.TitleText}\n\n");
        b.Append($"Spec: `{specRelativePath}`\n\n## Acceptance Criteria\n\n");
        var items = spec?.AcceptanceItems ?? [];
        if (items.Count == 0)
        {
            b.Append("- [ ] (the spec lists no acceptance criteria)\n");
        }

        foreach (var item in items)
        {
            b.Append("- [ ] ").Append(item.Text).Append('\n');
        }

        if (row.GitHubNumber is { } gh)
        {
            b.Append($"\nCloses #{gh}\n");
        }

        b.Append($"\n_Opened by MilestonePlan for milestone {plan.Milestone}._\n");
        return b.ToString();
    }
}

using System.Text;
using MilestonePlan.Core.Analysis;
using MilestonePlan.Core.Model;

namespace MilestonePlan.Core.Workflow;

/// <summary>Branch names of the workflow: the base branch, and each issue's feature branch.</summary>
public static class BranchNames
{
    /// <summary>Milestone Branch from the Overview (first backticked token), else `main`.</summary>
    public static string BaseBranch(PlanDocument plan)
    {
        var field = plan.Field(FieldKeys.MilestoneBranch);
        var name = field is null || field.Value.IsEmpty ? string.Empty : TextMatching.FirstTokenOf(field.Value);
        return name.Length > 0 && GitRefName.IsValidBranchName(name) && name.IndexOfAny(['{', '<']) < 0 ? name : "main";
    }

    /// <summary>The row's Feature Branch when it is a valid name, else `feat/m{n}-{NN}-{slug}` from the title.</summary>
    public static string FeatureBranch(PlanDocument plan, IssueRow row)
    {
        var written = row.FeatureBranch?.Text.Trim() ?? string.Empty;
        if (written.Length > 0 && GitRefName.IsValidBranchName(written) && written.IndexOfAny(['{', '<']) < 0)
        {
            return written;
        }

        var milestone = plan.Milestone?.ToString() ?? "m0";
        var slug = Slug(row.TitleText);
        return $"feat/{milestone}-{row.Number.Padded}-{(slug.Length > 0 ? slug : "issue")}";
    }

    /// <summary>Lower-case ASCII letters and digits joined by single hyphens, at most 40 characters: always a valid ref part.</summary>
    public static string Slug(string title)
    {
        var builder = new StringBuilder();
        foreach (var c in title.Normalize(NormalizationForm.FormD))
        {
            if (c is (>= 'a' and <= 'z') or (>= '0' and <= '9'))
            {
                builder.Append(c);
            }
            else if (c is >= 'A' and <= 'Z')
            {
                builder.Append(char.ToLowerInvariant(c));
            }
            else if (char.GetUnicodeCategory(c) != System.Globalization.UnicodeCategory.NonSpacingMark
                && builder.Length > 0 && builder[builder.Length - 1] != '-')
            {
                builder.Append('-');
            }

            if (builder.Length >= 40)
            {
                break;
            }
        }

        return builder.ToString().Trim('-');
    }
}

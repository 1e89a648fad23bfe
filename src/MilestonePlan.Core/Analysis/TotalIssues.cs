using MilestonePlan.Core.Model;

namespace MilestonePlan.Core.Analysis;

/// <summary>
/// What Total Issues must say, exactly (the one owner, for MP5001 and FixMilestonePlans): the issues of the tables,
/// plus one only when the value says it includes the epic and the milestone has an epic.
/// </summary>
internal static class TotalIssues
{
    public const string EpicSpecFileName = "00-epic.md";

    /// <param name="hasEpicSpec">Whether a `00-epic.md` lies beside the plan (the caller knows the files).</param>
    public static int Expected(PlanDocument plan, bool hasEpicSpec) =>
        plan.Issues.Count() + (CountsEpic(plan, hasEpicSpec) ? 1 : 0);

    /// <summary>The value says it includes the epic ("(including epic)") and the milestone has one.</summary>
    public static bool CountsEpic(PlanDocument plan, bool hasEpicSpec) =>
        plan.Field(FieldKeys.TotalIssues)?.Value.Text.IndexOf("epic", StringComparison.OrdinalIgnoreCase) >= 0 && HasEpic(plan, hasEpicSpec);

    /// <summary>An Epic Issue that names one (not empty, TBD, none, a dash or a placeholder), or a `00-epic.md` spec.</summary>
    public static bool HasEpic(PlanDocument plan, bool hasEpicSpec)
    {
        if (hasEpicSpec)
        {
            return true;
        }

        if (plan.Field(FieldKeys.EpicIssue) is not { Value: { IsEmpty: false } epic } || Placeholders.Any(epic))
        {
            return false;
        }

        var text = epic.Text.Trim();
        return !text.StartsWith("TBD", StringComparison.OrdinalIgnoreCase) && text is not ("—" or "–" or "-" or "N/A" or "n/a")
            && !text.Equals("none", StringComparison.OrdinalIgnoreCase);
    }
}

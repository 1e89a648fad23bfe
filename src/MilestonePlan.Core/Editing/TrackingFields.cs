using MilestonePlan.Core.Model;

namespace MilestonePlan.Core.Editing;

/// <summary>The names by which an <see cref="EditIntent"/> says which field it changes.</summary>
internal static class TrackingFields
{
    public const string Phase = "tracking:phase";
    public const string CurrentIssue = "tracking:currentissue";
    public const string LastUpdated = "tracking:lastupdated";
    public const string FooterStatus = "tracking:status";
    public const string Blockers = "tracking:blockers";

    public static string Overview(string key) => "overview:" + key;

    /// <summary>Every field a plan edit may change, with its value in <paramref name="plan"/> (null when absent).</summary>
    public static IEnumerable<(string Name, string? Value)> Of(PlanDocument plan)
    {
        yield return (Phase, plan.Tracking.CurrentPhase?.Value.Text);
        yield return (CurrentIssue, plan.Tracking.CurrentIssue?.Value.Text);
        yield return (LastUpdated, plan.Tracking.LastUpdated?.Value.Text);
        yield return (FooterStatus, plan.Tracking.FooterStatus?.Value.Text);
        yield return (Blockers, plan.Tracking.Blockers?.Value.Text);
        foreach (var key in plan.OverviewFields.Select(f => f.Key).Distinct())
        {
            yield return (Overview(key), plan.Field(key)?.Value.Text);
        }
    }
}

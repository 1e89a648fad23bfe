namespace MilestonePlan.Core.Model;

/// <summary>A bold `**Name:** value` line, as a bullet or a plain line.</summary>
/// <param name="Name">The name as written, without the colon.</param>
/// <param name="Key">The canonical key (see <see cref="FieldKeys"/>), or the normalised name.</param>
internal sealed record OverviewField(string Name, string Key, TextCell NameCell, TextCell Value);

/// <summary>Canonical keys of the fields the rules read, whatever the spelling in the plan.</summary>
internal static class FieldKeys
{
    public const string Milestone = "milestone";
    public const string ImplementationPlanPath = "implementationplanpath";
    public const string MilestoneFolder = "milestonefolder";
    public const string MilestoneBranch = "milestonebranch";
    public const string EpicIssue = "epicissue";
    public const string TotalIssues = "totalissues";
    public const string Status = "status";
    public const string Phase = "phase";
    public const string CurrentIssue = "currentissue";
    public const string Blockers = "blockers";
    public const string LastUpdated = "lastupdated";

    /// <summary>Lower-case letters and digits only, with the known aliases folded in.</summary>
    public static string Normalize(string name)
    {
        var key = new string(name.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant).ToArray());
        return key switch
        {
            "branch" or "basebranch" => MilestoneBranch,
            "planpath" => ImplementationPlanPath,
            "folder" => MilestoneFolder,
            "epic" => EpicIssue,
            "totalissue" or "issues" or "issuecount" => TotalIssues,
            "currentphase" => Phase,
            _ => key,
        };
    }
}

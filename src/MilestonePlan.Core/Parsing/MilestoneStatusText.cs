namespace MilestonePlan.Core.Parsing;

/// <summary>The one reading of a milestone's Status value, for the rules, the fixer and the milestone choice.</summary>
internal static class MilestoneStatusText
{
    /// <summary>Not Started, In Progress or Complete (with the usual synonyms); null when it is none of them.</summary>
    public static string? Of(string text)
    {
        var s = TextMatching.Canonical(text);
        foreach (var glyph in new[] { "✅", "🔄", "⬜", "⏳", "🚧" })
        {
            s = s.Replace(glyph, string.Empty).Trim();
        }

        return s switch
        {
            "not started" or "planned" or "planning" or "todo" or "to do" => "not started",
            "in progress" or "in-progress" or "started" or "active" => "in progress",
            "complete" or "completed" or "done" or "closed" => "complete",
            _ => null,
        };
    }
}

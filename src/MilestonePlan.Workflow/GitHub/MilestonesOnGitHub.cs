using System.Text.Json;

namespace MilestonePlan.Workflow.GitHub;

/// <summary>A GitHub milestone as the REST API lists it (only what completion needs).</summary>
internal sealed record MilestoneOnGitHub(int Number, string Title, bool IsOpen);

/// <summary>An issue's state and its comments' bodies, from `gh issue view N --json state,comments`.</summary>
internal sealed record IssueStatus(int Number, bool IsOpen, IReadOnlyList<string> CommentBodies);

/// <summary>
/// Reads the JSON of the milestone and issue questions. It is GitHub's answer, written partly by anyone who can edit
/// the repository: only typed fields are read, and an entry without a number or title is skipped, not trusted. Comment
/// bodies (an issue's or a PR's) are read only to find a marker the workflow wrote.
/// </summary>
internal static class MilestonesOnGitHub
{
    /// <summary>The REST list (`gh api repos/{owner}/{repo}/milestones?state=all`): an array of milestone objects.</summary>
    public static IReadOnlyList<MilestoneOnGitHub> Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.EnumerateArray()
            .Where(e => e.ValueKind == JsonValueKind.Object
                && e.TryGetProperty("number", out var n) && n.ValueKind == JsonValueKind.Number
                && e.TryGetProperty("title", out var t) && t.ValueKind == JsonValueKind.String)
            .Select(e => new MilestoneOnGitHub(e.GetProperty("number").GetInt32(), e.GetProperty("title").GetString()!,
                !(e.TryGetProperty("state", out var s) && s.ValueKind == JsonValueKind.String && s.GetString() == "closed")))
            .ToList();
    }

    /// <summary>`gh issue view --json state,comments`: state OPEN or CLOSED, comments with a body each.</summary>
    public static IssueStatus Issue(int number, string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        var state = root.GetProperty("state").GetString();
        return new IssueStatus(number, !string.Equals(state, "CLOSED", StringComparison.OrdinalIgnoreCase), Comments(root));
    }

    /// <summary>`gh pr view --json comments` (or an issue's): each comment's body; none when gh printed no list.</summary>
    public static IReadOnlyList<string> CommentBodies(string json)
    {
        using var document = JsonDocument.Parse(json);
        return Comments(document.RootElement);
    }

    private static List<string> Comments(JsonElement root) =>
        root.ValueKind == JsonValueKind.Object && root.TryGetProperty("comments", out var c) && c.ValueKind == JsonValueKind.Array
            ? c.EnumerateArray().Select(e => e.ValueKind == JsonValueKind.Object && e.TryGetProperty("body", out var b) && b.ValueKind == JsonValueKind.String ? b.GetString() ?? string.Empty : string.Empty).ToList()
            : [];

    /// <summary>`gh issue list --state all --json number,state`: the state of each listed issue by number.</summary>
    public static IReadOnlyDictionary<int, bool> OpenByNumber(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.EnumerateArray()
            .Where(e => e.TryGetProperty("number", out var n) && n.ValueKind == JsonValueKind.Number)
            .GroupBy(e => e.GetProperty("number").GetInt32())
            .ToDictionary(g => g.Key, g => !string.Equals(g.First().TryGetProperty("state", out var s) ? s.GetString() : null, "CLOSED", StringComparison.OrdinalIgnoreCase));
    }
}

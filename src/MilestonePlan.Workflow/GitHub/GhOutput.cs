using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using MilestonePlan.Core.Workflow;

namespace MilestonePlan.Workflow.GitHub;

/// <summary>Readers for what gh prints: the URL of a created PR or issue, and `--json` documents. Pure.</summary>
internal static class GhOutput
{
    private static readonly Regex PullUrl = new(@"https?://\S+/pull/(?<number>\d+)", RegexOptions.CultureInvariant);
    private static readonly Regex IssueUrl = new(@"https?://\S+/issues/(?<number>\d+)", RegexOptions.CultureInvariant);

    /// <summary>The last PR URL gh printed (it may print warnings first), or null.</summary>
    public static (int Number, string Url)? PullRequestUrl(string output) => LastUrl(PullUrl, output);

    public static (int Number, string Url)? IssueUrlOf(string output) => LastUrl(IssueUrl, output);

    public static PullRequestInfo PullRequest(string json)
    {
        using var document = JsonDocument.Parse(json);
        return PullRequest(document.RootElement);
    }

    public static IReadOnlyList<PullRequestInfo> PullRequests(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.EnumerateArray().Select(PullRequest).ToList();
    }

    /// <summary>`gh issue list --json number,body`.</summary>
    public static IReadOnlyList<(int Number, string Body)> Issues(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.EnumerateArray()
            .Select(e => (e.GetProperty("number").GetInt32(),
                e.TryGetProperty("body", out var b) && b.ValueKind == JsonValueKind.String ? b.GetString() ?? string.Empty : string.Empty))
            .ToList();
    }

    private static PullRequestInfo PullRequest(JsonElement e)
    {
        static string Text(JsonElement e, string name) =>
            e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() ?? string.Empty : string.Empty;

        // gh prints null for an unmerged PR; older versions printed Go's zero time, which is not a merge either.
        DateTimeOffset? merged = e.TryGetProperty("mergedAt", out var m) && m.ValueKind == JsonValueKind.String
            && DateTimeOffset.TryParse(m.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
            && at.Year > 1
            ? at
            : null;
        var auto = e.TryGetProperty("autoMergeRequest", out var a) && a.ValueKind == JsonValueKind.Object;
        return new PullRequestInfo(e.GetProperty("number").GetInt32(), Text(e, "title"), Text(e, "state"), Text(e, "headRefName"),
            Text(e, "baseRefName"), Text(e, "url"), merged, auto);
    }

    private static (int Number, string Url)? LastUrl(Regex pattern, string output)
    {
        var match = pattern.Matches(output).Cast<Match>().LastOrDefault();
        return match is not null && int.TryParse(match.Groups["number"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            ? (number, match.Value)
            : null;
    }
}

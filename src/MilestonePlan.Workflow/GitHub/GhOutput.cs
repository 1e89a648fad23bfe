using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using MilestonePlan.Core.Model;
using MilestonePlan.Core.Planning;


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
            Text(e, "baseRefName"), Text(e, "url"), merged, auto)
        {
            Checks = e.TryGetProperty("statusCheckRollup", out var rollup) ? Checks(rollup) : CheckState.Unknown,
            IsDraft = e.TryGetProperty("isDraft", out var draft) && draft.ValueKind == JsonValueKind.True,
            MergeStateStatus = e.TryGetProperty("mergeStateStatus", out var merge) && merge.ValueKind == JsonValueKind.String ? merge.GetString() : null,
            CreatedAt = e.TryGetProperty("createdAt", out var c) && c.ValueKind == JsonValueKind.String
                && DateTimeOffset.TryParse(c.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var created)
                ? created : null,
        };
    }

    /// <summary>
    /// `statusCheckRollup`: check runs (status, conclusion) and commit statuses (state). Any failure is failing, anything
    /// unfinished pending, all finished and good passing; no checks at all is passing (nothing to wait for).
    /// </summary>
    internal static CheckState Checks(JsonElement rollup)
    {
        if (rollup.ValueKind != JsonValueKind.Array)
        {
            return CheckState.Unknown;
        }

        var pending = false;
        foreach (var check in rollup.EnumerateArray())
        {
            string Field(string name) => check.ValueKind == JsonValueKind.Object && check.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String
                ? v.GetString()!.ToUpperInvariant() : string.Empty;
            var conclusion = Field("conclusion");
            var state = Field("state");
            var status = Field("status");
            if (conclusion is "FAILURE" or "TIMED_OUT" or "CANCELLED" or "ACTION_REQUIRED" or "STARTUP_FAILURE" || state is "FAILURE" or "ERROR")
            {
                return CheckState.Failing;
            }

            if ((status.Length > 0 && status != "COMPLETED") || state is "PENDING" or "EXPECTED")
            {
                pending = true;
            }
        }

        return pending ? CheckState.Pending : CheckState.Passing;
    }

    private static (int Number, string Url)? LastUrl(Regex pattern, string output)
    {
        var match = pattern.Matches(output).Cast<Match>().LastOrDefault();
        return match is not null && int.TryParse(match.Groups["number"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            ? (number, match.Value)
            : null;
    }
}

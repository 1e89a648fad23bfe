using System.Text.Json.Nodes;

namespace FakeGh;

/// <summary>
/// A PR as `gh pr view/list --json &lt;fields&gt;` prints it to a pipe. Sources (cli/cli at v2.60.0, commit 44ee177):
/// pkg/cmdutil/json_flags.go (jsonExporter.Write: one compact line from Go's encoding/json with HTML escaping off, no
/// indentation unless stdout is a terminal with colour) and api/export_pr.go ((*PullRequest).ExportData builds a map,
/// so the keys come out sorted; fields without a special case are the api/queries_pr.go PullRequest struct fields
/// found by case-insensitive name: `state` OPEN|CLOSED|MERGED, `isDraft`, `closed`, `mergedAt`/`closedAt` null until
/// they happen, `mergeCommit` null or {"oid"}). `statusCheckRollup`: <see cref="StatusCheckRollup"/>;
/// `mergeStateStatus` and `mergeable`: <see cref="MergeStatus"/>; `autoMergeRequest`: <see cref="AutoMergeRequest"/>.
/// </summary>
internal static class PullRequestJson
{
    /// <summary>The PR's requested fields; <paramref name="checks"/> is its check outcome at this look.</summary>
    public static JsonObject Project(FakeState state, JsonObject pr, IEnumerable<string> fields, string checks)
    {
        var result = new JsonObject();
        foreach (var field in fields.Distinct().Order(StringComparer.Ordinal))
        {
            result[field] = field switch
            {
                "headRefName" => pr["head"]?.DeepClone(),
                "baseRefName" => pr["base"]?.DeepClone(),
                "closed" => Commands.Text(pr, "state") != "OPEN",
                "isDraft" => pr["isDraft"]?.GetValue<bool>() ?? false,
                "statusCheckRollup" => StatusCheckRollup.Of(state, pr, PullRequestLooks.Scenario(state, pr), checks),
                "mergeStateStatus" => MergeStatus.Of(state, pr, checks),
                "mergeable" => MergeStatus.Mergeable(state, pr),
                "labels" => new JsonArray((pr["labels"]?.AsArray() ?? []).Select(l => (JsonNode?)new JsonObject { ["name"] = l!.GetValue<string>() }).ToArray()),
                "autoMergeRequest" => AutoMergeRequest(pr),
                // gh prints an empty list, never null, for a PR nobody commented on.
                "comments" => pr["comments"]?.DeepClone() ?? new JsonArray(),
                _ => pr[field]?.DeepClone(),
            };
        }

        return result;
    }

    /// <summary>
    /// null, or the AutoMergeRequest struct of cli/cli api/queries_pr.go in its field order (authorEmail, commitBody,
    /// commitHeadline, mergeMethod MERGE|REBASE|SQUASH, enabledAt, enabledBy). enabledBy is an api/queries_issue.go
    /// Author, whose MarshalJSON writes {id, is_bot, login, name} for a user. Fixture with the same fields:
    /// cli/cli pkg/cmd/pr/view/fixtures/prViewPreviewWithAutoMergeEnabled.json.
    /// </summary>
    private static JsonObject? AutoMergeRequest(JsonObject pr) => pr["autoMerge"]?.GetValue<bool>() == true
        ? new JsonObject
        {
            ["authorEmail"] = null,
            ["commitBody"] = null,
            ["commitHeadline"] = null,
            ["mergeMethod"] = pr["autoMergeMethod"]?.GetValue<string>() ?? "SQUASH",
            ["enabledAt"] = pr["autoMergeEnabledAt"]?.GetValue<string>() ?? Commands.Now,
            ["enabledBy"] = new JsonObject { ["id"] = "MDQ6VXNlcjE=", ["is_bot"] = false, ["login"] = "fake-user", ["name"] = "Fake User" },
        }
        : null;
}

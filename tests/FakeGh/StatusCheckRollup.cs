using System.Text.Json.Nodes;

namespace FakeGh;

/// <summary>
/// `statusCheckRollup` exactly as `gh pr view/list --json statusCheckRollup` prints it. Source: cli/cli
/// api/export_pr.go, <c>(*PullRequest).ExportData</c>, case "statusCheckRollup" (gh v2.60.0, commit 44ee177): the
/// contexts of the PR's last commit, each either a CheckRun map {__typename, name, workflowName, status, conclusion,
/// startedAt, completedAt, detailsUrl} or, for anything else (a StatusContext), {__typename, context, state,
/// targetUrl, startedAt} where startedAt is the status's createdAt. The fields are read by the GraphQL fragment in
/// api/query_builder.go (StatusCheckRollupGraphQLWithoutCountByState) into api/queries_pr.go's CheckContext, whose
/// comments list the values: status QUEUED IN_PROGRESS COMPLETED WAITING PENDING REQUESTED; conclusion
/// ACTION_REQUIRED TIMED_OUT CANCELLED FAILURE SUCCESS NEUTRAL SKIPPED STARTUP_FAILURE STALE; state EXPECTED ERROR
/// FAILURE PENDING SUCCESS (the same enums as CheckStatusState, CheckConclusionState and StatusState in GitHub's
/// schema, octokit/graphql-schema schema.graphql). Go details that show in the output: an unfinished check run's
/// conclusion is "" (a null GraphQL string read into a Go string) and its completedAt is Go's zero time
/// "0001-01-01T00:00:00Z"; a commit without any check prints [] (gh prints null only for a PR without commits,
/// which GitHub does not allow); keys come out sorted (Go marshals maps that way).
/// </summary>
internal static class StatusCheckRollup
{
    /// <summary>Go's zero time.Time as encoding/json writes it.</summary>
    public const string ZeroTime = "0001-01-01T00:00:00Z";

    public static JsonArray Of(FakeState state, JsonObject pr, CheckScenario scenario, string outcome)
    {
        if (outcome == CheckOutcome.None)
        {
            return [];
        }

        var number = pr["number"]!.GetValue<int>();
        var rollup = new JsonArray();
        if (scenario.Kind is CheckScenario.CheckRun or CheckScenario.Both)
        {
            rollup.Add(CheckRun(state, number, outcome));
        }

        if (scenario.Kind is CheckScenario.StatusContext or CheckScenario.Both)
        {
            rollup.Add(StatusContext(number, outcome));
        }

        return rollup;
    }

    /// <summary>A GitHub Actions job "build" of workflow "CI".</summary>
    private static JsonObject CheckRun(FakeState state, int number, string outcome) => new()
    {
        ["__typename"] = "CheckRun",
        ["completedAt"] = outcome == CheckOutcome.Pending ? ZeroTime : Commands.Now,
        ["conclusion"] = outcome switch { CheckOutcome.Passing => "SUCCESS", CheckOutcome.Failing => "FAILURE", _ => string.Empty },
        ["detailsUrl"] = $"https://github.com/{state.Repository}/actions/runs/{1000 + number}/job/{2000 + number}",
        ["name"] = "build",
        ["startedAt"] = Commands.Now,
        ["status"] = outcome == CheckOutcome.Pending ? "IN_PROGRESS" : "COMPLETED",
        ["workflowName"] = "CI",
    };

    /// <summary>A commit status "ci/legacy", as an external CI service posts it.</summary>
    private static JsonObject StatusContext(int number, string outcome) => new()
    {
        ["__typename"] = "StatusContext",
        ["context"] = "ci/legacy",
        ["startedAt"] = Commands.Now,
        ["state"] = outcome switch { CheckOutcome.Passing => "SUCCESS", CheckOutcome.Failing => "FAILURE", _ => "PENDING" },
        ["targetUrl"] = $"https://ci.example.invalid/builds/{number}",
    };
}

using System.Text.Json.Nodes;

namespace FakeGh;

/// <summary>What a PR's checks are at a given look: "pending", "passing", "failing" or "none" (no checks at all).</summary>
internal static class CheckOutcome
{
    public const string Pending = "pending";
    public const string Passing = "passing";
    public const string Failing = "failing";
    public const string None = "none";

    public static bool IsKnown(string value) => value is Pending or Passing or Failing or None;
}

/// <summary>
/// How a PR's CI behaves over time, as GitHub shows it to someone who keeps looking: pending for the first
/// <see cref="PendingLooks"/> looks (each `pr view --json` of the PR, each `pr list --json` that prints it), then
/// <see cref="Outcome"/> for good. A look is what a polling client does, so "pending for a while" is counted in its
/// polls, not in seconds: a test neither sleeps nor races a clock. <see cref="Kind"/> says which of GitHub's two
/// check APIs reports it: a check run (GitHub Actions and apps), a commit status (older CI services), or both.
/// State JSON: <c>{"pendingLooks": 2, "outcome": "passing", "kind": "CheckRun"}</c>, as the state's
/// <c>checkScenario</c> (every PR) or under <c>checkScenarios</c> by head branch (that PR only).
/// The timed form, <c>{"pendingSeconds": 20, "outcome": "passing"}</c>, is CI that takes a fixed time whatever the
/// client does: pending until the PR was opened <see cref="PendingSeconds"/> ago (real clock, plus the state's
/// <c>clockAdvanceSeconds</c>), then the outcome; in autoMergeMode "checks" the PR then merges on time, looked at or
/// not (<see cref="TimedMerges"/>). It is for the loop benchmark (bench/), where polling is what is measured; a test of
/// the workflow's logic keeps to looks.
/// </summary>
internal sealed record CheckScenario(int PendingLooks, string Outcome, string Kind, double? PendingSeconds = null)
{
    public const string CheckRun = "CheckRun";
    public const string StatusContext = "StatusContext";
    public const string Both = "both";

    /// <summary>
    /// The outcome at the <paramref name="look"/>-th look (1 is the first; 0, before any look, is what a `pr merge`
    /// sees then: pending when there are pending looks to come, else the outcome at once).
    /// </summary>
    public string At(int look) => Outcome != CheckOutcome.None && PendingLooks > 0 && look <= PendingLooks ? CheckOutcome.Pending : Outcome;

    /// <summary>The timed form's outcome <paramref name="elapsed"/> seconds after the PR was opened.</summary>
    public string After(double elapsed) => Outcome != CheckOutcome.None && elapsed < PendingSeconds ? CheckOutcome.Pending : Outcome;

    /// <summary>The older switch `checks` ("pending", "passing", "failing", "none"): the same answer at every look.</summary>
    public static CheckScenario Constant(string outcome) => new(0, outcome, CheckRun);

    public static CheckScenario Parse(JsonNode node, string where)
    {
        var o = node as JsonObject ?? throw new CommandException($"fake gh: {where} must be an object like {{\"pendingLooks\": 2, \"outcome\": \"passing\"}}");
        var outcome = o["outcome"]?.GetValue<string>() ?? CheckOutcome.Passing;
        var kind = o["kind"]?.GetValue<string>() ?? CheckRun;
        var looks = o["pendingLooks"]?.GetValue<int>() ?? 0;
        var seconds = o["pendingSeconds"]?.GetValue<double>();
        // Both forms at once would leave it unclear which one decides, so that is refused.
        if (!CheckOutcome.IsKnown(outcome) || kind is not (CheckRun or StatusContext or Both) || looks < 0
            || seconds is < 0 || (seconds is not null && o["pendingLooks"] is not null))
        {
            throw new CommandException($"fake gh: {where} is not a check scenario: {o.ToJsonString()}");
        }

        return new CheckScenario(looks, outcome, kind, seconds);
    }

    public JsonObject ToJson()
    {
        var json = new JsonObject { ["outcome"] = Outcome, ["kind"] = Kind };
        if (PendingSeconds is { } seconds)
        {
            json["pendingSeconds"] = seconds;
        }
        else
        {
            json["pendingLooks"] = PendingLooks;
        }

        return json;
    }
}

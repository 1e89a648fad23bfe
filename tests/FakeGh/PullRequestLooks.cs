using System.Text.Json.Nodes;

namespace FakeGh;

/// <summary>
/// A look at a PR: each `pr view --json` of it and each `pr list --json` that prints it. Looks are what move its checks along
/// (<see cref="CheckScenario"/>), counted per PR in its `looks` field; and in autoMergeMode "checks" the look that
/// first sees the checks passing is when GitHub's auto-merge merges it (for real, in the origin), unless it is a
/// draft or conflicts. Only an open PR's checks move: a closed or merged one keeps what it last showed.
/// </summary>
internal static class PullRequestLooks
{
    /// <summary>Counts one look at <paramref name="pr"/> and returns its checks then. The caller saves the state.</summary>
    public static string Look(FakeState state, JsonObject pr)
    {
        if (Commands.Text(pr, "state") != "OPEN")
        {
            return Current(state, pr);
        }

        pr["looks"] = Looks(pr) + 1;
        var checks = Current(state, pr);
        if (state.AutoMergeMode == "checks" && pr["autoMerge"]?.GetValue<bool>() == true && pr["isDraft"]?.GetValue<bool>() != true
            && checks is CheckOutcome.Passing or CheckOutcome.None)
        {
            // A conflict leaves it open, DIRTY, auto-merge still enabled: GitHub never merges it until it is fixed.
            PullRequestMerger.TryMerge(state, pr, pr["autoMergeMethod"]?.GetValue<string>() ?? "SQUASH", pr["deleteBranch"]?.GetValue<bool>() ?? false);
        }

        return checks;
    }

    /// <summary>
    /// The PR's checks as of its last look, without counting one (what `pr merge` sees); for a timed scenario, as of now.
    /// </summary>
    public static string Current(FakeState state, JsonObject pr)
    {
        var scenario = Scenario(state, pr);
        return scenario.PendingSeconds is null ? scenario.At(Looks(pr)) : scenario.After(SecondsOpen(state, pr));
    }

    /// <summary>
    /// How long the PR has been open by the fake's clock: the real clock plus the state's `clockAdvanceSeconds` (time a
    /// test lets pass without sleeping). A PR written into the state by hand has no `openedAtMs`: it counts as open
    /// forever, so its timed checks are already over.
    /// </summary>
    public static double SecondsOpen(FakeState state, JsonObject pr) =>
        pr["openedAtMs"] is { } opened ? (state.NowMs - opened.GetValue<long>()) / 1000.0 : double.PositiveInfinity;

    public static CheckScenario Scenario(FakeState state, JsonObject pr) => state.CheckScenarioFor(Commands.Text(pr, "head"));

    private static int Looks(JsonObject pr) => pr["looks"]?.GetValue<int>() ?? 0;
}

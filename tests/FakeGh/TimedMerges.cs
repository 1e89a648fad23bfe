using System.Text.Json.Nodes;

namespace FakeGh;

/// <summary>
/// GitHub's auto-merge for timed checks (<see cref="CheckScenario.PendingSeconds"/>): GitHub merges a PR when its checks
/// finish, whether or not anyone is looking. The fake only runs when gh is called, so each call first does what GitHub
/// would have done since the last one: every open PR waiting for auto-merge whose timed checks have finished passing
/// is merged, for real in the origin, in the order its checks finished (then by number). Only in autoMergeMode
/// "checks" (GitHub's own rules); a draft or a conflicting PR never merges, as in <see cref="PullRequestLooks"/>.
/// </summary>
internal static class TimedMerges
{
    public static void Settle(FakeState state)
    {
        if (state.AutoMergeMode != "checks")
        {
            return;
        }

        var due = state.PullRequests.Select(p => p!.AsObject())
            .Where(p => Commands.Text(p, "state") == "OPEN" && p["autoMerge"]?.GetValue<bool>() == true && p["isDraft"]?.GetValue<bool>() != true)
            .Select(p => (Pr: p, Scenario: PullRequestLooks.Scenario(state, p), Open: PullRequestLooks.SecondsOpen(state, p)))
            .Where(d => d.Scenario.PendingSeconds is not null && d.Scenario.After(d.Open) is CheckOutcome.Passing or CheckOutcome.None)
            .OrderByDescending(d => d.Open - d.Scenario.PendingSeconds!.Value)
            .ThenBy(d => d.Pr["number"]!.GetValue<int>())
            .ToList();
        foreach (var (pr, _, _) in due)
        {
            // A conflict leaves it open and DIRTY with auto-merge on, as GitHub does; TryMerge records that.
            PullRequestMerger.TryMerge(state, pr, pr["autoMergeMethod"]?.GetValue<string>() ?? "SQUASH", pr["deleteBranch"]?.GetValue<bool>() ?? false);
        }
    }
}

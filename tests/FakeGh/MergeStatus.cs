using System.Text.Json.Nodes;

namespace FakeGh;

/// <summary>
/// `mergeStateStatus` and `mergeable` of a PR, worked out the way GitHub does. The values and their meanings are
/// GitHub's enums MergeStateStatus (BEHIND, BLOCKED, CLEAN, DIRTY, DRAFT, HAS_HOOKS, UNKNOWN, UNSTABLE) and
/// MergeableState (CONFLICTING, MERGEABLE, UNKNOWN) in octokit/graphql-schema schema.graphql; gh prints the string
/// as it gets it (cli/cli api/queries_pr.go, PullRequest.MergeStateStatus string). The fake's repository has a
/// required status check on every base (GitHub is quoted refusing auto-merge on a base without protection rules,
/// "Protected branch rules not configured for this branch"), so checks that are pending or failing BLOCK the merge
/// rather than leaving it UNSTABLE.
/// </summary>
internal static class MergeStatus
{
    public const string Blocked = "BLOCKED";
    public const string Clean = "CLEAN";
    public const string Dirty = "DIRTY";
    public const string Draft = "DRAFT";
    public const string Unknown = "UNKNOWN";

    /// <summary>Real conflicts found in the origin during this gh call, by PR number.</summary>
    private static readonly Dictionary<int, bool> InOrigin = [];

    /// <summary>
    /// Conflicts first (a conflict blocks whatever the checks say), then draft, then the checks. A closed or merged
    /// PR is UNKNOWN: GitHub stops computing the merge state once nothing can be merged.
    /// </summary>
    public static string Of(FakeState state, JsonObject pr, string checks)
    {
        if (Commands.Text(pr, "state") != "OPEN")
        {
            return Unknown;
        }

        if (Conflicting(state, pr))
        {
            return Dirty;
        }

        if (pr["isDraft"]?.GetValue<bool>() == true)
        {
            // DRAFT is deprecated in the schema ("use PullRequest.isDraft instead"); some report GitHub answering
            // UNKNOWN for a draft. A client must read isDraft, so a test can make the fake answer either.
            return state.DraftMergeState;
        }

        return checks is CheckOutcome.Passing or CheckOutcome.None ? Clean : Blocked;
    }

    public static string Mergeable(FakeState state, JsonObject pr) =>
        Commands.Text(pr, "state") != "OPEN" ? Unknown : Conflicting(state, pr) ? "CONFLICTING" : "MERGEABLE";

    /// <summary>gh's isImmediatelyMergeable (cli/cli pkg/cmd/pr/merge/merge.go): `--auto` then merges at once.</summary>
    public static bool ImmediatelyMergeable(string status) => status is Clean or "HAS_HOOKS" or "UNSTABLE";

    /// <summary>
    /// A PR conflicts when a merge already failed on it (PullRequestMerger marks it), when the test declared its head
    /// conflicting (`conflictHeads`), or when its head and base really conflict in the origin now (the base moved).
    /// </summary>
    public static bool Conflicting(FakeState state, JsonObject pr)
    {
        if (Commands.Text(pr, "mergeStateStatus") == Dirty || state.ConflictHeads.Contains(Commands.Text(pr, "head")))
        {
            return true;
        }

        // Asked once per PR and gh call (mergeStateStatus and mergeable both ask): each answer costs a few git processes.
        var number = pr["number"]!.GetValue<int>();
        if (!InOrigin.TryGetValue(number, out var conflicts))
        {
            conflicts = OriginRepository.Find(Environment.CurrentDirectory) is { } origin
                && origin.Conflicts(Commands.Text(pr, "base"), Commands.Text(pr, "head"));
            InOrigin[number] = conflicts;
        }

        return conflicts;
    }
}

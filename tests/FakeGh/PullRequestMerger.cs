using System.Text.Json.Nodes;

namespace FakeGh;

/// <summary>
/// Merging a PR the way GitHub does: in git (the origin of the repository gh runs in) and then in the state. Without a
/// local origin (gh run outside a repository, as the gh client tests do) the merge is recorded in the state only.
/// </summary>
internal static class PullRequestMerger
{
    /// <summary>
    /// Merges <paramref name="pr"/> with its method. True when merged; false on a conflict, which leaves the PR open,
    /// the origin unchanged and the PR DIRTY/CONFLICTING (what GitHub shows for a PR that cannot be merged cleanly).
    /// </summary>
    public static bool TryMerge(FakeState state, JsonObject pr, string method, bool deleteBranch)
    {
        var number = pr["number"]!.GetValue<int>();
        var baseBranch = Commands.Text(pr, "base");
        var head = Commands.Text(pr, "head");
        // A head the test declared conflicting never merges, as GitHub never merges a DIRTY PR.
        if (state.ConflictHeads.Contains(head))
        {
            return false;
        }

        var origin = OriginRepository.Find(Environment.CurrentDirectory);
        if (origin is not null)
        {
            // GitHub's default squash subject; a merge commit says where it came from. Rebase is recorded only: the
            // workflow squashes, and replaying commits one by one would add nothing the tests need.
            var outcome = method switch
            {
                "SQUASH" => origin.Squash(baseBranch, head, $"{Commands.Text(pr, "title")} (#{number})"),
                "MERGE" => origin.MergeCommit(baseBranch, head, $"Merge pull request #{number} from {head}\n\n{Commands.Text(pr, "title")}"),
                _ => null,
            };
            if (outcome is { Conflict: true })
            {
                pr["mergeStateStatus"] = "DIRTY";
                pr["mergeable"] = "CONFLICTING";
                state.Save();
                return false;
            }

            if (outcome?.CommitOid is { } oid)
            {
                pr["mergeCommit"] = new JsonObject { ["oid"] = oid };
            }

            if (deleteBranch)
            {
                origin.DeleteBranch(head);
            }
        }

        pr["state"] = "MERGED";
        pr["mergedAt"] = Commands.Now;
        pr["closedAt"] = Commands.Now;
        pr["mergeMethod"] = method;
        pr["autoMerge"] = false;
        pr.Remove("autoMergeEnabledAt");
        pr.Remove("mergeStateStatus");
        pr.Remove("mergeable");
        state.Save();
        return true;
    }

    /// <summary>
    /// Merges the open PRs that wait for auto-merge (all, or only <paramref name="number"/>), in number order, each
    /// with the method and branch deletion asked for when auto-merge was enabled. Returns the numbers that conflicted.
    /// </summary>
    public static IReadOnlyList<int> MergePending(FakeState state, int? number = null)
    {
        var pending = state.PullRequests.Select(p => p!.AsObject())
            .Where(p => Commands.Text(p, "state") == "OPEN" && p["autoMerge"]?.GetValue<bool>() == true)
            .Where(p => number is null || p["number"]!.GetValue<int>() == number)
            .OrderBy(p => p["number"]!.GetValue<int>())
            .ToList();
        var conflicts = new List<int>();
        foreach (var pr in pending)
        {
            var method = pr["autoMergeMethod"]?.GetValue<string>() ?? "SQUASH";
            if (!TryMerge(state, pr, method, pr["deleteBranch"]?.GetValue<bool>() ?? false))
            {
                conflicts.Add(pr["number"]!.GetValue<int>());
            }
        }

        return conflicts;
    }
}

using System.Globalization;
using System.Text.Json.Nodes;

namespace FakeGh;

/// <summary>`gh pr merge`, and the fake-only `gh fake merge-pending` a test uses to say "the checks passed, merge now".</summary>
internal static class MergeCommands
{
    public static int PrMerge(FakeState state, ParsedArguments parsed, TextWriter error)
    {
        var methods = new[] { "merge", "rebase", "squash" }.Count(parsed.Switch);
        if (methods > 1)
        {
            throw new UsageException("only one of --merge, --rebase, or --squash can be enabled");
        }

        var pr = Commands.FindPullRequest(state, parsed);
        var number = pr["number"]!.GetValue<int>();
        var title = Commands.Text(pr, "title");
        if (parsed.Switch("disable-auto"))
        {
            pr["autoMerge"] = false;
            pr.Remove("autoMergeMethod");
            pr.Remove("autoMergeEnabledAt");
            state.Save();
            error.WriteLine($"✓ Auto-merge disabled for pull request #{number}");
            return 0;
        }

        if (methods == 0)
        {
            throw new CommandException("--merge, --rebase, or --squash required when not running interactively");
        }

        switch (Commands.Text(pr, "state"))
        {
            case "MERGED":
                throw new CommandException($"! Pull request #{number} ({title}) was already merged");
            case "CLOSED":
                throw new CommandException($"! Pull request #{number} ({title}) can't be merged because it is closed");
        }

        var method = parsed.Switch("squash") ? "SQUASH" : parsed.Switch("rebase") ? "REBASE" : "MERGE";
        pr["deleteBranch"] = parsed.Switch("delete-branch");
        if (state.AutoMergeMode is "checks" or "refuse")
        {
            return GitHubMerge.Merge(state, pr, parsed, method, error);
        }

        // "pending" and "onview": auto-merge is enabled and the PR waits (for `gh fake merge-pending`, or the next view);
        // GitHub refuses it on a draft in every mode.
        if (parsed.Switch("auto") && state.AutoMergeMode != "immediate")
        {
            return GitHubMerge.EnableAutoMerge(state, pr, method, error);
        }

        if (pr["isDraft"]?.GetValue<bool>() == true)
        {
            throw new CommandException(parsed.Switch("auto") ? GitHubMerge.DraftAutoMerge : GitHubMerge.DraftMerge);
        }

        return MergeNow(state, pr, method, parsed.Switch("delete-branch"), error);
    }

    /// <summary>The mergePullRequest mutation: a real merge in the origin, or GitHub's conflict answer.</summary>
    public static int MergeNow(FakeState state, JsonObject pr, string method, bool deleteBranch, TextWriter error)
    {
        var number = pr["number"]!.GetValue<int>();
        var title = Commands.Text(pr, "title");
        if (!PullRequestMerger.TryMerge(state, pr, method, deleteBranch))
        {
            throw new CommandException($"X Pull request #{number} is not mergeable: the merge commit cannot be cleanly created.");
        }

        error.WriteLine($"✓ {(method == "SQUASH" ? "Squashed and merged" : method == "REBASE" ? "Rebased and merged" : "Merged")} pull request #{number} ({title})");
        if (deleteBranch)
        {
            error.WriteLine($"✓ Deleted branch {Commands.Text(pr, "head")}");
        }

        return 0;
    }

    /// <summary>
    /// TEST-ONLY, not a gh command: `gh fake merge-pending [&lt;number&gt;]` merges every open PR waiting for auto-merge
    /// (or the one named) for real, in number order. Exit 1 when one conflicted (it stays open, DIRTY) or the named PR
    /// is not waiting for auto-merge.
    /// </summary>
    public static int MergePending(FakeState state, ParsedArguments parsed, TextWriter output, TextWriter error)
    {
        if (parsed.Positional.Count > 1)
        {
            throw new UsageException($"accepts at most 1 arg(s), received {parsed.Positional.Count}");
        }

        int? number = null;
        if (parsed.Positional.Count == 1)
        {
            if (!int.TryParse(parsed.Positional[0].TrimStart('#'), NumberStyles.None, CultureInfo.InvariantCulture, out var n))
            {
                throw new UsageException($"invalid pull request number: \"{parsed.Positional[0]}\"");
            }

            var pr = Commands.FindPullRequest(state, parsed);
            if (Commands.Text(pr, "state") != "OPEN" || pr["autoMerge"]?.GetValue<bool>() != true)
            {
                throw new CommandException($"fake gh: pull request #{n} is not waiting for auto-merge");
            }

            number = n;
        }

        var before = state.PullRequests.Count(p => Commands.Text(p!.AsObject(), "state") == "MERGED");
        var conflicts = PullRequestMerger.MergePending(state, number);
        var merged = state.PullRequests.Count(p => Commands.Text(p!.AsObject(), "state") == "MERGED") - before;
        output.WriteLine($"merged {merged} pull request(s)");
        foreach (var conflict in conflicts)
        {
            error.WriteLine($"X Pull request #{conflict} is not mergeable: the merge commit cannot be cleanly created.");
        }

        return conflicts.Count == 0 ? 0 : 1;
    }
}

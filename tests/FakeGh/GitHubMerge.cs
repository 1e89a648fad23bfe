using System.Text.Json.Nodes;

namespace FakeGh;

/// <summary>
/// `gh pr merge` by gh's and GitHub's own rules (autoMergeMode "checks" and "refuse"). gh's side is cli/cli
/// pkg/cmd/pr/merge/merge.go (v2.60.0): with `--auto`, a PR whose mergeStateStatus is CLEAN, HAS_HOOKS or UNSTABLE is
/// merged at once (isImmediatelyMergeable), any other gets the enablePullRequestAutoMerge mutation; without it, BLOCKED,
/// BEHIND and DIRTY are refused before anything is sent (canMerge, blockedReason), exit 1. Messages are written the way
/// gh 2.23 (Debian's) writes them, "#N" without the repository (gh 2.5x writes OWNER/REPO#N), like the rest of the fake.
/// GitHub's side: the mutation's errors, which gh prints as "GraphQL: &lt;message&gt; (&lt;path&gt;)".
/// </summary>
internal static class GitHubMerge
{
    /// <summary>
    /// What GitHub answers when the repository's "Allow auto-merge" setting is off (the default). The text as users
    /// quote it from gh, e.g. AliceJump/ok-end-field pull request #211 and SirAllap/agentglass pull request #331
    /// (an older answer, quoted in enfabrica/enkit pull request #1172, read "Pull request Auto merge is not allowed…").
    /// </summary>
    public const string AutoMergeNotAllowed = "GraphQL: Auto merge is not allowed for this repository (enablePullRequestAutoMerge)";

    /// <summary>
    /// What GitHub answers when auto-merge is asked for on a draft (the web page offers no auto-merge on a draft
    /// either). The text as a public project's test of gh's output quotes it (found through the code index, which
    /// does not name the repository); not in GitHub's or gh's own documentation.
    /// </summary>
    public const string DraftAutoMerge = "GraphQL: Pull request is in draft state (enablePullRequestAutoMerge)";

    /// <summary>
    /// What GitHub answers when a draft is merged directly ("Pull Request is still a draft", as Mergifyio/mergify issue
    /// #456 quotes GitHub's REST answer; the GraphQL mutation's path added as gh adds it).
    /// </summary>
    public const string DraftMerge = "GraphQL: Pull Request is still a draft (mergePullRequest)";

    public static int Merge(FakeState state, JsonObject pr, ParsedArguments parsed, string method, TextWriter error)
    {
        var number = pr["number"]!.GetValue<int>();
        var status = MergeStatus.Of(state, pr, PullRequestLooks.Current(state, pr));
        if (parsed.Switch("auto") && !MergeStatus.ImmediatelyMergeable(status))
        {
            return EnableAutoMerge(state, pr, method, error);
        }

        if (BlockedReason(status, parsed.Switch("admin")) is { } reason)
        {
            error.WriteLine($"X Pull request #{number} is not mergeable: {reason}.");
            error.WriteLine("To have the pull request merged after all the requirements have been met, add the `--auto` flag.");
            if (status is MergeStatus.Blocked or "BEHIND")
            {
                error.WriteLine("To use administrator privileges to immediately merge the pull request, add the `--admin` flag.");
            }

            return 1;
        }

        if (pr["isDraft"]?.GetValue<bool>() == true)
        {
            throw new CommandException(DraftMerge);
        }

        return MergeCommands.MergeNow(state, pr, method, parsed.Switch("delete-branch"), error);
    }

    /// <summary>The enablePullRequestAutoMerge mutation: refused, or the PR now waits for its requirements.</summary>
    public static int EnableAutoMerge(FakeState state, JsonObject pr, string method, TextWriter error)
    {
        if (state.AutoMergeMode == "refuse")
        {
            throw new CommandException(AutoMergeNotAllowed);
        }

        if (pr["isDraft"]?.GetValue<bool>() == true)
        {
            throw new CommandException(DraftAutoMerge);
        }

        pr["autoMerge"] = true;
        pr["autoMergeMethod"] = method;
        pr["autoMergeEnabledAt"] = Commands.Now;
        state.Save();
        var via = method switch { "SQUASH" => " via squash", "REBASE" => " via rebase", _ => string.Empty };
        error.WriteLine($"✓ Pull request #{pr["number"]} will be automatically merged{via} when all requirements are met");
        return 0;
    }

    /// <summary>gh's blockedReason: why a direct merge is refused, or null.</summary>
    private static string? BlockedReason(string status, bool admin) => status switch
    {
        MergeStatus.Blocked when !admin => "the base branch policy prohibits the merge",
        "BEHIND" when !admin => "the head branch is not up to date with the base branch",
        MergeStatus.Dirty => "the merge commit cannot be cleanly created",
        _ => null,
    };
}

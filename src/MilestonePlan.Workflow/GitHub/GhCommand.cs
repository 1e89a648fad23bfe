using MilestonePlan.Workflow.Processes;

namespace MilestonePlan.Workflow.GitHub;

/// <summary>
/// The argument lists of the gh commands that change something on GitHub, built in one place: <see cref="GhClient"/>
/// runs them and a dry run prints them (<see cref="Display"/>), so what is printed is what would run.
/// </summary>
internal static class GhCommand
{
    /// <summary>What a printed command shows for the body file a real run writes (<see cref="BodyFile"/>).</summary>
    public const string BodyPlaceholder = "<body>";

    /// <summary>What a printed command shows for a PR number not known before the PR exists.</summary>
    public const string NumberPlaceholder = "<number>";

    public static string[] CreatePullRequest(string baseBranch, string head, string title, string bodyFile) =>
        ["pr", "create", "--base", baseBranch, "--head", head, "--title", title, "--body-file", bodyFile];

    public static string[] CreateIssue(string title, string bodyFile, IReadOnlyList<string> labels, string? milestone)
    {
        var arguments = new List<string> { "issue", "create", "--title", title, "--body-file", bodyFile };
        foreach (var label in labels)
        {
            arguments.Add("--label");
            arguments.Add(LabelArgument(label));
        }

        if (!string.IsNullOrEmpty(milestone))
        {
            arguments.Add("--milestone");
            arguments.Add(milestone!);
        }

        return [.. arguments];
    }

    /// <summary>`gh pr merge &lt;pr&gt; --auto --squash --delete-branch`: the template's auto-merge.</summary>
    public static string[] EnableAutoMerge(string pullRequest) => ["pr", "merge", pullRequest, "--auto", "--squash", "--delete-branch"];

    public static string[] DisableAutoMerge(string pullRequest) => ["pr", "merge", pullRequest, "--disable-auto"];

    /// <summary>`gh pr ready &lt;pr&gt; --undo`: back to a draft, which never merges by itself.</summary>
    public static string[] MarkDraft(string pullRequest) => ["pr", "ready", pullRequest, "--undo"];

    public static string[] MarkReady(string pullRequest) => ["pr", "ready", pullRequest];

    /// <summary>
    /// The REST call that closes a milestone: gh has no `milestone` command. `{owner}/{repo}` is left for gh, which fills
    /// it from the repository's remote; `-f` sends the value as a string field.
    /// </summary>
    public static string[] CloseMilestone(string number) => ["api", "-X", "PATCH", $"repos/{{owner}}/{{repo}}/milestones/{number}", "-f", "state=closed"];

    public static string[] CommentOnIssue(string number, string bodyFile) => ["issue", "comment", number, "--body-file", bodyFile];

    public static string[] CloseIssue(string number) => ["issue", "close", number];

    public static string[] Comment(string pullRequest, string bodyFile) => ["pr", "comment", pullRequest, "--body-file", bodyFile];

    /// <summary>The command as printed: `gh` and its arguments, quoted as they are passed.</summary>
    public static string Display(IEnumerable<string> arguments) => CommandLine.Display("gh", arguments);

    /// <summary>gh reads --label as comma-separated values (CSV): a label with a comma or a quote is quoted to stay one label.</summary>
    internal static string LabelArgument(string label) =>
        label.IndexOfAny([',', '"']) >= 0 || label.Trim() != label ? "\"" + label.Replace("\"", "\"\"") + "\"" : label;
}

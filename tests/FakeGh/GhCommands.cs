namespace FakeGh;

/// <summary>The subcommands the fake knows, with the flags the real gh 2.x accepts for each (from `gh <cmd> --help`).</summary>
internal static class GhCommands
{
    /// <summary>Flags that take a value; every other known flag is a switch.</summary>
    public static readonly HashSet<string> ValueFlags =
    [
        "--base", "-B", "--head", "-H", "--title", "-t", "--body", "-b", "--body-file", "-F", "--label", "-l", "--assignee", "-a",
        "--reviewer", "-r", "--milestone", "-m", "--project", "-p", "--repo", "-R", "--template", "-T", "--json", "--jq", "-q",
        "--limit", "-L", "--state", "-s", "--search", "-S", "--author", "-A", "--subject", "--author-email", "--match-head-commit",
        "--recover", "--hostname", "--app",
    ];

    public static readonly Dictionary<string, HashSet<string>> Flags = new()
    {
        ["auth status"] = ["--hostname", "-h", "--show-token", "-t", "--active", "-a", "--json", "--jq", "-q", "--template"],
        ["pr create"] =
        [
            "--base", "-B", "--head", "-H", "--title", "-t", "--body", "-b", "--body-file", "-F", "--draft", "-d", "--fill", "-f",
            "--fill-first", "--fill-verbose", "--label", "-l", "--assignee", "-a", "--reviewer", "-r", "--milestone", "-m",
            "--project", "-p", "--web", "-w", "--repo", "-R", "--dry-run", "--no-maintainer-edit", "--recover", "--template", "-T",
            "--editor", "-e",
        ],
        ["pr merge"] =
        [
            "--auto", "--squash", "-s", "--merge", "-m", "--rebase", "-r", "--delete-branch", "-d", "--admin", "--body", "-b",
            "--body-file", "-F", "--subject", "-t", "--disable-auto", "--match-head-commit", "--author-email", "-A", "--repo", "-R",
        ],
        ["pr view"] = ["--json", "--jq", "-q", "--template", "-t", "--web", "-w", "--comments", "-c", "--repo", "-R"],
        ["pr list"] =
        [
            "--base", "-B", "--state", "-s", "--json", "--limit", "-L", "--head", "-H", "--label", "-l", "--author", "-A",
            "--assignee", "-a", "--search", "-S", "--draft", "-d", "--web", "-w", "--jq", "-q", "--template", "-t", "--app", "--repo", "-R",
        ],
        ["issue create"] =
        [
            "--title", "-t", "--body", "-b", "--body-file", "-F", "--label", "-l", "--assignee", "-a", "--milestone", "-m",
            "--project", "-p", "--web", "-w", "--repo", "-R", "--template", "-T", "--editor", "-e", "--recover",
        ],
    };

    /// <summary>Fields `gh pr view/list --json` knows (a subset of the real list, enough to reject a typo).</summary>
    public static readonly HashSet<string> PullRequestJsonFields =
    [
        "number", "title", "state", "headRefName", "baseRefName", "url", "mergedAt", "autoMergeRequest", "isDraft", "body",
        "createdAt", "closedAt", "mergeable", "mergeStateStatus", "author", "labels", "id",
    ];
}

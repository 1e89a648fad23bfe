namespace FakeGh;

/// <summary>How a flag takes its value, as pflag (gh's flag library) sees it.</summary>
internal enum FlagKind
{
    /// <summary>A switch: `--auto`, `--auto=true`, or in a group of shorthands `-ds`.</summary>
    Bool,

    /// <summary>One value: `--title x`, `--title=x`, `-t x`, `-tx`.</summary>
    String,

    /// <summary>Repeatable, and each value is read as comma-separated (CSV) values: `--label a,b --label c`.</summary>
    StringSlice,

    /// <summary>A number: `--limit 200`.</summary>
    Int,

    /// <summary>Repeatable, each value kept whole (no CSV): `gh api -f key=a,b -f other=c`.</summary>
    StringArray,
}

internal sealed record Flag(string Name, char? Shorthand, FlagKind Kind, string Usage);

/// <summary>
/// The subcommands the fake knows, each with exactly the flags the real gh 2.x accepts for it (from `gh &lt;cmd&gt;
/// --help`; a few were added in later 2.x releases and are marked). `pr close` and `pr comment`: gh 2.23's --help and
/// cli/cli v2.60.0 pkg/cmd/pr/close/close.go, pkg/cmd/pr/comment/comment.go have the same flags. A flag not listed here is rejected the way gh
/// rejects it, so a client that passes an invented flag fails in tests as it would for real.
/// </summary>
internal static class GhCommands
{
    private static readonly Flag Help = new("help", null, FlagKind.Bool, "Show help for command");
    private static readonly Flag Repo = new("repo", 'R', FlagKind.String, "Select another repository using the [HOST/]OWNER/REPO format");

    /// <summary>`pr comment` and `issue comment` share cli/cli's comment flags (pkg/cmd/pr/shared/commentable.go).</summary>
    private static readonly IReadOnlyList<Flag> CommentFlags =
    [
        new("body", 'b', FlagKind.String, "The comment body text"),
        new("body-file", 'F', FlagKind.String, "Read body text from file (use \"-\" to read from standard input)"),
        new("edit-last", null, FlagKind.Bool, "Edit the last comment of the same author"),
        new("editor", 'e', FlagKind.Bool, "Skip prompts and open the text editor to write the body in"),
        new("web", 'w', FlagKind.Bool, "Open the web browser to write the comment"),
        Repo, Help,
    ];

    public static readonly IReadOnlyDictionary<string, IReadOnlyList<Flag>> Flags = new Dictionary<string, IReadOnlyList<Flag>>
    {
        ["auth status"] =
        [
            new("active", 'a', FlagKind.Bool, "Display the active account only (gh 2.40+)"),
            new("hostname", 'h', FlagKind.String, "Check only a specific hostname's auth status"),
            new("show-token", 't', FlagKind.Bool, "Display the auth token"),
            Help,
        ],
        ["pr create"] =
        [
            new("assignee", 'a', FlagKind.StringSlice, "Assign people by their login"),
            new("base", 'B', FlagKind.String, "The branch into which you want your code merged"),
            new("body", 'b', FlagKind.String, "Body for the pull request"),
            new("body-file", 'F', FlagKind.String, "Read body text from file (use \"-\" to read from standard input)"),
            new("draft", 'd', FlagKind.Bool, "Mark pull request as a draft"),
            new("dry-run", null, FlagKind.Bool, "Print details instead of creating the PR (gh 2.49+)"),
            new("editor", 'e', FlagKind.Bool, "Skip prompts and open the text editor (gh 2.40+)"),
            new("fill", 'f', FlagKind.Bool, "Use commit info for title and body"),
            new("fill-first", null, FlagKind.Bool, "Use first commit info for title and body (gh 2.36+)"),
            new("fill-verbose", null, FlagKind.Bool, "Use commits msg+body for description (gh 2.40+)"),
            new("head", 'H', FlagKind.String, "The branch that contains commits for your pull request"),
            new("label", 'l', FlagKind.StringSlice, "Add labels by name"),
            new("milestone", 'm', FlagKind.String, "Add the pull request to a milestone by name"),
            new("no-maintainer-edit", null, FlagKind.Bool, "Disable maintainer's ability to modify pull request"),
            new("project", 'p', FlagKind.StringSlice, "Add the pull request to projects by title"),
            new("recover", null, FlagKind.String, "Recover input from a failed run of create"),
            new("reviewer", 'r', FlagKind.StringSlice, "Request reviews from people or teams by their handle"),
            new("template", 'T', FlagKind.String, "Template file to use as starting body text (gh 2.40+)"),
            new("title", 't', FlagKind.String, "Title for the pull request"),
            new("web", 'w', FlagKind.Bool, "Open the web browser to create a pull request"),
            Repo, Help,
        ],
        ["pr merge"] =
        [
            new("admin", null, FlagKind.Bool, "Use administrator privileges to merge"),
            new("author-email", 'A', FlagKind.String, "Email text for merge commit author"),
            new("auto", null, FlagKind.Bool, "Automatically merge only after necessary requirements are met"),
            new("body", 'b', FlagKind.String, "Body text for the merge commit"),
            new("body-file", 'F', FlagKind.String, "Read body text from file"),
            new("delete-branch", 'd', FlagKind.Bool, "Delete the local and remote branch after merge"),
            new("disable-auto", null, FlagKind.Bool, "Disable auto-merge for this pull request"),
            new("match-head-commit", null, FlagKind.String, "Commit SHA that the pull request head must match to allow merge"),
            new("merge", 'm', FlagKind.Bool, "Merge the commits with the base branch"),
            new("rebase", 'r', FlagKind.Bool, "Rebase the commits onto the base branch"),
            new("squash", 's', FlagKind.Bool, "Squash the commits into one commit and merge it into the base branch"),
            new("subject", 't', FlagKind.String, "Subject text for the merge commit"),
            Repo, Help,
        ],
        ["pr view"] =
        [
            new("comments", 'c', FlagKind.Bool, "View pull request comments"),
            new("jq", 'q', FlagKind.String, "Filter JSON output using a jq expression"),
            new("json", null, FlagKind.StringSlice, "Output JSON with the specified fields"),
            new("template", 't', FlagKind.String, "Format JSON output using a Go template"),
            new("web", 'w', FlagKind.Bool, "Open a pull request in the browser"),
            Repo, Help,
        ],
        ["pr list"] =
        [
            new("app", null, FlagKind.String, "Filter by GitHub App author"),
            new("assignee", 'a', FlagKind.String, "Filter by assignee"),
            new("author", 'A', FlagKind.String, "Filter by author"),
            new("base", 'B', FlagKind.String, "Filter by base branch"),
            new("draft", 'd', FlagKind.Bool, "Filter by draft state"),
            new("head", 'H', FlagKind.String, "Filter by head branch"),
            new("jq", 'q', FlagKind.String, "Filter JSON output using a jq expression"),
            new("json", null, FlagKind.StringSlice, "Output JSON with the specified fields"),
            new("label", 'l', FlagKind.StringSlice, "Filter by label"),
            new("limit", 'L', FlagKind.Int, "Maximum number of items to fetch"),
            new("search", 'S', FlagKind.String, "Search pull requests with query"),
            new("state", 's', FlagKind.String, "Filter by state: {open|closed|merged|all}"),
            new("template", 't', FlagKind.String, "Format JSON output using a Go template"),
            new("web", 'w', FlagKind.Bool, "List pull requests in the web browser"),
            Repo, Help,
        ],
        ["pr close"] =
        [
            new("comment", 'c', FlagKind.String, "Leave a closing comment"),
            new("delete-branch", 'd', FlagKind.Bool, "Delete the local and remote branch after close"),
            Repo, Help,
        ],
        ["pr comment"] = CommentFlags,
        ["pr ready"] =
        [
            new("undo", null, FlagKind.Bool, "Convert a pull request to \"draft\""),
            Repo, Help,
        ],
        ["issue list"] =
        [
            new("app", null, FlagKind.String, "Filter by GitHub App author"),
            new("assignee", 'a', FlagKind.String, "Filter by assignee"),
            new("author", 'A', FlagKind.String, "Filter by author"),
            new("jq", 'q', FlagKind.String, "Filter JSON output using a jq expression"),
            new("json", null, FlagKind.StringSlice, "Output JSON with the specified fields"),
            new("label", 'l', FlagKind.StringSlice, "Filter by label"),
            new("limit", 'L', FlagKind.Int, "Maximum number of issues to fetch"),
            new("mention", null, FlagKind.String, "Filter by mention"),
            new("milestone", 'm', FlagKind.String, "Filter by milestone number or title"),
            new("search", 'S', FlagKind.String, "Search issues with query"),
            new("state", 's', FlagKind.String, "Filter by state: {open|closed|all}"),
            new("template", 't', FlagKind.String, "Format JSON output using a Go template"),
            new("web", 'w', FlagKind.Bool, "List issues in the web browser"),
            Repo, Help,
        ],
        // gh api: cli/cli pkg/cmd/api/api.go (v2.60.0); --slurp and --verbose came in later 2.x releases.
        ["api"] =
        [
            new("cache", null, FlagKind.String, "Cache the response, e.g. \"3600s\", \"60m\", \"1h\""),
            new("field", 'F', FlagKind.StringArray, "Add a typed parameter in key=value format"),
            new("header", 'H', FlagKind.StringArray, "Add a HTTP request header in key:value format"),
            new("hostname", null, FlagKind.String, "The GitHub hostname for the request (default \"github.com\")"),
            new("include", 'i', FlagKind.Bool, "Include HTTP response status line and headers in the output"),
            new("input", null, FlagKind.String, "The file to use as body for the HTTP request (use \"-\" to read from standard input)"),
            new("jq", 'q', FlagKind.String, "Query to select values from the response using jq syntax"),
            new("method", 'X', FlagKind.String, "The HTTP method for the request (default \"GET\")"),
            new("paginate", null, FlagKind.Bool, "Make additional HTTP requests to fetch all pages of results"),
            new("preview", 'p', FlagKind.StringSlice, "GitHub API preview names to request (without the \"-preview\" suffix)"),
            new("raw-field", 'f', FlagKind.StringArray, "Add a string parameter in key=value format"),
            new("silent", null, FlagKind.Bool, "Do not print the response body"),
            new("template", 't', FlagKind.String, "Format JSON output using a Go template"),
            Help,
        ],
        // gh issue view / comment / close: cli/cli pkg/cmd/issue/{view,comment,close} (v2.60.0).
        ["issue view"] =
        [
            new("comments", 'c', FlagKind.Bool, "View issue comments"),
            new("jq", 'q', FlagKind.String, "Filter JSON output using a jq expression"),
            new("json", null, FlagKind.StringSlice, "Output JSON with the specified fields"),
            new("template", 't', FlagKind.String, "Format JSON output using a Go template"),
            new("web", 'w', FlagKind.Bool, "Open an issue in the browser"),
            Repo, Help,
        ],
        ["issue comment"] = CommentFlags,
        ["issue close"] =
        [
            new("comment", 'c', FlagKind.String, "Leave a closing comment"),
            new("reason", 'r', FlagKind.String, "Reason for closing: {completed|not planned}"),
            Repo, Help,
        ],
        ["issue create"] =
        [
            new("assignee", 'a', FlagKind.StringSlice, "Assign people by their login"),
            new("body", 'b', FlagKind.String, "Supply a body"),
            new("body-file", 'F', FlagKind.String, "Read body text from file (use \"-\" to read from standard input)"),
            new("editor", 'e', FlagKind.Bool, "Skip prompts and open the text editor (gh 2.40+)"),
            new("label", 'l', FlagKind.StringSlice, "Add labels by name"),
            new("milestone", 'm', FlagKind.String, "Add the issue to a milestone by name"),
            new("project", 'p', FlagKind.StringSlice, "Add the issue to projects by title"),
            new("recover", null, FlagKind.String, "Recover input from a failed run of create"),
            new("template", 'T', FlagKind.String, "Template name to use as starting body text (gh 2.40+)"),
            new("title", 't', FlagKind.String, "Supply a title"),
            new("web", 'w', FlagKind.Bool, "Open the browser to create an issue"),
            Repo, Help,
        ],
    };

    /// <summary>The fields `gh issue list --json` accepts in current gh 2.x.</summary>
    public static readonly IReadOnlyList<string> IssueJsonFields =
    [
        "assignees", "author", "body", "closed", "closedAt", "closedByPullRequestsReferences", "comments", "createdAt", "id", "isPinned",
        "labels", "milestone", "number", "projectCards", "projectItems", "reactionGroups", "state", "stateReason", "title", "updatedAt", "url",
    ];

    /// <summary>The fields `gh pr view/list --json` accepts in current gh 2.x.</summary>
    public static readonly IReadOnlyList<string> PullRequestJsonFields =
    [
        "additions", "assignees", "author", "autoMergeRequest", "baseRefName", "baseRefOid", "body", "changedFiles", "closed",
        "closedAt", "closingIssuesReferences", "comments", "commits", "createdAt", "deletions", "files", "fullDatabaseId",
        "headRefName", "headRefOid", "headRepository", "headRepositoryOwner", "id", "isCrossRepository", "isDraft", "labels",
        "latestReviews", "maintainerCanModify", "mergeCommit", "mergeStateStatus", "mergeable", "mergedAt", "mergedBy",
        "milestone", "number", "potentialMergeCommit", "projectCards", "projectItems", "reactionGroups", "reviewDecision",
        "reviewRequests", "reviews", "state", "statusCheckRollup", "title", "updatedAt", "url",
    ];

    /// <summary>Fields gh versions before 2.29 did not have (used when the state asks for an old gh).</summary>
    public static readonly IReadOnlyList<string> NewerJsonFields =
        ["autoMergeRequest", "baseRefOid", "closingIssuesReferences", "fullDatabaseId", "projectItems"];
}

using System.Globalization;
using System.Text.Json.Nodes;

namespace FakeGh;

/// <summary>
/// `gh issue view`, `gh issue comment` and `gh issue close` on the fake's issues, with gh's outputs: view prints the
/// `--json` fields gh accepts (comments in the shape of `pr view --json comments`), comment prints the comment's URL,
/// close says "✓ Closed issue" on stderr, or "! Issue #N (title) is already closed" and exits 0 as gh does.
/// </summary>
internal static class IssueStateCommands
{
    public static int IssueView(FakeState state, ParsedArguments parsed, TextWriter output)
    {
        var issue = Find(state, parsed);
        if (parsed.Has("jq") || parsed.Has("template") || parsed.Switch("web"))
        {
            throw new CommandException("fake gh does not evaluate --jq or --template or open a browser");
        }

        if (!parsed.Has("json"))
        {
            output.WriteLine($"{Commands.Text(issue, "title")} #{issue["number"]}\n{Commands.Text(issue, "state")}\n\n{Commands.Text(issue, "body")}");
            return 0;
        }

        var fields = parsed.All("json").Where(f => f.Length > 0).ToArray();
        var unknown = fields.FirstOrDefault(f => !GhCommands.IssueJsonFields.Contains(f));
        if (fields.Length == 0 || unknown is not null)
        {
            throw new CommandException((unknown is null ? "Specify one or more comma-separated fields for `--json`:" : $"Unknown JSON field: \"{unknown}\"\nAvailable fields:")
                + "\n  " + string.Join("\n  ", GhCommands.IssueJsonFields));
        }

        var result = new JsonObject();
        foreach (var field in fields)
        {
            result[field] = field == "comments" ? (issue["comments"] ?? new JsonArray()).DeepClone() : issue[field]?.DeepClone();
        }

        output.WriteLine(result.ToJsonString(FakeState.Json));
        return 0;
    }

    public static int IssueComment(FakeState state, ParsedArguments parsed, TextWriter output)
    {
        PullRequestStateCommands.RequireOneInput(parsed);
        if (parsed.Switch("edit-last"))
        {
            throw new CommandException("fake gh does not edit an issue's comments");
        }

        var issue = Find(state, parsed);
        var body = PullRequestStateCommands.CommentBody(parsed);
        output.WriteLine(PullRequestStateCommands.AddComment(state, issue, body));
        return 0;
    }

    public static int IssueClose(FakeState state, ParsedArguments parsed, TextWriter error)
    {
        var issue = Find(state, parsed);
        var reason = parsed.One("reason");
        if (reason is not (null or "completed" or "not planned"))
        {
            throw new UsageException($"invalid argument \"{reason}\" for \"-r, --reason\" flag: valid values are {{completed|not planned}}");
        }

        var display = $"#{issue["number"]} ({Commands.Text(issue, "title")})";
        if (Commands.Text(issue, "state") == "CLOSED")
        {
            error.WriteLine($"! Issue {display} is already closed");
            return 0;
        }

        if (parsed.One("comment") is { Length: > 0 } comment)
        {
            PullRequestStateCommands.AddComment(state, issue, comment);
        }

        issue["state"] = "CLOSED";
        issue["closed"] = true;
        issue["closedAt"] = Commands.Now;
        issue["stateReason"] = reason == "not planned" ? "NOT_PLANNED" : "COMPLETED";
        state.Save();
        error.WriteLine($"✓ Closed issue {display}");
        return 0;
    }

    /// <summary>An issue by number or URL; gh's GraphQL error when there is none.</summary>
    private static JsonObject Find(FakeState state, ParsedArguments parsed)
    {
        if (parsed.Positional.Count != 1)
        {
            throw new UsageException($"accepts 1 arg(s), received {parsed.Positional.Count}");
        }

        var selector = parsed.Positional[0];
        var number = selector.TrimStart('#');
        return state.Issues.Select(i => i!.AsObject()).FirstOrDefault(i =>
                i["number"]!.GetValue<int>().ToString(CultureInfo.InvariantCulture) == number || Commands.Text(i, "url") == selector)
            ?? throw new CommandException($"GraphQL: Could not resolve to an issue or pull request with the number of {number}. (repository.issue)");
    }
}

using System.Text.Json.Nodes;

namespace FakeGh;

/// <summary>
/// `gh pr ready [--undo]`, `gh pr close` and `gh pr comment`, with the messages and exit codes of cli/cli
/// pkg/cmd/pr/ready/ready.go, pkg/cmd/pr/close/close.go and pkg/cmd/pr/comment/comment.go with
/// pkg/cmd/pr/shared/commentable.go (written as gh 2.23 writes them: "#N", no OWNER/REPO). A warning that changes
/// nothing ("already closed") exits 0, as gh's does; a refusal gh prints itself exits 1 (cmdutil.SilentError).
/// </summary>
internal static class PullRequestStateCommands
{
    public static int PrReady(FakeState state, ParsedArguments parsed, TextWriter error)
    {
        var pr = Commands.FindPullRequest(state, parsed);
        var number = pr["number"]!.GetValue<int>();
        if (Commands.Text(pr, "state") != "OPEN")
        {
            error.WriteLine($"X Pull request #{number} is closed. Only draft pull requests can be marked as \"ready for review\"");
            return 1;
        }

        var draft = pr["isDraft"]?.GetValue<bool>() == true;
        if (parsed.Switch("undo") == draft)
        {
            error.WriteLine(draft ? $"! Pull request #{number} is already \"in draft\"" : $"! Pull request #{number} is already \"ready for review\"");
            return 0;
        }

        pr["isDraft"] = parsed.Switch("undo");
        if (parsed.Switch("undo"))
        {
            // GitHub turns auto-merge off when a PR goes back to draft (and offers none on a draft).
            DisableAutoMerge(pr);
        }

        state.Save();
        error.WriteLine(parsed.Switch("undo")
            ? $"✓ Pull request #{number} is converted to \"draft\""
            : $"✓ Pull request #{number} is marked as \"ready for review\"");
        return 0;
    }

    public static int PrClose(FakeState state, ParsedArguments parsed, TextWriter output, TextWriter error)
    {
        if (parsed.Positional.Count != 1)
        {
            throw new UsageException("cannot close pull request: number, url, or branch required");
        }

        var pr = Commands.FindPullRequest(state, parsed);
        var number = pr["number"]!.GetValue<int>();
        var title = Commands.Text(pr, "title");
        switch (Commands.Text(pr, "state"))
        {
            case "MERGED":
                error.WriteLine($"X Pull request #{number} ({title}) can't be closed because it was already merged");
                return 1;
            case "CLOSED":
                error.WriteLine($"! Pull request #{number} ({title}) is already closed");
                return 0;
        }

        if (parsed.One("comment") is { Length: > 0 } comment)
        {
            AddComment(state, pr, comment);
        }

        Close(state, pr);
        error.WriteLine($"✓ Closed pull request #{number} ({title})");
        if (parsed.Switch("delete-branch"))
        {
            // The remote branch only: the fake leaves the caller's local branches alone.
            OriginRepository.Find(Environment.CurrentDirectory)?.DeleteBranch(Commands.Text(pr, "head"));
            error.WriteLine($"✓ Deleted branch {Commands.Text(pr, "head")}");
        }

        return 0;
    }

    public static int PrComment(FakeState state, ParsedArguments parsed, TextWriter output)
    {
        RequireOneInput(parsed);
        var pr = Commands.FindPullRequest(state, parsed);
        var body = CommentBody(parsed);

        if (parsed.Switch("edit-last"))
        {
            var last = Comments(pr).LastOrDefault(c => c!["author"]?["login"]?.GetValue<string>() == "fake-user")
                ?? throw new CommandException("no comments found for current user");
            last["body"] = body;
            state.Save();
            output.WriteLine(last["url"]!.GetValue<string>());
            return 0;
        }

        output.WriteLine(AddComment(state, pr, body));
        return 0;
    }

    /// <summary>gh's checks of a comment's input (pr and issue comment share them): one of the four, and not interactive.</summary>
    internal static void RequireOneInput(ParsedArguments parsed)
    {
        var inputs = new[] { "body", "body-file" }.Count(parsed.Has) + new[] { "editor", "web" }.Count(parsed.Switch);
        if (inputs == 0)
        {
            throw new UsageException("flags required when not running interactively");
        }

        if (inputs > 1)
        {
            throw new UsageException("specify only one of `--body`, `--body-file`, `--editor`, or `--web`");
        }

        if (parsed.Switch("editor") || parsed.Switch("web"))
        {
            throw new CommandException("fake gh cannot open an editor or a browser");
        }
    }

    internal static string CommentBody(ParsedArguments parsed)
    {
        var body = Commands.Body(parsed);
        // GitHub's validation answer for an empty comment (not checked against a real reply).
        return body.Trim().Length == 0 ? throw new CommandException("GraphQL: Body cannot be blank (addComment)") : body;
    }

    /// <summary>A person closes the PR on GitHub without merging it: CLOSED, auto-merge off, the branch kept.</summary>
    public static void Close(FakeState state, JsonObject pr)
    {
        pr["state"] = "CLOSED";
        pr["closedAt"] = Commands.Now;
        DisableAutoMerge(pr);
        state.Save();
    }

    /// <summary>
    /// Adds a comment in the shape of cli/cli api/queries_comments.go's Comment (what `--json comments` prints) and
    /// returns its URL, which gh prints.
    /// </summary>
    internal static string AddComment(FakeState state, JsonObject pr, string body)
    {
        var id = state.TakeCommentId();
        var url = $"{Commands.Text(pr, "url")}#issuecomment-{id}";
        Comments(pr).Add(new JsonObject
        {
            ["id"] = $"IC_fake{id}",
            ["author"] = new JsonObject { ["login"] = "fake-user" },
            ["authorAssociation"] = "OWNER",
            ["body"] = body,
            ["createdAt"] = Commands.Now,
            ["includesCreatedEdit"] = false,
            ["isMinimized"] = false,
            ["minimizedReason"] = string.Empty,
            ["reactionGroups"] = new JsonArray(),
            ["url"] = url,
            ["viewerDidAuthor"] = true,
        });
        state.Save();
        return url;
    }

    private static JsonArray Comments(JsonObject pr) => (pr["comments"] ??= new JsonArray()).AsArray();

    private static void DisableAutoMerge(JsonObject pr)
    {
        pr["autoMerge"] = false;
        pr.Remove("autoMergeMethod");
        pr.Remove("autoMergeEnabledAt");
    }
}

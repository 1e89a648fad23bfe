using System.Globalization;
using System.Text.Json.Nodes;

namespace FakeGh;

/// <summary>
/// TEST-ONLY, not gh commands: what someone other than the client does on GitHub meanwhile. `gh fake close &lt;n&gt;`: a
/// person closes the PR on the web page without merging it (CLOSED, auto-merge off, the head branch kept).
/// `gh fake delete-branch &lt;n&gt;`: a person deletes the PR's head branch in the origin (for real); GitHub then
/// closes the PR if it was open, and the PR keeps its headRefName.
/// </summary>
internal static class FakeActorCommands
{
    public static int Close(FakeState state, ParsedArguments parsed, TextWriter output)
    {
        var pr = OpenPullRequest(state, parsed);
        PullRequestStateCommands.Close(state, pr);
        output.WriteLine($"closed pull request #{pr["number"]}");
        return 0;
    }

    public static int DeleteBranch(FakeState state, ParsedArguments parsed, TextWriter output)
    {
        var pr = Numbered(state, parsed);
        var head = Commands.Text(pr, "head");
        var origin = OriginRepository.Find(Environment.CurrentDirectory)
            ?? throw new CommandException("fake gh: delete-branch needs a repository whose origin is a local repository");
        if (origin.Tip(head) is null)
        {
            throw new CommandException($"fake gh: branch {head} does not exist in the origin");
        }

        origin.DeleteBranch(head);
        if (Commands.Text(pr, "state") == "OPEN")
        {
            PullRequestStateCommands.Close(state, pr);
        }

        output.WriteLine($"deleted branch {head}");
        return 0;
    }

    private static JsonObject OpenPullRequest(FakeState state, ParsedArguments parsed)
    {
        var pr = Numbered(state, parsed);
        return Commands.Text(pr, "state") == "OPEN" ? pr
            : throw new CommandException($"fake gh: pull request #{pr["number"]} is not open");
    }

    /// <summary>Exactly one argument, a PR number (these commands act on a PR a test knows by number).</summary>
    private static JsonObject Numbered(FakeState state, ParsedArguments parsed)
    {
        if (parsed.Positional.Count != 1
            || !int.TryParse(parsed.Positional[0].TrimStart('#'), NumberStyles.None, CultureInfo.InvariantCulture, out _))
        {
            throw new UsageException("fake gh: exactly one argument, a pull request number");
        }

        return Commands.FindPullRequest(state, parsed);
    }
}

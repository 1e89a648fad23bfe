using System.Globalization;
using System.Text.Json.Nodes;
using MilestonePlan.Workflow.Processes;

namespace MilestonePlan.Workflow.Tests.Support;

/// <summary>Driving the fake gh by hand in a temp repository, for the tests of the fake itself.</summary>
internal static class FakeGhPullRequests
{
    /// <summary>Runs `gh` (the fake, first on PATH) in the repository's work tree.</summary>
    public static ProcessResult Gh(this FakeGhEnvironment gh, TempGitRepository repo, params string[] arguments) =>
        gh.Runner.Run("gh", arguments, repo.Path_, TimeSpan.FromMinutes(1));

    /// <summary>A branch off main with the given files, pushed, and a PR for it; returns the PR's number.</summary>
    public static int OpenPullRequest(this FakeGhEnvironment gh, TempGitRepository repo, string branch, string title, params (string File, string Text)[] commits) =>
        gh.OpenPullRequest(repo, branch, title, draft: false, commits);

    public static int OpenPullRequest(this FakeGhEnvironment gh, TempGitRepository repo, string branch, string title, bool draft, params (string File, string Text)[] commits)
    {
        repo.Git("checkout", "--quiet", "-b", branch, "main");
        foreach (var (file, text) in commits)
        {
            repo.Write(file, text);
            repo.CommitAll("change " + file);
        }

        repo.Git("push", "--quiet", "origin", branch);
        repo.Git("checkout", "--quiet", "main");
        string[] create = ["pr", "create", "--base", "main", "--head", branch, "--title", title, "--body", "b"];
        var created = gh.Gh(repo, draft ? [.. create, "--draft"] : create);
        Assert.IsTrue(created.Succeeded, created.Describe());
        return int.Parse(created.StandardOutput.Trim().Split('/')[^1], CultureInfo.InvariantCulture);
    }

    /// <summary>`gh pr view &lt;n&gt; --json &lt;fields&gt;` (one look), parsed; fails the test when gh fails.</summary>
    public static JsonObject View(this FakeGhEnvironment gh, TempGitRepository repo, int number, string fields)
    {
        var view = gh.Gh(repo, "pr", "view", number.ToString(CultureInfo.InvariantCulture), "--json", fields);
        Assert.IsTrue(view.Succeeded, view.Describe());
        return JsonNode.Parse(view.StandardOutput)!.AsObject();
    }

    public static string Text(this JsonNode node, string name) => node[name]!.GetValue<string>();

    public static string[] OriginSubjects(this TempGitRepository repo) =>
        repo.GitOrigin("log", "--format=%s", "main").Split('\n', StringSplitOptions.RemoveEmptyEntries);
}

using System.Text.Json;
using MilestonePlan.Core.Workflow;
using MilestonePlan.Workflow.Processes;

namespace MilestonePlan.Workflow.GitHub;

/// <summary>
/// The gh CLI calls of the workflow, with flags gh 2.x has. Each is one process with an argument list;
/// a missing gh, an unauthenticated gh or a failing call throws MP9001 with gh's own stderr.
/// </summary>
public sealed class GhClient(IProcessRunner runner, string repository, TimeSpan timeout)
{
    private const string PullRequestFields = "number,title,state,headRefName,baseRefName,url,mergedAt,autoMergeRequest";

    private static readonly Dictionary<string, string> Environment = new()
    {
        ["GH_PROMPT_DISABLED"] = "1",
        ["GH_NO_UPDATE_NOTIFIER"] = "1",
        ["NO_COLOR"] = "1",
    };

    public void EnsureAuthenticated()
    {
        var result = TryRun("auth", "status");
        if (result.NotFound)
        {
            throw WorkflowException.Tool("gh (the GitHub CLI) was not found on PATH; install it and run `gh auth login`");
        }

        if (!result.Succeeded)
        {
            throw WorkflowException.Tool("gh is not authenticated: " + result.Describe() + " — run `gh auth login`");
        }
    }

    /// <summary>Opens a PR and returns its number and URL (gh prints the URL).</summary>
    public (int Number, string Url) CreatePullRequest(string baseBranch, string head, string title, string bodyFile)
    {
        var result = Run("pr", "create", "--base", baseBranch, "--head", head, "--title", title, "--body-file", bodyFile);
        var url = result.StandardOutput.Split('\n').Select(l => l.Trim()).LastOrDefault(l => l.StartsWith("http", StringComparison.Ordinal))
            ?? throw WorkflowException.Tool("gh pr create printed no PR URL: " + result.StandardOutput.Trim());
        var slash = url.LastIndexOf('/');
        return int.TryParse(url.Substring(slash + 1), out var number)
            ? (number, url)
            : throw WorkflowException.Tool("cannot read the PR number from " + url);
    }

    /// <summary>Creates an issue and returns its number (gh prints the issue URL).</summary>
    public int CreateIssue(string title, string bodyFile, IReadOnlyList<string> labels)
    {
        var arguments = new List<string> { "issue", "create", "--title", title, "--body-file", bodyFile };
        foreach (var label in labels)
        {
            arguments.Add("--label");
            arguments.Add(label);
        }

        var result = Run([.. arguments]);
        var url = result.StandardOutput.Split('\n').Select(l => l.Trim()).LastOrDefault(l => l.StartsWith("http", StringComparison.Ordinal))
            ?? throw WorkflowException.Tool("gh issue create printed no issue URL: " + result.StandardOutput.Trim());
        return int.TryParse(url.Substring(url.LastIndexOf('/') + 1), out var number)
            ? number
            : throw WorkflowException.Tool("cannot read the issue number from " + url);
    }

    /// <summary>Asks for auto-merge; returns gh's result rather than throwing, because refusal is a recorded stop, not a crash.</summary>
    public ProcessResult EnableAutoMerge(int number) => TryRun("pr", "merge", number.ToString(System.Globalization.CultureInfo.InvariantCulture),
        "--auto", "--squash", "--delete-branch");

    public PullRequestInfo View(int number) =>
        Parse(JsonDocument.Parse(Run("pr", "view", number.ToString(System.Globalization.CultureInfo.InvariantCulture), "--json", PullRequestFields).StandardOutput).RootElement);

    public IReadOnlyList<PullRequestInfo> List(string baseBranch)
    {
        var json = Run("pr", "list", "--base", baseBranch, "--state", "all", "--limit", "200", "--json", PullRequestFields).StandardOutput;
        using var document = JsonDocument.Parse(json);
        return document.RootElement.EnumerateArray().Select(Parse).ToList();
    }

    public ProcessResult Run(params string[] arguments)
    {
        var result = TryRun(arguments);
        if (!result.Succeeded)
        {
            throw WorkflowException.Tool(result.NotFound ? "gh (the GitHub CLI) was not found on PATH" : result.Describe());
        }

        return result;
    }

    public ProcessResult TryRun(params string[] arguments) => runner.Run("gh", arguments, repository, timeout, Environment);

    private static PullRequestInfo Parse(JsonElement e)
    {
        static string Text(JsonElement e, string name) =>
            e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() ?? string.Empty : string.Empty;

        DateTimeOffset? merged = e.TryGetProperty("mergedAt", out var m) && m.ValueKind == JsonValueKind.String
            && DateTimeOffset.TryParse(m.GetString(), System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var at)
            && at.Year > 1
            ? at
            : null;
        var auto = e.TryGetProperty("autoMergeRequest", out var a) && a.ValueKind == JsonValueKind.Object;
        return new PullRequestInfo(e.GetProperty("number").GetInt32(), Text(e, "title"), Text(e, "state"), Text(e, "headRefName"),
            Text(e, "baseRefName"), Text(e, "url"), merged, auto);
    }
}

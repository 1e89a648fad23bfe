using System.Globalization;
using System.Text.Json;
using MilestonePlan.Core.Model;
using MilestonePlan.Core.Planning;
using MilestonePlan.Workflow.Processes;

namespace MilestonePlan.Workflow.GitHub;

/// <summary>
/// The gh CLI calls of the workflow, using only flags gh 2.x has. Each is one process with an argument list in the
/// repository's folder (gh finds the GitHub repository from its git remotes). A missing gh, an unauthenticated gh or
/// a failing call throws <see cref="WorkflowException"/> (MP9001) with gh's own stderr. A dry run is
/// <see cref="DryRunGitHub"/> around it: this client always runs what it is asked.
/// </summary>
internal sealed class GhClient(IProcessRunner runner, string repository, TimeSpan timeout, CancellationToken cancellationToken = default) : IGitHub
{
    private const string PullRequestFields = "number,title,state,headRefName,baseRefName,url,mergedAt,isDraft,createdAt,statusCheckRollup,mergeStateStatus,autoMergeRequest";

    // One PR read back after submitting: what the template's Open PRs entry records (every field gh 2.x accepts).
    private const string ViewFields = "number,title,state,headRefName,baseRefName,url,mergedAt,isDraft,createdAt,statusCheckRollup,mergeStateStatus,autoMergeRequest";

    /// <summary>gh's exit code when a command needs authentication it does not have.</summary>
    private const int AuthenticationRequired = 4;

    private static readonly Dictionary<string, string> Environment = new()
    {
        ["GH_PROMPT_DISABLED"] = "1",
        ["GH_NO_UPDATE_NOTIFIER"] = "1",
        ["GH_SPINNER_DISABLED"] = "1",
        ["NO_COLOR"] = "1",
    };

    /// <summary>`gh auth status`: authenticated or not, never an exception except for a missing gh.</summary>
    public GhAuthStatus AuthStatus()
    {
        var result = TryRun("auth", "status");
        if (result.NotFound || result.TimedOut)
        {
            throw Failure(["auth", "status"], result);
        }

        // gh 2.x writes the status to stderr (newer versions to stdout); keep both.
        var message = string.Join("\n", new[] { result.StandardError.Trim(), result.StandardOutput.Trim() }.Where(t => t.Length > 0));
        return new GhAuthStatus(result.Succeeded, message);
    }

    public void EnsureAuthenticated()
    {
        // Asked once per client (one run): RunMilestone's steps each ask, and every `gh auth status` is a process and
        // a round trip; a token revoked mid-run still fails the next gh call with gh's own message.
        if (authenticated)
        {
            return;
        }

        var status = AuthStatus();
        if (!status.IsAuthenticated)
        {
            throw WorkflowException.Tool("gh is not authenticated: " + (status.Message.Length > 0 ? status.Message : "`gh auth status` failed")
                + " — run `gh auth login` (or set GH_TOKEN)");
        }

        authenticated = true;
    }

    private bool authenticated;

    /// <summary>`gh pr create`: opens a PR with <paramref name="body"/> and returns its number and URL, read from the URL gh prints.</summary>
    public (int Number, string Url) CreatePullRequest(string baseBranch, string head, string title, string body)
    {
        PublishGuard.RequireNothingSecret("PR", title, body);
        var result = BodyFile.With(body, file => Run(GhCommand.CreatePullRequest(baseBranch, head, title, file)));
        return GhOutput.PullRequestUrl(result.StandardOutput)
            ?? throw WorkflowException.Tool("gh pr create printed no pull request URL: " + result.StandardOutput.Trim());
    }

    /// <summary>`gh issue create`: creates an issue and returns its number, read from the URL gh prints.</summary>
    /// <param name="milestone">The GitHub milestone's title, when the issue belongs to one.</param>
    public int CreateIssue(string title, string body, IReadOnlyList<string> labels, string? milestone = null)
    {
        PublishGuard.RequireNothingSecret("issue", title, body);
        var result = BodyFile.With(body, file => Run(GhCommand.CreateIssue(title, file, labels, milestone)));
        return GhOutput.IssueUrlOf(result.StandardOutput)?.Number
            ?? throw WorkflowException.Tool("gh issue create printed no issue URL: " + result.StandardOutput.Trim());
    }

    /// <summary>
    /// `gh pr merge &lt;n&gt; --auto --squash --delete-branch`. Returns gh's result rather than throwing: a refusal is a
    /// recorded stop, not a crash, and gh may also merge at once; read the PR back with <see cref="View(int)"/>.
    /// </summary>
    public ProcessResult EnableAutoMerge(int number) => EnableAutoMerge(Number(number));

    /// <summary>The same for a PR named by its head branch or URL.</summary>
    public ProcessResult EnableAutoMerge(string pullRequest)
    {
        var arguments = GhCommand.EnableAutoMerge(pullRequest);
        var result = TryRun(arguments);
        return result.NotFound || result.TimedOut ? throw Failure(arguments, result) : result;
    }

    /// <summary>`gh pr merge &lt;n&gt; --disable-auto`: gh's result (the caller says what a failure means).</summary>
    public ProcessResult DisableAutoMerge(int number) => TryRun(GhCommand.DisableAutoMerge(Number(number)));

    /// <summary>`gh pr ready &lt;n&gt; --undo`: the PR back to a draft; gh's result.</summary>
    public ProcessResult MarkDraft(int number) => TryRun(GhCommand.MarkDraft(Number(number)));

    public ProcessResult MarkReady(int number) => TryRun(GhCommand.MarkReady(Number(number)));

    public void Comment(int number, string body)
    {
        PublishGuard.RequireNothingSecret("PR comment", string.Empty, body);
        BodyFile.With(body, file => Run(GhCommand.Comment(Number(number), file)));
    }

    /// <summary>`gh pr view &lt;n&gt; --json ...`: the PR as GitHub has it now.</summary>
    public PullRequestInfo View(int number) => View(Number(number));

    /// <summary>The same for a PR named by its head branch or URL.</summary>
    public PullRequestInfo View(string pullRequest) => Read(RunJsonWith(ViewFields, "pr", "view", pullRequest), GhOutput.PullRequest);

    /// <summary>`gh pr list --base &lt;b&gt; --state all`: every PR into <paramref name="baseBranch"/>, newest first (200 at most).</summary>
    public IReadOnlyList<PullRequestInfo> List(string baseBranch) =>
        Read(RunJson("pr", "list", "--base", baseBranch, "--state", "all", "--limit", "200"), GhOutput.PullRequests);

    /// <summary>
    /// `gh pr list --head &lt;branch&gt; --state all`: every PR from <paramref name="head"/>, newest first. Asked before
    /// `gh pr create`, so a rerun after a create that succeeded but timed out reuses that PR instead of failing.
    /// </summary>
    public IReadOnlyList<PullRequestInfo> ListByHead(string head) =>
        Read(RunJson("pr", "list", "--head", head, "--state", "all", "--limit", "50"), GhOutput.PullRequests);

    /// <summary>
    /// The newest issues (open and closed) with their bodies: `gh issue list --state all --json number,body`. Not
    /// `--search`: GitHub's search index lags behind a fresh issue, and a rerun right after a failed run is exactly
    /// when the issue it created must be found.
    /// </summary>
    public IReadOnlyList<(int Number, string Body)> ListIssues(int limit = 500)
    {
        string[] arguments = ["issue", "list", "--state", "all", "--limit", Number(limit), "--json", "number,body"];
        return Read((arguments, Run(arguments).StandardOutput), GhOutput.Issues);
    }

    public IReadOnlyDictionary<int, bool> IssueStates(int limit = 500)
    {
        string[] arguments = ["issue", "list", "--state", "all", "--limit", Number(limit), "--json", "number,state"];
        return Read((arguments, Run(arguments).StandardOutput), MilestonesOnGitHub.OpenByNumber);
    }

    public IssueStatus Issue(int number)
    {
        string[] arguments = ["issue", "view", Number(number), "--json", "state,comments"];
        return Read((arguments, Run(arguments).StandardOutput), json => MilestonesOnGitHub.Issue(number, json));
    }

    public IReadOnlyList<string> PullRequestComments(int number)
    {
        string[] arguments = ["pr", "view", Number(number), "--json", "comments"];
        return Read((arguments, Run(arguments).StandardOutput), MilestonesOnGitHub.CommentBodies);
    }

    /// <summary>One page of 100 (GitHub's maximum): `--paginate` would print one JSON array per page.</summary>
    public IReadOnlyList<MilestoneOnGitHub> ListMilestones()
    {
        string[] arguments = ["api", "repos/{owner}/{repo}/milestones?state=all&per_page=100"];
        return Read((arguments, Run(arguments).StandardOutput), MilestonesOnGitHub.Parse);
    }

    public void CloseMilestone(int number) => Run(GhCommand.CloseMilestone(Number(number)));

    public void CommentOnIssue(int number, string body)
    {
        PublishGuard.RequireNothingSecret("issue comment", string.Empty, body);
        BodyFile.With(body, file => Run(GhCommand.CommentOnIssue(Number(number), file)));
    }

    public void CloseIssue(int number) => Run(GhCommand.CloseIssue(Number(number)));

    /// <summary>Runs gh and throws MP9001 with gh's stderr when it fails.</summary>
    public ProcessResult Run(params string[] arguments)
    {
        var result = TryRun(arguments);
        return result.Succeeded ? result : throw Failure(arguments, result);
    }

    /// <summary>Runs gh and returns whatever happened.</summary>
    public ProcessResult TryRun(params string[] arguments) => runner.Run("gh", arguments, repository, timeout, Environment, cancellationToken);

    /// <summary>
    /// A `--json` query. gh before 2.29 does not know `autoMergeRequest` and refuses the whole query; it is then asked
    /// again without that field, so older installations still work (without the auto-merge flag).
    /// </summary>
    private (string[] Arguments, string Json) RunJson(params string[] command) => RunJsonWith(PullRequestFields, command);

    private (string[] Arguments, string Json) RunJsonWith(string fields, params string[] command)
    {
        string[] arguments = [.. command, "--json", fields];
        var result = TryRun(arguments);
        if (!result.Succeeded && result.StandardError.IndexOf("autoMergeRequest", StringComparison.Ordinal) >= 0)
        {
            arguments = [.. command, "--json", fields.Replace(",autoMergeRequest", string.Empty)];
            result = TryRun(arguments);
        }

        if (!result.Succeeded)
        {
            throw Failure(arguments, result);
        }

        return (arguments, result.StandardOutput);
    }

    /// <summary>JSON gh printed but we cannot read is a tool failure (MP9001), not a crash.</summary>
    private static T Read<T>((string[] Arguments, string Json) output, Func<string, T> parse)
    {
        try
        {
            return parse(output.Json);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or KeyNotFoundException or FormatException)
        {
            throw WorkflowException.Tool($"`{CommandLine.Display("gh", output.Arguments)}` printed output that is not the expected JSON ({e.Message}): "
                + output.Json.Trim());
        }
    }

    private static string Number(int number) => number.ToString(CultureInfo.InvariantCulture);

    private static WorkflowException Failure(IReadOnlyList<string> arguments, ProcessResult result)
    {
        var command = CommandLine.Display("gh", arguments);
        var stderr = result.StandardError.Trim();
        if (result.NotFound)
        {
            return WorkflowException.Tool("gh (the GitHub CLI) was not found on PATH; install it from https://cli.github.com and run `gh auth login`"
                + (stderr.Length > 0 ? " (" + stderr + ")" : string.Empty));
        }

        if (result.OverLimit is { } over)
        {
            // gh prints what anyone who can open a PR wrote (titles, bodies): none of it belongs in the message.
            return WorkflowException.Tool($"`{command}` {over}");
        }

        if (result.TimedOut)
        {
            return WorkflowException.Tool($"`{command}` did not finish in time and was stopped" + (stderr.Length > 0 ? ": " + stderr : string.Empty));
        }

        if (result.ExitCode == AuthenticationRequired)
        {
            return WorkflowException.Tool($"gh is not authenticated (`{command}`): {stderr} — run `gh auth login` (or set GH_TOKEN)");
        }

        var detail = result.FailureDetail();
        return WorkflowException.Tool($"`{command}` failed (exit code {result.ExitCode})" + (detail.Length > 0 ? ": " + detail : string.Empty));
    }
}

using System.Globalization;
using MilestonePlan.Core.Model;
using MilestonePlan.Workflow.Processes;

namespace MilestonePlan.Workflow.GitHub;

/// <summary>
/// A dry run's GitHub: questions go to gh (a dry run of ReconcileMilestone shows what GitHub's PRs would change), every
/// change is printed as the exact gh command line (<see cref="GhCommand"/>, `--body-file &lt;body&gt;`) and answered
/// with a placeholder: a PR or issue numbered <see cref="PlaceholderNumber"/>, printed as `&lt;number&gt;` where a later
/// command names it. Authentication is not asked: a dry run must work where gh is missing or logged out.
/// </summary>
internal sealed class DryRunGitHub(IGitHub gh, Action<string> say) : IGitHub
{
    /// <summary>The number a dry run's "created" PR or issue has: GitHub never gives 0.</summary>
    public const int PlaceholderNumber = 0;

    /// <summary>The URL of a PR a dry run did not open.</summary>
    public const string PlaceholderUrl = "(dry run: no PR opened)";

    /// <summary>Reported as authenticated without asking gh: nothing a dry run does acts for the user.</summary>
    public GhAuthStatus AuthStatus() => new(true, "dry run: gh was not asked");

    public void EnsureAuthenticated()
    {
    }

    public PullRequestInfo View(int number) => gh.View(number);

    public PullRequestInfo View(string pullRequest) => gh.View(pullRequest);

    public IReadOnlyList<PullRequestInfo> List(string baseBranch) => gh.List(baseBranch);

    public IReadOnlyList<PullRequestInfo> ListByHead(string head) => gh.ListByHead(head);

    public IReadOnlyList<(int Number, string Body)> ListIssues(int limit = 500) => gh.ListIssues(limit);

    public IReadOnlyDictionary<int, bool> IssueStates(int limit = 500) => gh.IssueStates(limit);

    public IssueStatus Issue(int number) => gh.Issue(number);

    public IReadOnlyList<string> PullRequestComments(int number) => gh.PullRequestComments(number);

    public IReadOnlyList<MilestoneOnGitHub> ListMilestones() => gh.ListMilestones();

    public (int Number, string Url) CreatePullRequest(string baseBranch, string head, string title, string body)
    {
        PublishGuard.RequireNothingSecret("PR", title, body);
        Print(GhCommand.CreatePullRequest(baseBranch, head, title, GhCommand.BodyPlaceholder));
        return (PlaceholderNumber, PlaceholderUrl);
    }

    public int CreateIssue(string title, string body, IReadOnlyList<string> labels, string? milestone = null)
    {
        PublishGuard.RequireNothingSecret("issue", title, body);
        Print(GhCommand.CreateIssue(title, GhCommand.BodyPlaceholder, labels, milestone));
        return PlaceholderNumber;
    }

    public ProcessResult EnableAutoMerge(int number) => EnableAutoMerge(Number(number));

    public ProcessResult EnableAutoMerge(string pullRequest) => Print(GhCommand.EnableAutoMerge(pullRequest));

    public ProcessResult DisableAutoMerge(int number) => Print(GhCommand.DisableAutoMerge(Number(number)));

    public ProcessResult MarkDraft(int number) => Print(GhCommand.MarkDraft(Number(number)));

    public ProcessResult MarkReady(int number) => Print(GhCommand.MarkReady(Number(number)));

    public void CloseMilestone(int number) => Print(GhCommand.CloseMilestone(Number(number)));

    public void CommentOnIssue(int number, string body)
    {
        PublishGuard.RequireNothingSecret("issue comment", string.Empty, body);
        Print(GhCommand.CommentOnIssue(Number(number), GhCommand.BodyPlaceholder));
    }

    public void CloseIssue(int number) => Print(GhCommand.CloseIssue(Number(number)));

    public void Comment(int number, string body)
    {
        PublishGuard.RequireNothingSecret("PR comment", string.Empty, body);
        Print(GhCommand.Comment(Number(number), GhCommand.BodyPlaceholder));
    }
    /// <summary>Printed as a real run would run it; "succeeded", since nothing was refused.</summary>
    private ProcessResult Print(string[] arguments)
    {
        var line = GhCommand.Display(arguments);
        say("would run: " + line);
        return new ProcessResult(line, 0, string.Empty, string.Empty, TimedOut: false, NotFound: false);
    }

    private static string Number(int number) =>
        number == PlaceholderNumber ? GhCommand.NumberPlaceholder : number.ToString(CultureInfo.InvariantCulture);
}

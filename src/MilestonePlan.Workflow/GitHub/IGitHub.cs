using MilestonePlan.Core.Model;
using MilestonePlan.Workflow.Processes;

namespace MilestonePlan.Workflow.GitHub;

/// <summary>
/// The GitHub operations the workflow uses, through gh: <see cref="GhClient"/> runs them, <see cref="DryRunGitHub"/>
/// asks the same questions and prints each change instead of making it. A step is given one of them and does not
/// know which: whether a run is a dry run is decided once, where the run's services are composed.
/// </summary>
internal interface IGitHub
{
    // ---- Questions ---------------------------------------------------------------------------------------------------

    GhAuthStatus AuthStatus();

    /// <summary>Throws MP9001 when gh cannot act for the user; a dry run, which acts for nobody, does not ask.</summary>
    void EnsureAuthenticated();

    PullRequestInfo View(int number);

    PullRequestInfo View(string pullRequest);

    IReadOnlyList<PullRequestInfo> List(string baseBranch);

    IReadOnlyList<PullRequestInfo> ListByHead(string head);

    IReadOnlyList<(int Number, string Body)> ListIssues(int limit = 500);

    // ---- Changes -----------------------------------------------------------------------------------------------------

    (int Number, string Url) CreatePullRequest(string baseBranch, string head, string title, string body);

    int CreateIssue(string title, string body, IReadOnlyList<string> labels, string? milestone = null);

    ProcessResult EnableAutoMerge(int number);

    ProcessResult EnableAutoMerge(string pullRequest);

    ProcessResult DisableAutoMerge(int number);

    ProcessResult MarkDraft(int number);

    /// <summary>`gh pr ready &lt;n&gt;`: a draft made ready for review again (a clean resubmission of a PR a stop demoted).</summary>
    ProcessResult MarkReady(int number);

    /// <summary>`gh pr comment &lt;n&gt; --body-file`: a comment on the PR (the code review's critical findings).</summary>
    void Comment(int number, string body);
}

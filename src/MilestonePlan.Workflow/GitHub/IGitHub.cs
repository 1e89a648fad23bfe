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

    /// <summary>Open (true) or closed, by number, for the newest issues: one `gh issue list --state all --json number,state`.</summary>
    IReadOnlyDictionary<int, bool> IssueStates(int limit = 500);

    /// <summary>`gh issue view N --json state,comments`.</summary>
    IssueStatus Issue(int number);

    /// <summary>`gh pr view N --json comments`: the bodies of the PR's comments (how the review gate finds its own).</summary>
    IReadOnlyList<string> PullRequestComments(int number);

    /// <summary>The repository's milestones, open and closed: `gh api repos/{owner}/{repo}/milestones?state=all&amp;per_page=100`.</summary>
    IReadOnlyList<MilestoneOnGitHub> ListMilestones();

    // ---- Changes -----------------------------------------------------------------------------------------------------

    (int Number, string Url) CreatePullRequest(string baseBranch, string head, string title, string body);

    int CreateIssue(string title, string body, IReadOnlyList<string> labels, string? milestone = null);

    ProcessResult EnableAutoMerge(int number);

    ProcessResult EnableAutoMerge(string pullRequest);

    ProcessResult DisableAutoMerge(int number);

    ProcessResult MarkDraft(int number);

    /// <summary>`gh pr ready &lt;n&gt;`: a draft made ready for review again (a clean resubmission of a PR a stop demoted).</summary>
    ProcessResult MarkReady(int number);

    /// <summary>`gh api -X PATCH repos/{owner}/{repo}/milestones/N -f state=closed` (gh has no milestone command).</summary>
    void CloseMilestone(int number);

    /// <summary>`gh issue comment N --body-file &lt;body&gt;`.</summary>
    void CommentOnIssue(int number, string body);

    /// <summary>`gh issue close N`.</summary>
    void CloseIssue(int number);

    /// <summary>`gh pr comment &lt;n&gt; --body-file`: a comment on the PR (the code review's critical findings).</summary>
    void Comment(int number, string body);
}

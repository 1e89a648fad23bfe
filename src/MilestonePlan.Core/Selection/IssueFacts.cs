using MilestonePlan.Core.Model;

namespace MilestonePlan.Core.Selection;

/// <summary>What the plan records about an issue's stop.</summary>
internal enum RecordedStop
{
    None,

    /// <summary>⛔ Needs Review (STOP): waits for a person.</summary>
    Hard,

    /// <summary>⏭️ Skipped.</summary>
    Soft,
}

/// <summary>What git, GitHub and the plan say about one issue: the inputs of <see cref="IssueLifecycle"/>.</summary>
internal sealed record IssueFacts
{
    /// <summary>The plan records the issue done.</summary>
    public bool RecordedDone { get; init; }

    public RecordedStop Stop { get; init; }

    /// <summary>The plan lists an Open PRs entry for the issue.</summary>
    public bool RecordedOpenPullRequest { get; init; }

    /// <summary>The issue's feature branch exists.</summary>
    public bool BranchExists { get; init; }

    /// <summary>The feature branch has commits the base does not have.</summary>
    public bool HasCommits { get; init; }

    /// <summary>The issue's PR as GitHub reports it (the one the workflow goes by when there are several); null: none.</summary>
    public PullRequestInfo? PullRequest { get; init; }

    /// <summary>The PR's head branch is gone from origin (deleted by a person; GitHub then closes the PR).</summary>
    public bool HeadBranchDeleted { get; init; }

    /// <summary>`gh pr merge --auto` failed and the PR has no auto-merge.</summary>
    public bool AutoMergeRefused { get; init; }

    /// <summary>What gh said when it refused auto-merge (one line), for the stop's reason.</summary>
    public string? AutoMergeRefusal { get; init; }
}

namespace MilestonePlan.Core.Model;

/// <summary>What a code review of a PR came to, as the template's Open PRs entry says it.</summary>
internal enum ReviewOutcome
{
    /// <summary>`⏳ Pending`: no review has finished.</summary>
    Pending,

    /// <summary>`✓ No issues`.</summary>
    NoIssues,

    /// <summary>`⚠ N issues found`: findings below the critical threshold (critical ones stop the issue instead).</summary>
    IssuesFound,
}

/// <summary>
/// The `- Code Review:` line of an Open PRs entry (issue #22): an outcome and, for <see cref="ReviewOutcome.IssuesFound"/>,
/// how many. Made only through its factories, so "0 issues found" and a negative count cannot exist.
/// </summary>
internal sealed record ReviewSummary
{
    private ReviewSummary(ReviewOutcome outcome, int issues)
    {
        Outcome = outcome;
        Issues = issues;
    }

    public static ReviewSummary Pending { get; } = new(ReviewOutcome.Pending, 0);

    public static ReviewSummary NoIssues { get; } = new(ReviewOutcome.NoIssues, 0);

    public ReviewOutcome Outcome { get; }

    /// <summary>How many issues the review found (0 unless <see cref="ReviewOutcome.IssuesFound"/>).</summary>
    public int Issues { get; }

    /// <summary>`⚠ N issues found`; none found is <see cref="NoIssues"/>.</summary>
    public static ReviewSummary Found(int issues) => issues switch
    {
        < 0 => throw new ArgumentOutOfRangeException(nameof(issues), issues, "a review finds no fewer than 0 issues"),
        0 => NoIssues,
        _ => new ReviewSummary(ReviewOutcome.IssuesFound, issues),
    };
}

namespace MilestonePlan.Core.Model;

/// <summary>A line of a tracking section (bullet, checklist line or table row) and the issues it names.</summary>
/// <param name="IssueCandidates">Numbers written as issue references (`#01`, `(#101)`, `plan #3`); PR numbers excluded.
/// A candidate is a plan number or a GitHub number; <see cref="PlanDocument.Resolve"/> decides.</param>
/// <param name="Checked">For checklist lines: `[x]` (true) or `[ ]` (false); null for plain bullets.</param>
/// <param name="Status">A state written with a glyph or a word on the line (✅, ⛔, ⏭️, 🔄, Done...).</param>
/// <param name="Title">For checklist lines `#01 — Title`, the title part.</param>
internal sealed record TrackingEntry(
    TextCell Line,
    IReadOnlyList<IssueNumber> IssueCandidates,
    bool? Checked,
    IssueState? Status,
    TextCell? Title)
{
    /// <summary>
    /// The candidate is the GitHub issue the template's enhanced Open PRs entry closes with (`[PR #n](url) — Title
    /// (#207)`), so <see cref="PlanDocument.Resolve(TrackingEntry)"/> looks it up as a GitHub number first.
    /// </summary>
    public bool NamesGitHubIssue { get; init; }

    /// <summary>The lines nested under the entry (an Open PRs entry's Status and Code Review, a stop's Reason and Findings).</summary>
    public IReadOnlyList<TrackingDetail> Details { get; init; } = [];
}

/// <summary>One tracking section (Completed Issues, Open PRs, ...): its heading and its entries.</summary>
internal sealed record TrackingList(TextCell Heading, IReadOnlyList<TrackingEntry> Entries);

/// <summary>Everything the autopilot updates. A section that is absent is null.</summary>
internal sealed record Tracking(
    TextCell? Heading,
    TrackingList? Completed,
    TrackingList? OpenPullRequests,
    TrackingList? Blocked,
    TrackingList? Skipped,
    TextCell? CurrentPhaseHeading,
    OverviewField? CurrentPhase,
    OverviewField? CurrentIssue,
    OverviewField? LastUpdated,
    OverviewField? FooterStatus,
    OverviewField? Blockers = null)
{
    public static Tracking Empty { get; } = new(null, null, null, null, null, null, null, null, null, null);

    /// <summary>True when any tracking heading exists (the template's `## Tracking` or one of its subsections).</summary>
    public bool IsPresent => Heading is not null || Completed is not null || OpenPullRequests is not null
        || Blocked is not null || Skipped is not null || CurrentPhaseHeading is not null;
}

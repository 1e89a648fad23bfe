using MilestonePlan.Core.Diagnostics;

namespace MilestonePlan.Core.Model;

/// <summary>One row of an issue table. Cells are null when the table has no such column.</summary>
/// <param name="Order">Position in the plan, counting rows of every table top to bottom.</param>
internal sealed record IssueRow(
    IssueNumber Number,
    TextCell NumberCell,
    SourceSpan RowSpan,
    int PhaseIndex,
    int Order,
    TextCell? File,
    TextCell? Title,
    TextCell? PriorityCell,
    Priority Priority,
    DependencyList Dependencies,
    TextCell? FeatureBranch,
    TextCell? PrTitleToken,
    TextCell? GitHubCell,
    int? GitHubNumber,
    TextCell? Status)
{
    /// <summary>The GitHub number came from the spec's `github_issue` (the plan has no GitHub # cell for it).</summary>
    public bool GitHubFromSpec { get; init; }

    public string TitleText => Title?.Text ?? string.Empty;

    public string? FileName => File is { IsEmpty: false } f ? f.Text : null;

    public override string ToString() => Number + (Title is null ? string.Empty : " " + Title.Text);
}

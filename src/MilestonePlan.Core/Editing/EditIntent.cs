using MilestonePlan.Core.Model;

namespace MilestonePlan.Core.Editing;

/// <summary>What a plan edit means to change, checked on the re-parsed plan after the edit (Planning's EditReadBack).</summary>
internal enum IntentKind
{
    /// <summary>A field (<see cref="EditIntent.Field"/>) reads as exactly <see cref="EditIntent.Value"/>.</summary>
    FieldValue,

    /// <summary>Total Issues' leading number is <see cref="EditIntent.Value"/>.</summary>
    TotalIssues,

    /// <summary>Current Issue names the row.</summary>
    CurrentIssue,

    /// <summary>The row is done.</summary>
    Done,

    /// <summary>The row has no Open PRs entry.</summary>
    NoOpenPullRequest,

    /// <summary>The row has an Open PRs entry.</summary>
    OpenPullRequest,

    /// <summary>The row has a Blocked entry.</summary>
    Stopped,

    /// <summary>The row has a Skipped entry.</summary>
    Skipped,

    /// <summary>The row has neither a Blocked nor a Skipped entry.</summary>
    NoStop,

    /// <summary>The row has no Skipped entry (a ⛔ replaces its ⏭️).</summary>
    NotSkipped,

    /// <summary>The row has a Completed Issues line (naming <see cref="EditIntent.Value"/>, its title, as MP5002 reads it, when set).</summary>
    InChecklist,

    /// <summary>The row's Completed Issues title is <see cref="EditIntent.Value"/>.</summary>
    ChecklistTitle,

    /// <summary>The row's GitHub number is <see cref="EditIntent.Value"/>.</summary>
    GitHubNumber,

    /// <summary>The Milestone Completion Checklist item reading <see cref="EditIntent.Value"/> is ticked.</summary>
    CompletionTicked,

    /// <summary>The row's Open PRs entry has a Code Review line reading as <see cref="EditIntent.Value"/> (as CodeReviewText writes it).</summary>
    CodeReview,

    /// <summary>
    /// The row's Blocked entry is in the code-review findings format and reads back as <see cref="EditIntent.Value"/>
    /// (CodeReviewText.Identity): every finding, the reason, the fix, the PR and the date as given.
    /// </summary>
    ReviewFindings,
}

/// <summary>
/// One intended change: what must read back, on which line it was made, and which facts of the plan it may change
/// (a row by its position in the plan, or a field). Every other fact must read back as it was.
/// </summary>
internal sealed record EditIntent(IntentKind Kind, int Line, string Why, int? RowOrder = null, string? Field = null, string? Value = null)
{
    public static EditIntent ForRow(IntentKind kind, IssueRow row, int line, string why, string? value = null) =>
        new(kind, line, why, row.Order, null, value);

    public static EditIntent ForField(IntentKind kind, string field, int line, string why, string value) =>
        new(kind, line, why, null, field, value);
}

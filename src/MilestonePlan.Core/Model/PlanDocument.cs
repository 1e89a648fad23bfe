using MilestonePlan.Core.Diagnostics;

namespace MilestonePlan.Core.Model;

/// <summary>A parsed IMPLEMENTATION_PLAN.md with a source position for everything read from it.</summary>
/// <param name="Path">Full path of the plan file.</param>
/// <param name="FolderMilestone">The milestone named by the folder the plan lives in (`m2` for `.../m2/`), if any.</param>
/// <param name="Overview">The Overview section's heading, or null when the plan has none.</param>
/// <param name="OverviewFields">Bold fields inside the Overview section.</param>
/// <param name="PlaceholderCandidates">Every piece of text that is plan data (not prose or code): checked for template placeholders.</param>
/// <param name="ParseDiagnostics">What the parser could not read (MP1001 for unreadable rows, MP3005, ...).</param>
public sealed record PlanDocument(
    string Path,
    MilestoneId? FolderMilestone,
    TextCell? Title,
    TextCell? Overview,
    IReadOnlyList<OverviewField> OverviewFields,
    IReadOnlyList<Phase> Phases,
    Tracking Tracking,
    IReadOnlyList<PlanLink> Links,
    IReadOnlyList<TextCell> PlaceholderCandidates,
    IReadOnlyList<PlanDiagnostic> ParseDiagnostics,
    int LineCount)
{
    private Dictionary<int, IssueRow>? byNumber;
    private Dictionary<int, IssueRow>? byGitHub;

    public string FolderPath => System.IO.Path.GetDirectoryName(Path) ?? string.Empty;

    /// <summary>Checkbox lines of the "Milestone Completion Checklist" section (empty when the plan has none).</summary>
    public IReadOnlyList<TrackingEntry> CompletionChecklist { get; init; } = [];

    /// <summary>`Project Bootstrap` from `# M0: Project Bootstrap — Implementation Plan`; the milestone id when there is no name.</summary>
    public string DisplayTitle
    {
        get
        {
            var text = Title?.Text ?? string.Empty;
            var plan = text.IndexOf("Implementation Plan", StringComparison.OrdinalIgnoreCase);
            if (plan >= 0)
            {
                text = text.Substring(0, plan);
            }

            var colon = text.IndexOf(':');
            text = (colon >= 0 ? text.Substring(colon + 1) : string.Empty).Trim(' ', '—', '–', '-');
            return text.Length > 0 ? text : Milestone?.ToString().ToUpperInvariant() ?? "Milestone";
        }
    }

    public IEnumerable<IssueRow> Issues => Phases.SelectMany(p => p.Issues);

    public bool HasIssueTable => Phases.Count > 0;

    public OverviewField? Field(string key) => OverviewFields.FirstOrDefault(f => f.Key == key);

    /// <summary>The milestone the plan says it is, else the folder's.</summary>
    public MilestoneId? Milestone => MilestoneId.Parse(Field(FieldKeys.Milestone)?.Value.Text) ?? FolderMilestone;

    /// <summary>The first row with that plan number (duplicates are MP1004).</summary>
    public IssueRow? Find(IssueNumber number)
    {
        byNumber ??= Issues.GroupBy(i => i.Number.Value).ToDictionary(g => g.Key, g => g.First());
        return byNumber.TryGetValue(number.Value, out var row) ? row : null;
    }

    /// <summary>
    /// What a dependency points at: the row (first of its number), null for a GitHub issue outside the plan
    /// (written with an annotation, or three or more digits that match nothing), or <paramref name="missing"/> true.
    /// The one place that decides, for the rules and the selector alike.
    /// </summary>
    public IssueRow? ResolveDependency(DependencyReference reference, out bool missing)
    {
        missing = false;
        if (reference.IsExternal)
        {
            return null;
        }

        if (Resolve(reference.Number) is { } row)
        {
            return Find(row.Number);
        }

        missing = reference.Number.Value < 100;
        return null;
    }

    /// <summary>
    /// A number written in the plan resolved to a row: first as a plan number, then as a GitHub issue number
    /// ("GitHub issue numbers are the source of truth for naming" in real plans).
    /// </summary>
    public IssueRow? Resolve(IssueNumber number)
    {
        if (Find(number) is { } row)
        {
            return row;
        }

        byGitHub ??= Issues.Where(i => i.GitHubNumber is not null)
            .GroupBy(i => i.GitHubNumber!.Value)
            .ToDictionary(g => g.Key, g => g.First());
        return byGitHub.TryGetValue(number.Value, out var gh) ? gh : null;
    }
}

using MilestonePlan.Core.Diagnostics;

namespace MilestonePlan.Core.Model;

/// <summary>A parsed IMPLEMENTATION_PLAN.md with a source position for everything read from it.</summary>
/// <param name="Path">Full path of the plan file.</param>
/// <param name="FolderMilestone">The milestone named by the folder the plan lives in (`m2` for `.../m2/`), if any.</param>
/// <param name="Overview">The Overview section's heading, or null when the plan has none.</param>
/// <param name="OverviewFields">Bold fields inside the Overview section.</param>
/// <param name="PlaceholderCandidates">Every piece of text that is plan data (not prose or code): checked for template placeholders.</param>
/// <param name="ParseDiagnostics">What the parser could not read (MP1001 for unreadable rows, MP3005, ...).</param>
internal sealed record PlanDocument(
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
    // Indexes of the rows, each remembering the phases it was built from: a copy made with `with` (new phases, e.g.
    // GitHub numbers from the specs) must not answer from the original's index.
    private (IReadOnlyList<Phase> For, Dictionary<int, IssueRow> Index, List<IssueRow> First)? byNumber;
    private (IReadOnlyList<Phase> For, Dictionary<int, IssueRow> Index)? byGitHub;

    // Same idea for the folder: rules ask for it once per row, and a copy with another path must not reuse it.
    private (string For, string Folder)? folder;

    public string FolderPath
    {
        get
        {
            if (folder is not { } known || !ReferenceEquals(known.For, Path))
            {
                folder = known = (Path, System.IO.Path.GetDirectoryName(Path) ?? string.Empty);
            }

            return known.Folder;
        }
    }

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

    /// <summary>
    /// Full paths of the files the plan links to: links from the plan's folder, required reads from
    /// <paramref name="repositoryRoot"/>. A target no path can hold (a NUL, say) is left out, never thrown on.
    /// </summary>
    public IEnumerable<string> LinkedFiles(string repositoryRoot)
    {
        foreach (var link in Links)
        {
            if (link.CanBeAPath)
            {
                yield return System.IO.Path.GetFullPath(System.IO.Path.Combine(link.IsRepositoryRelative ? repositoryRoot : FolderPath, link.Target.TrimStart('/')));
            }
        }
    }

    public bool HasIssueTable => Phases.Count > 0;

    public OverviewField? Field(string key) => OverviewFields.FirstOrDefault(f => f.Key == key);

    /// <summary>The milestone the plan says it is, else the folder's.</summary>
    public MilestoneId? Milestone => MilestoneId.Parse(Field(FieldKeys.Milestone)?.Value.Text) ?? FolderMilestone;

    /// <summary>The first row with that plan number (duplicates are MP1004).</summary>
    public IssueRow? Find(IssueNumber number) => NumberIndex().Index.TryGetValue(number.Value, out var row) ? row : null;

    /// <summary>The first row of each number, in document order (as GroupBy + First would give).</summary>
    public IReadOnlyList<IssueRow> FirstRows => NumberIndex().First;

    private (IReadOnlyList<Phase> For, Dictionary<int, IssueRow> Index, List<IssueRow> First) NumberIndex()
    {
        if (byNumber is not { } index || !ReferenceEquals(index.For, Phases))
        {
            var count = Phases.Sum(p => p.Issues.Count);
            var rows = new Dictionary<int, IssueRow>(count);
            var first = new List<IssueRow>(count);
            foreach (var phase in Phases)
            {
                foreach (var issue in phase.Issues)
                {
                    if (!rows.ContainsKey(issue.Number.Value))
                    {
                        rows.Add(issue.Number.Value, issue);
                        first.Add(issue);
                    }
                }
            }

            byNumber = index = (Phases, rows, first);
        }

        return index;
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
    public IssueRow? Resolve(IssueNumber number) => Find(number) ?? ByGitHub(number);

    /// <summary>
    /// The row a tracking entry names: the first of its candidates the plan resolves. The template's enhanced Open PRs
    /// entry ends with the GitHub issue (`— Title (#207)`, <see cref="TrackingEntry.NamesGitHubIssue"/>), so that number
    /// is a GitHub number first: in a young repository GitHub #3 is often plan #02 while plan #03 exists too.
    /// </summary>
    public IssueRow? Resolve(TrackingEntry entry)
    {
        foreach (var candidate in entry.IssueCandidates)
        {
            if ((entry.NamesGitHubIssue ? ByGitHub(candidate) ?? Find(candidate) : Resolve(candidate)) is { } row)
            {
                return row;
            }
        }

        return null;
    }

    private IssueRow? ByGitHub(IssueNumber number)
    {
        if (byGitHub is not { } index || !ReferenceEquals(index.For, Phases))
        {
            // A GitHub number two rows claim names neither: that is MP1004, never a guess.
            byGitHub = index = (Phases, GitHubClaims().Where(g => g.Count() == 1).ToDictionary(g => g.Key, g => g.First()));
        }

        return index.Index.TryGetValue(number.Value, out var gh) ? gh : null;
    }

    /// <summary>The rows by GitHub number (the GitHub # column, else the spec's github_issue), in plan order.</summary>
    public IEnumerable<IGrouping<int, IssueRow>> GitHubClaims() =>
        Issues.Where(i => i.GitHubNumber is not null).GroupBy(i => i.GitHubNumber!.Value);

    /// <summary>Plan number → GitHub number for the rows whose number came from their spec (the text alone does not hold them).</summary>
    public IReadOnlyDictionary<int, int> SpecGitHubNumbers() =>
        Issues.Where(i => i.GitHubFromSpec && i.GitHubNumber is not null)
            .GroupBy(i => i.Number.Value)
            .ToDictionary(g => g.Key, g => g.First().GitHubNumber!.Value);

    /// <summary>
    /// The plan with each row's GitHub number known: the GitHub # column where it has one, else the number
    /// <paramref name="fromSpec"/> reads from the row's spec (`github_issue`). The one issue-reference resolver
    /// (<see cref="Resolve"/>) then names the same row whichever number an entry, a PR title or a PR uses.
    /// </summary>
    public PlanDocument WithSpecGitHubNumbers(Func<IssueRow, int?> fromSpec)
    {
        var changed = false;
        var phases = Phases.Select(phase =>
        {
            var rows = phase.Issues.Select(row =>
            {
                if (row.GitHubNumber is not null || fromSpec(row) is not { } number)
                {
                    return row;
                }

                changed = true;
                return row with { GitHubNumber = number, GitHubFromSpec = true };
            }).ToList();
            return phase with { Issues = rows };
        }).ToList();
        return changed ? this with { Phases = phases } : this;
    }
}

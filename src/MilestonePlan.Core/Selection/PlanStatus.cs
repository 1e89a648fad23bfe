using MilestonePlan.Core.Model;
using MilestonePlan.Core.Parsing;

namespace MilestonePlan.Core.Selection;

/// <summary>
/// The state of every issue of a plan, derived once from its tracking sections. Every rule and every target
/// asks this type "is it done?", so they cannot disagree.
/// </summary>
internal sealed class PlanStatus
{
    private readonly Dictionary<int, IssueStatus> byNumber;

    private PlanStatus(PlanDocument plan, IReadOnlyList<IssueStatus> issues, IReadOnlyList<TrackingEntry> unresolved)
    {
        Plan = plan;
        Issues = issues;
        UnresolvedChecklistEntries = unresolved;
        byNumber = [];
        foreach (var issue in issues)
        {
            if (!byNumber.ContainsKey(issue.Row.Number.Value))
            {
                byNumber[issue.Row.Number.Value] = issue;
            }
        }
    }

    public PlanDocument Plan { get; }

    /// <summary>In plan order.</summary>
    public IReadOnlyList<IssueStatus> Issues { get; }

    /// <summary>Completed Issues lines that name no issue of the plan.</summary>
    public IReadOnlyList<TrackingEntry> UnresolvedChecklistEntries { get; }

    public IssueStatus? this[IssueNumber number] => byNumber.TryGetValue(number.Value, out var s) ? s : null;

    public IssueStatus? Of(IssueRow row) => this[row.Number];

    public static PlanStatus Of(PlanDocument plan)
    {
        var unresolved = new List<TrackingEntry>();
        var checklist = Index(plan, plan.Tracking.Completed, unresolved);
        var open = Index(plan, plan.Tracking.OpenPullRequests, null);
        var blocked = Index(plan, plan.Tracking.Blocked, null);
        var skipped = Index(plan, plan.Tracking.Skipped, null);

        var issues = plan.Issues.Select(row =>
        {
            var key = row.Number.Value;
            var facts = new TrackingFacts(
                checklist.TryGetValue(key, out var c) ? c : null,
                open.TryGetValue(key, out var o) ? o : null,
                blocked.TryGetValue(key, out var b) ? b : null,
                skipped.TryGetValue(key, out var s) ? s : null,
                StatusText.Parse(row.Status?.Text));
            return new IssueStatus(row, StateOf(facts), facts);
        }).ToList();

        return new PlanStatus(plan, issues, unresolved);
    }

    private static IssueState StateOf(TrackingFacts facts) => facts switch
    {
        { MarkedDone: true } => IssueState.Done,
        { MarkedStopped: true } => IssueState.Stopped,
        { MarkedSkipped: true } => IssueState.Skipped,
        { OpenPullRequest: not null } => IssueState.OpenPullRequest,
        { TableStatus: IssueState.InProgress } or { Checklist.Status: IssueState.InProgress } => IssueState.InProgress,
        { TableStatus: IssueState.OpenPullRequest } => IssueState.OpenPullRequest,
        _ => IssueState.Open,
    };

    private static Dictionary<int, TrackingEntry> Index(PlanDocument plan, TrackingList? list, List<TrackingEntry>? unresolved)
    {
        var index = new Dictionary<int, TrackingEntry>();
        foreach (var entry in list?.Entries ?? [])
        {
            var row = plan.Resolve(entry);
            if (row is null)
            {
                if (entry.IssueCandidates.Count > 0)
                {
                    unresolved?.Add(entry);
                }

                continue;
            }

            if (!index.ContainsKey(row.Number.Value))
            {
                index[row.Number.Value] = entry;
            }
        }

        return index;
    }
}

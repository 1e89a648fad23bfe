using MilestonePlan.Core.Model;

namespace MilestonePlan.Core.Selection;

/// <summary>
/// The one next-issue rule of the workflow: P0 then P1, top to bottom, dependencies done, not done,
/// not stopped, not skipped, no open PR. Pure: the same plan always gives the same answer.
/// </summary>
internal static class NextIssueSelector
{
    public static NextIssueDecision Select(PlanDocument plan) => Select(PlanStatus.Of(plan));

    public static NextIssueDecision Select(PlanStatus status)
    {
        var plan = status.Plan;
        IssueRow? next = null;
        var passed = new List<PassedOver>();
        var ordered = status.Issues
            .OrderBy(i => i.Row.Priority.Level)
            .ThenBy(i => i.Row.Order)
            .ToList();

        foreach (var issue in ordered)
        {
            var row = issue.Row;
            var reason = issue.State switch
            {
                IssueState.Done => null,
                IssueState.Stopped => $"{row.Number} is stopped (⛔ Needs Review){Detail(issue.Facts.Blocked)}",
                IssueState.Skipped => $"{row.Number} is skipped (⏭️){Detail(issue.Facts.Skipped)}",
                IssueState.OpenPullRequest => $"{row.Number} has an open PR{Detail(issue.Facts.OpenPullRequest)}",
                _ => WhyNotReady(plan, status, row),
            };

            if (issue.State == IssueState.Done)
            {
                continue;
            }

            if (reason is null && next is null)
            {
                next = row;
                continue;
            }

            passed.Add(new PassedOver(row, issue.State, reason ?? $"{row.Number} comes after {next!.Number} ({row.Priority}, execution order)"));
        }

        return new NextIssueDecision(next, passed, status.Issues.Count(i => i.IsDone), status.Issues.Count);
    }

    /// <summary>Null when every dependency is done; otherwise what it waits for.</summary>
    private static string? WhyNotReady(PlanDocument plan, PlanStatus status, IssueRow row)
    {
        if (!row.Dependencies.IsReadable)
        {
            return $"{row.Number} has dependencies that cannot be read ('{row.Dependencies.Cell?.Text}')";
        }

        var waits = new List<string>();
        foreach (var dependency in row.Dependencies.References)
        {
            var target = plan.ResolveDependency(dependency, out var missing);
            if (missing)
            {
                return $"{row.Number} depends on {dependency.Number}, which is not in this plan";
            }

            if (target is null)
            {
                continue;
            }

            if (target.Number == row.Number)
            {
                return $"{row.Number} depends on itself";
            }

            if (status.Of(target) is { IsDone: false })
            {
                waits.Add(target.Number.ToString());
            }
        }

        return waits.Count == 0 ? null : $"{row.Number} waits for {string.Join(", ", waits)}";
    }

    private static string Detail(TrackingEntry? entry)
    {
        if (entry is null)
        {
            return string.Empty;
        }

        var text = entry.Line.Text;
        foreach (var marker in new[] { "STOP:", "Skipped:", "Reason:" })
        {
            var at = text.IndexOf(marker, StringComparison.OrdinalIgnoreCase);
            if (at >= 0)
            {
                return ": " + text.Substring(at + marker.Length).Trim();
            }
        }

        return ": " + text;
    }
}

using MilestonePlan.Core.Model;

namespace MilestonePlan.Core.Selection;

/// <summary>
/// The one next-issue rule of the workflow: P0 then P1, top to bottom, dependencies done, not done,
/// not stopped, not skipped, no open PR. Pure: the same plan always gives the same answer.
/// </summary>
internal static class NextIssueSelector
{
    public static NextIssueDecision Select(PlanDocument plan) => Select(PlanStatus.Of(plan));

    /// <summary>
    /// The decision with the issues <paramref name="taken"/> passed over: those another agent of the same run works on
    /// (RunMilestone with MilestonePlanParallelAgents), which the plan shows only as started.
    /// </summary>
    public static NextIssueDecision Select(PlanDocument plan, Func<IssueRow, bool> taken) => Select(PlanStatus.Of(plan), taken);

    public static NextIssueDecision Select(PlanStatus status, Func<IssueRow, bool>? taken = null)
    {
        var passed = new List<PassedOver>();
        var next = Walk(status, passed, taken);
        return new NextIssueDecision(next, passed, status.Issues.Count(i => i.IsDone), status.Issues.Count);
    }

    /// <summary>
    /// The next issue alone: the same walk, stopped at the first eligible issue and without formatting why the others
    /// were passed over (a rule that only compares the Current Issue with the next one runs this for every plan).
    /// </summary>
    public static IssueRow? Next(PlanStatus status) => Walk(status, passed: null);

    /// <summary>Issues in execution order; the first eligible one is next. With <paramref name="passed"/>, every other one is explained there.</summary>
    private static IssueRow? Walk(PlanStatus status, List<PassedOver>? passed, Func<IssueRow, bool>? taken = null)
    {
        var plan = status.Plan;
        IssueRow? next = null;
        var ordered = status.Issues
            .OrderBy(i => i.Row.Priority.Level)
            .ThenBy(i => i.Row.Order)
            .ToList();

        foreach (var issue in ordered)
        {
            if (issue.State == IssueState.Done)
            {
                continue;
            }

            var row = issue.Row;
            var explain = passed is not null;
            var reason = issue.State switch
            {
                IssueState.Stopped => explain ? $"{row.Number} is stopped (⛔ Needs Review){Detail(issue.Facts.Blocked)}" : NotEligible,
                IssueState.Skipped => explain ? $"{row.Number} is skipped (⏭️){Detail(issue.Facts.Skipped)}" : NotEligible,
                IssueState.OpenPullRequest => explain ? $"{row.Number} has an open PR{Detail(issue.Facts.OpenPullRequest)}" : NotEligible,
                _ when taken?.Invoke(row) == true => explain ? $"{row.Number} is being worked on by another agent of this run" : NotEligible,
                _ => WhyNotReady(plan, status, row, explain),
            };

            if (reason is null && next is null)
            {
                next = row;
                if (passed is null)
                {
                    break;
                }

                continue;
            }

            passed?.Add(new PassedOver(row, issue.State, reason ?? $"{row.Number} comes after {next!.Number} ({row.Priority}, execution order)"));
        }

        return next;
    }

    /// <summary>The reason given when no reason is asked for: only whether there is one counts.</summary>
    private const string NotEligible = "not eligible";

    /// <summary>Null when every dependency is done; otherwise what it waits for.</summary>
    private static string? WhyNotReady(PlanDocument plan, PlanStatus status, IssueRow row, bool explain)
    {
        if (!row.Dependencies.IsReadable)
        {
            return explain ? $"{row.Number} has dependencies that cannot be read ('{row.Dependencies.Cell?.Text}')" : NotEligible;
        }

        var waits = explain ? new List<string>() : null;
        foreach (var dependency in row.Dependencies.References)
        {
            var target = plan.ResolveDependency(dependency, out var missing);
            if (missing)
            {
                return explain ? $"{row.Number} depends on {dependency.Number}, which is not in this plan" : NotEligible;
            }

            if (target is null)
            {
                continue;
            }

            if (target.Number == row.Number)
            {
                return explain ? $"{row.Number} depends on itself" : NotEligible;
            }

            if (status.Of(target) is { IsDone: false })
            {
                if (waits is null)
                {
                    return NotEligible;
                }

                waits.Add(target.Number.ToString());
            }
        }

        return waits is not { Count: > 0 } ? null : $"{row.Number} waits for {string.Join(", ", waits)}";
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

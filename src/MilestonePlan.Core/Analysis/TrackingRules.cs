using MilestonePlan.Core.Diagnostics;
using MilestonePlan.Core.Model;
using MilestonePlan.Core.Selection;
using static MilestonePlan.Core.Diagnostics.Rules;
using MilestonePlan.Core.Parsing;

namespace MilestonePlan.Core.Analysis;

/// <summary>MP5001–MP5006: the tracking sections tell the same story as the issue table and each other.</summary>
internal sealed class TrackingRules : IPlanRule
{
    public IEnumerable<PlanDiagnostic> Analyze(PlanContext context)
    {
        var plan = context.Plan;
        if (!plan.HasIssueTable)
        {
            return [];
        }

        return TotalIssuesRule(context)
            .Concat(Checklist(context))
            .Concat(Status(context))
            .Concat(Current(context))
            .Concat(Contradictions(context))
            .Concat(DoneBeforeDependencies(context));
    }

    private static IEnumerable<PlanDiagnostic> TotalIssuesRule(PlanContext context)
    {
        if (context.Plan.Field(FieldKeys.TotalIssues) is not { } field || StructureRules.LeadingInteger(field.Value.Text) is not { } total)
        {
            yield break;
        }

        var hasEpicSpec = context.Files.FileExists(System.IO.Path.Combine(context.Plan.FolderPath, Analysis.TotalIssues.EpicSpecFileName)) == true;
        var expected = Analysis.TotalIssues.Expected(context.Plan, hasEpicSpec);
        if (total != expected)
        {
            var count = context.Plan.Issues.Count();
            yield return context.Report(MP5001, field.Value.Span, total, expected, expected != count ? $" ({count} in the tables plus the epic)" : string.Empty);
        }
    }

    private static IEnumerable<PlanDiagnostic> Checklist(PlanContext context)
    {
        if (context.Plan.Tracking.Completed is not { } completed)
        {
            yield break;
        }

        foreach (var issue in context.Status.Issues)
        {
            if (issue.Facts.Checklist is not { } entry)
            {
                yield return context.Report(RuleMessages.MP5002NotInChecklist, completed.Heading.Span, issue.Row.Number, issue.Row.TitleText);
                continue;
            }

            if (entry.Title is { } title && issue.Row.Title is { IsEmpty: false } rowTitle && !Placeholders.Any(rowTitle)
                && !TrackingEntryGrammar.NamesTitle(entry, rowTitle.Text))
            {
                yield return context.Report(RuleMessages.MP5002Title, title.Span, title.Text, issue.Row.Number, rowTitle.Text);
            }
        }

        foreach (var entry in context.Status.UnresolvedChecklistEntries)
        {
            yield return context.Report(MP5002, entry.Line.Span, entry.IssueCandidates[0]);
        }
    }

    private static IEnumerable<PlanDiagnostic> Status(PlanContext context)
    {
        var overview = context.Plan.Field(FieldKeys.Status);
        var status = overview is null ? null : Parsing.MilestoneStatusText.Of(overview.Value.Text);
        var issues = context.Status.Issues;
        if (overview is not null && status == "complete")
        {
            var open = issues.Where(i => !i.IsDone).Select(i => i.Row.Number.ToString()).ToList();
            if (open.Count > 0)
            {
                yield return context.Report(MP5003, overview.Value.Span, open.Count, string.Join(", ", open.Take(10)));
            }
        }

        if (overview is not null && status == "not started")
        {
            var started = issues.FirstOrDefault(i => i.IsDone || i.State == IssueState.OpenPullRequest);
            if (started is not null)
            {
                yield return context.Report(RuleMessages.MP5003NotStarted, overview.Value.Span, started.Row.Number, started.IsDone ? "done" : "in an open PR");
            }
        }

        if (overview is not null && status is not null && context.Plan.Tracking.FooterStatus is { } footer
            && Parsing.MilestoneStatusText.Of(footer.Value.Text) is { } footerStatus && footerStatus != status)
        {
            yield return context.Report(RuleMessages.MP5003Footer, footer.Value.Span, footer.Value.Text, overview.Value.Text);
        }
    }

    /// <summary>MP5004's findings alone: what the editor asks before it leaves Current Issue as it is.</summary>
    internal static IEnumerable<PlanDiagnostic> Current(PlanContext context)
    {
        var plan = context.Plan;
        var status = context.Status;
        if (status.Issues.All(i => i.IsDone) || plan.Tracking.CurrentIssue is not { } field)
        {
            yield break;
        }

        var text = field.Value.Text;
        if (IsNothing(text) || Placeholders.Any(field.Value))
        {
            yield break;
        }

        if (CurrentIssueNumber(text) is not { } number)
        {
            yield return context.Report(RuleMessages.MP5004NamesNoIssue, field.Value.Span, text);
            yield break;
        }

        var row = plan.Resolve(number);
        if (row is null)
        {
            yield return context.Report(MP5004, field.Value.Span, number);
            yield break;
        }

        var issue = status.Of(row)!;
        var next = NextIssueSelector.Next(status);
        var hint = next is null ? "no issue is eligible" : $"the next issue is {next.Number}";
        var finished = issue.State switch
        {
            IssueState.Done => "already done",
            IssueState.Stopped => "stopped (⛔ Needs Review)",
            IssueState.Skipped => "skipped",
            _ => null,
        };
        if (finished is not null)
        {
            yield return context.Report(RuleMessages.MP5004Finished, field.Value.Span, row.Number, finished, hint);
            yield break;
        }

        if (plan.Tracking.CurrentPhase is { } phaseField && !IsNothing(phaseField.Value.Text) && !Placeholders.Any(phaseField.Value))
        {
            var phase = FindPhase(plan, phaseField.Value.Text);
            if (phase is null)
            {
                yield return context.Report(RuleMessages.MP5004UnknownPhase, phaseField.Value.Span, phaseField.Value.Text);
            }
            else if (phase.Index != row.PhaseIndex && phase.Index != 0)
            {
                var actual = plan.Phases.FirstOrDefault(p => p.Index == row.PhaseIndex)?.Name ?? "another phase";
                yield return context.Report(RuleMessages.MP5004OtherPhase, phaseField.Value.Span, row.Number, actual, phase.Name);
            }
        }
    }

    /// <summary>`#01`, `01 - Title`, `**#101** (plan #1)`: the first token when it is a number, else the first reference.</summary>
    private static IssueNumber? CurrentIssueNumber(string text)
    {
        var token = text.Split([' ', '—', '-', ':', '('], StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
        if (IssueNumber.TryParse(token, out var number))
        {
            return number;
        }

        var references = Parsing.IssueReferenceScanner.Scan(text);
        return references.Count > 0 ? references[0] : null;
    }

    private static Phase? FindPhase(PlanDocument plan, string text)
    {
        var words = TextMatching.Canonical(text);
        return plan.Phases.FirstOrDefault(p => p.Name.Length > 0 && words.StartsWith(TextMatching.Canonical(p.Name), StringComparison.Ordinal))
            ?? plan.Phases.FirstOrDefault(p => p.Name.Length > 0 && PhaseKey(TextMatching.Canonical(p.Name)) == PhaseKey(words));
    }

    /// <summary>"phase 2: ui" → "phase 2".</summary>
    private static string PhaseKey(string name)
    {
        var colon = name.IndexOf(':');
        return (colon > 0 ? name.Substring(0, colon) : name).Trim();
    }

    private static bool IsNothing(string text) =>
        TextMatching.Canonical(text) is "" or "none" or "-" or "—" or "(none)" or "n/a" or "tbd" or "none yet";

    private static IEnumerable<PlanDiagnostic> Contradictions(PlanContext context)
    {
        foreach (var issue in context.Status.Issues.Where(i => i.Facts.MarkedDone))
        {
            foreach (var (entry, where) in new[]
            {
                (issue.Facts.OpenPullRequest, "Open PRs"),
                (issue.Facts.Blocked, "Blocked / Needs Review"),
                (issue.Facts.Skipped, "Skipped Issues"),
            })
            {
                if (entry is not null)
                {
                    yield return context.Report(MP5005, entry.Line.Span, issue.Row.Number, where);
                }
            }
        }
    }

    private static IEnumerable<PlanDiagnostic> DoneBeforeDependencies(PlanContext context)
    {
        var plan = context.Plan;
        foreach (var issue in context.Status.Issues.Where(i => i.IsDone))
        {
            foreach (var reference in issue.Row.Dependencies.References.Where(r => !r.IsExternal))
            {
                if (plan.Resolve(reference.Number) is { } target && target.Number != issue.Row.Number
                    && context.Status.Of(target) is { IsDone: false })
                {
                    var at = issue.Facts.Checklist?.Line.Span ?? reference.Span;
                    yield return context.Report(MP5006, at, issue.Row.Number, target.Number);
                }
            }
        }
    }
}

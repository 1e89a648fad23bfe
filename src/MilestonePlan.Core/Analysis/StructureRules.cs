using MilestonePlan.Core.Diagnostics;
using MilestonePlan.Core.Model;
using static MilestonePlan.Core.Diagnostics.Rules;
using MilestonePlan.Core.Parsing;

namespace MilestonePlan.Core.Analysis;

/// <summary>MP1001–MP1005: the plan has its parts, its fields are readable, and it sits where it says.</summary>
internal sealed class StructureRules : IPlanRule
{
    private static readonly (string Key, string Name)[] RequiredFields =
    [
        (FieldKeys.Milestone, "Milestone"),
        (FieldKeys.MilestoneFolder, "Milestone Folder"),
        (FieldKeys.MilestoneBranch, "Milestone Branch"),
        (FieldKeys.TotalIssues, "Total Issues"),
        (FieldKeys.Status, "Status"),
    ];

    public IEnumerable<PlanDiagnostic> Analyze(PlanContext context)
    {
        var plan = context.Plan;
        if (plan.Overview is null)
        {
            yield return context.Report(RuleMessages.MP1001MissingPart, context.TopSpan, "Overview section");
        }

        if (!plan.HasIssueTable)
        {
            yield return context.Report(RuleMessages.MP1001MissingPart, context.TopSpan,
                "issue table (a table with an 'Issue #' column and a 'Title' or 'Issue File' column)");
        }

        if (!plan.Tracking.IsPresent)
        {
            yield return context.Report(RuleMessages.MP1001MissingPart, context.TopSpan,
                "Tracking section (Completed Issues, Open PRs, Blocked, Skipped, Current Phase)");
        }

        foreach (var d in OverviewFields(context))
        {
            yield return d;
        }

        foreach (var d in PlaceholdersLeft(context))
        {
            yield return d;
        }

        // Grouping only when some number repeats: the first rows are every row otherwise.
        var duplicated = plan.FirstRows.Count < plan.Phases.Sum(p => p.Issues.Count);
        foreach (var group in duplicated ? plan.Issues.GroupBy(i => i.Number.Value).Where(g => g.Count() > 1) : [])
        {
            var first = group.First();
            foreach (var duplicate in group.Skip(1))
            {
                yield return context.Report(MP1004, duplicate.NumberCell.Span, duplicate.Number, first.NumberCell.Span.Line);
            }
        }

        // A GitHub number two issues claim (GitHub # column or spec front matter) names neither: reported, never guessed.
        foreach (var group in plan.GitHubClaims().Where(g => g.Select(r => r.Number.Value).Distinct().Count() > 1))
        {
            var first = group.First();
            foreach (var duplicate in group.Skip(1).Where(r => r.Number != first.Number))
            {
                var where = duplicate.GitHubFromSpec || duplicate.GitHubCell is null ? duplicate.NumberCell.Span : duplicate.GitHubCell.Span;
                yield return context.Report(MP1004, where, $"GitHub #{group.Key} (claimed by {first.Number} and {duplicate.Number})", first.NumberCell.Span.Line);
            }
        }

        foreach (var d in Location(context))
        {
            yield return d;
        }
    }

    private static IEnumerable<PlanDiagnostic> OverviewFields(PlanContext context)
    {
        var plan = context.Plan;
        if (plan.Overview is null)
        {
            yield break;
        }

        foreach (var (key, name) in RequiredFields)
        {
            var field = plan.Field(key);
            if (field is null)
            {
                yield return context.Report(MP1002, plan.Overview.Span, name);
                continue;
            }

            var value = field.Value;
            if (Placeholders.Any(value))
            {
                continue;
            }

            if (value.IsEmpty)
            {
                yield return context.Report(RuleMessages.MP1002Empty, value.Span, name);
                continue;
            }

            // What a readable value of this field is, when the text is not one.
            var expected = key switch
            {
                FieldKeys.Milestone when MilestoneId.Parse(value.Text) is null => "a milestone id like 'm2'",
                FieldKeys.TotalIssues when LeadingInteger(value.Text) is null => "a number",
                FieldKeys.Status when Parsing.MilestoneStatusText.Of(value.Text) is null => "one of Not Started, In Progress, Complete",
                _ => null,
            };
            if (expected is not null)
            {
                yield return context.Report(RuleMessages.MP1002Malformed, value.Span, name, value.Text, expected);
            }
        }
    }

    private static IEnumerable<PlanDiagnostic> PlaceholdersLeft(PlanContext context)
    {
        var seen = new HashSet<(int, int)>();
        foreach (var cell in context.Plan.PlaceholderCandidates)
        {
            foreach (var (text, index) in Placeholders.Find(cell.Raw))
            {
                var span = cell.Span.Line == cell.Span.EndLine
                    ? SourceSpan.At(cell.Span.Line, cell.Span.Column + index, text.Length)
                    : cell.Span;
                if (seen.Add((span.Line, span.Column)))
                {
                    yield return context.Report(MP1003, span, text);
                }
            }
        }
    }

    private static IEnumerable<PlanDiagnostic> Location(PlanContext context)
    {
        var plan = context.Plan;
        var milestoneField = plan.Field(FieldKeys.Milestone);
        var declared = MilestoneId.Parse(milestoneField?.Value.Text);
        if (milestoneField is not null && declared is not null && plan.FolderMilestone is not null
            && declared != plan.FolderMilestone && !Placeholders.Any(milestoneField.Value))
        {
            yield return context.Report(MP1005, milestoneField.Value.Span,
                declared, plan.FolderMilestone);
        }

        var actualPath = context.RepositoryRelative(plan.Path);
        if (plan.Field(FieldKeys.ImplementationPlanPath) is { } pathField && !Placeholders.Any(pathField.Value)
            && !SamePath(TextMatching.FirstToken(pathField.Value), actualPath))
        {
            yield return context.Report(RuleMessages.MP1005Path, pathField.Value.Span, TextMatching.FirstToken(pathField.Value), actualPath);
        }

        var actualFolder = context.RepositoryRelative(plan.FolderPath) + "/";
        if (plan.Field(FieldKeys.MilestoneFolder) is { } folderField && !Placeholders.Any(folderField.Value)
            && !folderField.Value.IsEmpty && !SamePath(TextMatching.FirstToken(folderField.Value), actualFolder))
        {
            yield return context.Report(RuleMessages.MP1005Folder, folderField.Value.Span, TextMatching.FirstToken(folderField.Value), actualFolder);
        }
    }

    private static bool SamePath(string written, string actual)
    {
        static string Clean(string p) => p.Replace('\\', '/').Trim().TrimStart('.', '/').TrimEnd('/');
        return string.Equals(Clean(written), Clean(actual), StringComparison.Ordinal);
    }

    internal static int? LeadingInteger(string text)
    {
        return AsciiNumber.Leading(text.Trim(), maxDigits: 8);
    }
}

using MilestonePlan.Core.Analysis;
using MilestonePlan.Core.IO;
using MilestonePlan.Core.Model;

namespace MilestonePlan.Core.Planning;

/// <summary>
/// The template's hard stop "Issue Spec Problems", asked before the coding agent runs: a required read (Always Load
/// Context) that is missing or outside the repository, a spec without acceptance criteria, a spec whose dependencies
/// disagree with the plan. The answers are the build's own (<see cref="FileRules"/>: MP2003, MP2006, MP2004, MP2005),
/// so the stop and the build never disagree. Pure over the file system view.
/// </summary>
internal static class IssueReadiness
{
    /// <summary>The required reads, repository-relative as the plan writes them, in order; placeholders and non-paths left out.</summary>
    public static IReadOnlyList<string> RequiredReads(PlanDocument plan) =>
        plan.Links.Where(l => l.IsRepositoryRelative && l.CanBeAPath && l.Target.IndexOfAny(['{', '<', '*']) < 0)
            .Select(l => l.Target.TrimStart('/')).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>What stops the issue before its agent runs, one plain sentence each (file names and issue numbers only); empty when ready.</summary>
    public static IReadOnlyList<string> Problems(IFileSystemView files, string repositoryRoot, PlanDocument plan, IssueRow row, IssueSpec? spec)
    {
        var problems = new List<string>();
        foreach (var link in plan.Links.Where(l => l.IsRepositoryRelative))
        {
            switch (FileRules.LinkProblem(files, repositoryRoot, plan, link))
            {
                case { Rule: var rule, Problem: var why } when rule == Diagnostics.Rules.MP2006:
                    problems.Add($"the required read '{link.Target}' cannot be used: {why} (MP2006)");
                    break;
                case not null:
                    problems.Add($"the required read '{link.Target}' does not exist (MP2003)");
                    break;
            }
        }

        if (spec is null)
        {
            problems.Add($"the spec of {row.Number} is missing or cannot be read");
            return problems;
        }

        if (spec.AcceptanceItems.Count == 0)
        {
            problems.Add($"the spec of {row.Number} has no acceptance criteria (MP2004)");
        }

        if (FileRules.DependencyDisagreement(plan, spec, row) is { } disagreement)
        {
            problems.Add($"the spec of {row.Number} says dependencies [{FileRules.Format(disagreement.Spec)}], the plan [{FileRules.Format(disagreement.Plan)}] (MP2005)");
        }

        return problems;
    }
}

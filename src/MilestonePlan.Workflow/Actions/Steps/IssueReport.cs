using MilestonePlan.Core.Analysis;
using MilestonePlan.Core.IO;
using MilestonePlan.Core.Model;
using MilestonePlan.Core.Parsing;
using MilestonePlan.Workflow.Services;
using MilestonePlan.Workflow.Settings;

namespace MilestonePlan.Workflow.Actions.Steps;

/// <summary>
/// What a target tells MSBuild and people about one issue: the item with the names every target shares
/// (docs/targets.md), and the issue's spec as the build reads it.
/// </summary>
internal sealed class IssueReport(WorkflowContext options, TargetItems items, BranchGuard branches)
{
    /// <summary>An item about one issue: the same names for every target (docs/targets.md), plus the target's own.</summary>
    public void Report(PlanDocument plan, IssueRow row, string kind, params (string Name, string? Value)[] extra) =>
        items.Add(TargetItem.Of(row.Number.ToString(), [
            ("Kind", kind), ("Milestone", plan.Milestone?.ToString()), ("Issue", row.Number.ToString()),
            ("GitHubIssue", row.GitHubNumber?.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("Title", row.TitleText),
            ("Branch", BranchNames.FeatureBranch(plan, row)), ("Base", BranchNames.BaseBranch(plan)),
            ("Spec", branches.SpecPath(plan, row) is { } spec ? options.Relative(spec) : null), .. extra]));

    /// <summary>The row's spec, read as the build reads it (regular file, size cap); null when missing or not readable.</summary>
    public IssueSpec? SpecFor(PlanDocument plan, IssueRow row) =>
        branches.SpecPath(plan, row) is { } path && DiskFileSystem.Instance.Read(path, options.MaxSpecBytes) is { Text: { } text }
            ? SpecParser.Parse(path, text)
            : null;
}

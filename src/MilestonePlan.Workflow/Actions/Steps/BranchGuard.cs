using MilestonePlan.Core.Analysis;
using MilestonePlan.Core.IO;
using MilestonePlan.Core.Model;
using MilestonePlan.Workflow.Settings;

namespace MilestonePlan.Workflow.Actions.Steps;

/// <summary>
/// The names and paths a plan gives a target, refused before anything runs when unusable: a branch name never falls
/// back to `main`, and a path never leads outside the repository or through a symbolic link. Pure reads of the plan
/// and the disk; it needs only the run's context.
/// </summary>
internal sealed class BranchGuard(WorkflowContext options)
{
    /// <summary>The base branch, or the plan's MP4003 at the Milestone Branch cell: an unusable name never becomes `main`.</summary>
    public static BranchName RequireBase(PlanDocument plan) =>
        BranchNames.Base(plan) is { Name: { } name } ? name : throw Unusable(plan, BranchNames.Base(plan), Core.Diagnostics.Rules.MP4003);

    /// <summary>The issue's feature branch, or the plan's MP4001 at its Feature Branch cell.</summary>
    public static BranchName RequireFeature(PlanDocument plan, IssueRow row) =>
        BranchNames.Feature(plan, row) is { Name: { } name } ? name : throw Unusable(plan, BranchNames.Feature(plan, row), Core.Diagnostics.Rules.MP4001);

    /// <summary>
    /// Every branch the plan names is usable, or the target stops before running anything: a target that matches the
    /// checked-out branch against the rows must not skip a row whose name it could not read.
    /// </summary>
    public BranchName RequireBranches(PlanDocument plan)
    {
        var baseBranch = RequireBase(plan);
        foreach (var row in plan.Issues)
        {
            RequireFeature(plan, row);
            if (row.FileName is { } name && SpecLocation(plan, row) is { Problem: { } problem })
            {
                throw new WorkflowException(Core.Diagnostics.Rules.MP2006, $"{row.Number}: Issue File " + Core.Diagnostics.Rules.MP2006.Format(name, problem) + "; nothing was run",
                    plan.Path, row.File?.Span);
            }
        }

        RequireInside(plan.Path);
        return baseBranch;
    }

    /// <summary>Where a row's Issue File resolves, or why not: the same answer the build's MP2006 gives.</summary>
    public PathResolution SpecLocation(PlanDocument plan, IssueRow row) =>
        SpecLocator.Locate(DiskFileSystem.Instance, options.RepositoryRoot, plan, row);

    public string? SpecPath(PlanDocument plan, IssueRow row) => SpecLocation(plan, row).FullPath;

    /// <summary>A path the workflow reads or writes is inside the repository and reached through no symbolic link (MP2006).</summary>
    public string RequireInside(string fullPath) =>
        RepositoryPath.Check(DiskFileSystem.Instance, options.RepositoryRoot, fullPath) is { } problem
            ? throw new WorkflowException(Core.Diagnostics.Rules.MP2006, Core.Diagnostics.Rules.MP2006.Format(options.Relative(fullPath), problem), fullPath)
            : fullPath;

    /// <summary>A branch the stop policy protects (main lines by default): never created, pushed to or targeted by an issue.</summary>
    public bool IsProtected(BranchName branch) => options.StopPolicy.ProtectedBranches.Contains(branch.Value, StringComparer.OrdinalIgnoreCase);

    private static WorkflowException Unusable(PlanDocument plan, BranchChoice choice, Core.Diagnostics.DiagnosticDescriptor rule) =>
        new(rule, choice.Problem + "; nothing was run (fix the plan, or empty the cell for the default)", plan.Path, choice.Cell?.Span);
}

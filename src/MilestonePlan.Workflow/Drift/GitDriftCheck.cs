using MilestonePlan.Core.Diagnostics;
using MilestonePlan.Core.Model;
using MilestonePlan.Core.Selection;
using MilestonePlan.Core.Workflow;
using MilestonePlan.Workflow.Git;

namespace MilestonePlan.Workflow.Drift;

/// <summary>
/// MP5007: the tracking against origin. A done issue whose feature branch is still on origin must be merged into
/// the base (a squash-merged branch is deleted by `gh pr merge --delete-branch`, and a squash never makes the
/// branch an ancestor, so local branches and missing ones are not drift); an open PR's branch must be on origin.
/// </summary>
public static class GitDriftCheck
{
    public static IReadOnlyList<PlanDiagnostic> Check(PlanDocument plan, GitClient git)
    {
        var baseBranch = BranchNames.BaseBranch(plan);
        var baseRef = git.RemoteBranchExists(baseBranch) ? "origin/" + baseBranch : baseBranch;
        var findings = new List<PlanDiagnostic>();
        foreach (var issue in PlanStatus.Of(plan).Issues)
        {
            var branch = BranchNames.FeatureBranch(plan, issue.Row);
            var exists = git.RemoteBranchExists(branch) ? "origin/" + branch : null;
            if (issue.IsDone && exists is not null && !git.IsAncestor(exists, baseRef))
            {
                findings.Add(PlanDiagnostic.Create(Rules.MP5007, plan.Path, issue.Facts.Checklist?.Line.Span ?? issue.Row.RowSpan,
                    $"{issue.Row.Number} is done but {branch} is not merged into {baseBranch}"));
            }

            if (issue.State == IssueState.OpenPullRequest && exists is null && issue.Facts.OpenPullRequest is { } entry)
            {
                findings.Add(PlanDiagnostic.Create(Rules.MP5007, plan.Path, entry.Line.Span,
                    $"{issue.Row.Number} has an open PR but its branch {branch} is not on origin"));
            }
        }

        return findings;
    }
}

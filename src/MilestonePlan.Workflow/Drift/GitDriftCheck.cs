using MilestonePlan.Core.Diagnostics;
using MilestonePlan.Core.Model;
using MilestonePlan.Core.Selection;
using MilestonePlan.Core.Workflow;
using MilestonePlan.Workflow.Git;

namespace MilestonePlan.Workflow.Drift;

/// <summary>
/// MP5007: the tracking against git. A done issue whose feature branch still exists must be merged into the base
/// (a squash-merged branch is normally deleted, so a missing branch is not drift); an open PR's branch must exist.
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
            var exists = git.RemoteBranchExists(branch) ? "origin/" + branch : git.LocalBranchExists(branch) ? branch : null;
            if (issue.IsDone && exists is not null && !git.IsAncestor(exists, baseRef))
            {
                findings.Add(PlanDiagnostic.Create(Rules.MP5007, plan.Path, issue.Facts.Checklist?.Line.Span ?? issue.Row.RowSpan,
                    $"{issue.Row.Number} is done but {branch} is not merged into {baseBranch}"));
            }

            if (issue.State == IssueState.OpenPullRequest && exists is null && issue.Facts.OpenPullRequest is { } entry)
            {
                findings.Add(PlanDiagnostic.Create(Rules.MP5007, plan.Path, entry.Line.Span,
                    $"{issue.Row.Number} has an open PR but its branch {branch} exists neither locally nor on origin"));
            }
        }

        return findings;
    }
}

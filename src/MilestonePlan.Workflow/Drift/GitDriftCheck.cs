using MilestonePlan.Core.Analysis;
using MilestonePlan.Core.Diagnostics;
using MilestonePlan.Core.Model;
using MilestonePlan.Core.Planning;
using MilestonePlan.Core.Selection;
using MilestonePlan.Workflow.Git;

namespace MilestonePlan.Workflow.Drift;

/// <summary>
/// MP5007: the tracking against origin. A done issue whose feature branch is still on origin must be merged into
/// the base (a squash-merged branch is deleted by `gh pr merge --delete-branch`, and a squash never makes the
/// branch an ancestor, so local branches and missing ones are not drift); an open PR's branch must be on origin.
/// </summary>
internal static class GitDriftCheck
{
    public static IReadOnlyList<PlanDiagnostic> Check(PlanDocument plan, IGit git)
    {
        var findings = new List<PlanDiagnostic>();
        // Unusable names are the build's MP4001/MP4003; nothing here asks git about them.
        if (BranchNames.Base(plan).Name is not { } baseBranch)
        {
            return findings;
        }

        var baseRef = git.RemoteBranchExists(baseBranch) ? GitClient.RemoteTracking(baseBranch) : baseBranch.FullRef;
        foreach (var issue in PlanStatus.Of(plan).Issues)
        {
            if (BranchNames.Feature(plan, issue.Row).Name is not { } branch)
            {
                continue;
            }

            var exists = git.RemoteBranchExists(branch) ? GitClient.RemoteTracking(branch) : null;
            if (issue.IsDone && exists is not null && !git.IsAncestor(exists, baseRef))
            {
                findings.Add(PlanDiagnostic.Create(Rules.MP5007, plan.Path, issue.Facts.Checklist?.Line.Span ?? issue.Row.RowSpan,
                    issue.Row.Number, branch, baseBranch));
            }

            if (issue.State == IssueState.OpenPullRequest && exists is null && issue.Facts.OpenPullRequest is { } entry)
            {
                findings.Add(PlanDiagnostic.Create(RuleMessages.MP5007BranchNotOnOrigin, plan.Path, entry.Line.Span, issue.Row.Number, branch));
            }
        }

        return findings;
    }
}

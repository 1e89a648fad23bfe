using System.Text.RegularExpressions;
using MilestonePlan.Core.Model;
using MilestonePlan.Workflow.Git;
using MilestonePlan.Workflow.GitHub;
using MilestonePlan.Workflow.Services;

namespace MilestonePlan.Workflow.Actions.Steps;

/// <summary>
/// Which unticked "Milestone Completion Checklist" items CompleteMilestone can verify itself, and whether they hold:
/// "all issues closed" (every row's GitHub issue closed on GitHub) and "checks pass" (the configured checks run on
/// the base branch, checked out clean at origin's commit). Everything else (epic acceptance criteria, NFRs) is for a
/// person. An item is ticked only when its check held; when it did not (or could not be checked), the reason is said.
/// </summary>
internal sealed class CompletionVerification(Action<string> say, IGitHub gh, IGit git, CheckRunner checks, bool haveChecks)
{
    private static readonly Regex IssuesClosed = new(@"\bissues?\b.*\bclosed\b", RegexOptions.IgnoreCase, TimeSpan.FromSeconds(1));
    private static readonly Regex ChecksPass = new(@"\b(checks?|tests?|ci|build)\b.*\bpass(es|ed|ing)?\b", RegexOptions.IgnoreCase, TimeSpan.FromSeconds(1));

    /// <summary>The unticked items that held (to tick), those of a kind it verifies that did not (each with why), and those for a person.</summary>
    public CompletionVerdict Verify(PlanDocument plan, BranchName baseBranch)
    {
        var verified = new List<string>();
        var notHolding = new List<string>();
        var forPerson = new List<string>();
        string? issues = null;
        string? checksResult = null;
        foreach (var item in plan.CompletionChecklist.Where(c => c.Checked == false).Select(c => c.Line.Text.Trim()))
        {
            string why;
            if (IssuesClosed.IsMatch(item))
            {
                why = issues ??= IssuesNotClosed(plan) ?? string.Empty;
            }
            else if (ChecksPass.IsMatch(item))
            {
                why = checksResult ??= ChecksFailing(baseBranch) ?? string.Empty;
            }
            else
            {
                forPerson.Add(item);
                continue;
            }

            if (why.Length == 0)
            {
                verified.Add(item);
            }
            else
            {
                notHolding.Add($"{item} ({why})");
            }
        }

        return new CompletionVerdict(verified, notHolding, forPerson);
    }

    /// <summary>Null when every row's GitHub issue is closed (one `gh issue list --state all --json number,state`).</summary>
    private string? IssuesNotClosed(PlanDocument plan)
    {
        var unnumbered = plan.Issues.Where(r => r.GitHubNumber is null).Select(r => r.Number.ToString()).ToList();
        if (unnumbered.Count > 0)
        {
            return $"not verified: {string.Join(", ", unnumbered)} without a GitHub number";
        }

        var states = gh.IssueStates();
        var open = plan.Issues.Where(r => !states.TryGetValue(r.GitHubNumber!.Value, out var isOpen) || isOpen)
            .Select(r => $"{r.Number} (GitHub #{r.GitHubNumber})").ToList();
        return open.Count == 0 ? null : $"still open on GitHub or not found: {string.Join(", ", open)}";
    }

    /// <summary>Null when the checks passed on the base branch as origin has it, checked out with nothing uncommitted.</summary>
    private string? ChecksFailing(BranchName baseBranch)
    {
        if (!haveChecks)
        {
            return "not verified: no checks configured (MilestonePlanCheckCommand)";
        }

        if (git.CurrentBranch() != baseBranch.Value || git.Changes().Count > 0
            || git.ResolveCommit("HEAD") != git.ResolveCommit(GitClient.RemoteTracking(baseBranch)))
        {
            return $"not verified: check out {baseBranch} clean at origin's commit to run the checks on it";
        }

        say($"Running the checks on {baseBranch}");
        return checks.Run() is { } failure ? "checks failed on the base: " + failure : null;
    }
}

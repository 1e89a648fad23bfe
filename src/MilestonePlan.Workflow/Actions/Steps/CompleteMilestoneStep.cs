using MilestonePlan.Core.Analysis;
using MilestonePlan.Core.Model;
using MilestonePlan.Core.Planning;
using MilestonePlan.Core.Selection;
using MilestonePlan.Workflow.Editing;
using MilestonePlan.Workflow.Git;
using MilestonePlan.Workflow.GitHub;
using MilestonePlan.Workflow.Publishing;
using MilestonePlan.Workflow.Services;

namespace MilestonePlan.Workflow.Actions.Steps;

/// <summary>CompleteMilestone: every issue done and what it can verify holding → the base → main PR; once merged, the tag and Status Complete.</summary>
internal sealed class CompleteMilestoneStep(Settings.WorkflowContext options, Action<string> say, IPlanStore store, IGit git,
    IGitHub gh, PlanChoice plans, BranchGuard branches, RepositoryGuard repository, MilestoneClosing closing, CompletionVerification verification)
{
    public CompleteMilestoneStep(WorkflowServices services)
        : this(services, StepParts.Of(services))
    {
    }

    private CompleteMilestoneStep(WorkflowServices services, StepParts parts)
        : this(services.Options, services.Say, services.Plans, services.Git, services.Gh, parts.Plans, parts.Branches, parts.Repository,
            new MilestoneClosing(services.Options, services.Say, services.Gh),
            new CompletionVerification(services.Say, services.Gh, services.Git, services.Checks, services.Options.Checks.Count > 0))
    {
    }

    /// <summary>
    /// Every issue done and the completion checklist items it can verify holding: open the base → main PR (never with
    /// auto-merge: a person merges main), listing the items left for a person; once it is merged, tag `v0.{n}.0` on
    /// main, close the GitHub milestone and the epic issue, and set Status Complete. The only step that targets main,
    /// by design.
    /// </summary>
    public string Run()
    {
        var plan = plans.Choose();
        var baseBranch = branches.RequireBranches(plan);
        var status = PlanStatus.Of(plan);
        var open = status.Issues.Where(i => !i.IsDone).Select(i => i.Row.Number.ToString()).ToList();
        if (open.Count > 0 || status.Issues.Count == 0)
        {
            throw new WorkflowException(Core.Diagnostics.Rules.MP9003,
                Core.Diagnostics.Rules.MP9003.Format(plan.Milestone, open.Count > 0 ? string.Join(", ", open) + " not done" : "it has no issues"));
        }

        repository.RequireGit();
        git.Fetch();
        var main = BranchNames.DefaultBase;
        var merged = branches.IsProtected(baseBranch) || (git.RemoteBranchExists(baseBranch) && git.IsAncestor(GitClient.RemoteTracking(baseBranch), GitClient.RemoteTracking(main)));
        var forPerson = Verify(plan, baseBranch, merged);

        var number = plan.Milestone?.Number ?? "0";
        var tag = number.Contains('.') ? $"v0.{number}" : $"v0.{number}.0";
        if (!merged)
        {
            gh.EnsureAuthenticated();
            var existing = gh.List(main.Value).FirstOrDefault(p => p.IsOpen && p.HeadRefName == baseBranch.Value);
            if (existing is not null)
            {
                // A rerun converges: the PR is reported, never opened twice (its description is the first run's).
                say($"PR #{existing.Number} ({baseBranch} → main) is open; run CompleteMilestone again once it is merged to tag {tag}");
                return tag;
            }

            var (epic, epicText) = closing.EpicSpec(plan);
            var title = PublishedText.PlanLine(MilestonePullRequestText.Title(plan), 200);
            var body = MilestonePullRequestText.Body(plan, epic, epicText, forPerson, t => PublishedText.PlanLine(t, 200));
            var pr = gh.CreatePullRequest(main.Value, baseBranch.Value, title, body);
            say($"Opened PR #{pr.Number} ({baseBranch} → main): {pr.Url}; run CompleteMilestone again once it is merged to tag {tag}");

            return tag;
        }

        if (git.RemoteTagExists(tag))
        {
            say($"{tag} already exists on origin");
        }
        else
        {
            git.CreateTag(tag, git.RemoteBranchExists(main) ? GitClient.RemoteTracking(main) : main.FullRef, $"M{number}: {plan.DisplayTitle}");
            git.PushTag(tag);
            say($"Tagged {tag} and pushed it");
        }

        // After the tag, GitHub's side: each change only when not already made, so a second run changes nothing.
        gh.EnsureAuthenticated();
        closing.CloseMilestone(number, plan);
        closing.CloseEpic(plan, tag, baseBranch.Value);

        var file = PlanFile.Read(branches.RequireInside(plan.Path), options.MaxPlanBytes);
        store.Save(file, PlanTransition.Edit(plan.Path, file.Text, plan.SpecGitHubNumbers(), (u, _) => u.SetStatus("Complete").Concat(u.SetLastUpdated(options.Today))));
        return tag;
    }

    /// <summary>
    /// The unticked completion checklist items: those it verified are ticked; one of a kind it verifies that does not
    /// hold stops the target (MP9003, naming each with why, before any PR); those only a person can verify are named
    /// and returned, and do not stop it. Plan text on its way to the build log: one line each, bounded, redacted.
    /// </summary>
    private IReadOnlyList<string> Verify(PlanDocument plan, BranchName baseBranch, bool merged)
    {
        if (!plan.CompletionChecklist.Any(c => c.Checked == false))
        {
            return [];
        }

        var verdict = verification.Verify(plan, baseBranch);
        if (verdict.Verified.Count > 0)
        {
            var checklist = PlanFile.Read(branches.RequireInside(plan.Path), options.MaxPlanBytes);
            store.Save(checklist, PlanTransition.Edit(plan.Path, checklist.Text, plan.SpecGitHubNumbers(), (u, _) => verdict.Verified.SelectMany(u.TickCompletionItem)));
            say($"Verified and ticked: {Listed(verdict.Verified)}");
        }

        if (verdict.NotHolding.Count > 0)
        {
            throw new WorkflowException(Core.Diagnostics.Rules.MP9003, Core.Diagnostics.Rules.MP9003.Format(plan.Milestone,
                $"{verdict.NotHolding.Count} completion checklist item(s) do not hold: {Listed(verdict.NotHolding)}"));
        }

        if (verdict.ForPerson.Count > 0)
        {
            say($"{(merged ? "Left unticked for a person (the PR to main is merged)" : MilestonePullRequestText.ForPersonHeading)}: {Listed(verdict.ForPerson)}");
        }

        return verdict.ForPerson;
    }

    private static string Listed(IReadOnlyList<string> items) =>
        string.Join("; ", items.Take(20).Select(i => PublishedText.PlanLine(i, 200))) + (items.Count > 20 ? $"; and {items.Count - 20} more" : string.Empty);
}

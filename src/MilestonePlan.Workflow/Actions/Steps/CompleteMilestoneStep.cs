using MilestonePlan.Core.Analysis;
using MilestonePlan.Core.Planning;
using MilestonePlan.Core.Selection;
using MilestonePlan.Workflow.Editing;
using MilestonePlan.Workflow.Git;
using MilestonePlan.Workflow.GitHub;
using MilestonePlan.Workflow.Services;

namespace MilestonePlan.Workflow.Actions.Steps;

/// <summary>CompleteMilestone: every issue done and the checklist ticked → the base → main PR; once merged, the tag and Status Complete.</summary>
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
    /// Every issue done and the completion checklist ticked: open the base → main PR; once it is merged, tag
    /// `v0.{n}.0` on main, close the GitHub milestone and the epic issue, and set Status Complete. The only step that
    /// targets main, by design.
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
        if (plan.CompletionChecklist.Any(c => c.Checked == false))
        {
            // The items it can verify are ticked when they hold; the rest are named, and a person ticks them.
            var (verified, left) = verification.Verify(plan, baseBranch);
            if (verified.Count > 0)
            {
                var checklist = PlanFile.Read(branches.RequireInside(plan.Path), options.MaxPlanBytes);
                store.Save(checklist, PlanTransition.Edit(plan.Path, checklist.Text, plan.SpecGitHubNumbers(), (u, _) => verified.SelectMany(u.TickCompletionItem)));
                // Plan text on its way to the build log: one line each, secrets redacted.
                say($"Verified and ticked: {string.Join("; ", verified.Select(v => Publishing.PublishedText.PlanLine(v, 200)))}");
            }

            if (left.Count > 0)
            {
                throw new WorkflowException(Core.Diagnostics.Rules.MP9003, Core.Diagnostics.Rules.MP9003.Format(plan.Milestone,
                    $"the completion checklist has {left.Count} unticked item(s): {string.Join("; ", left.Take(5))}"));
            }
        }

        var number = plan.Milestone?.Number ?? "0";
        var tag = number.Contains('.') ? $"v0.{number}" : $"v0.{number}.0";
        var title = MilestonePullRequestText.Title(plan);
        var main = BranchNames.DefaultBase;
        var merged = branches.IsProtected(baseBranch) || (git.RemoteBranchExists(baseBranch) && git.IsAncestor(GitClient.RemoteTracking(baseBranch), GitClient.RemoteTracking(main)));
        if (!merged)
        {
            gh.EnsureAuthenticated();
            var existing = gh.List(main.Value).FirstOrDefault(p => p.IsOpen && p.HeadRefName == baseBranch.Value);
            if (existing is not null)
            {
                say($"PR #{existing.Number} ({baseBranch} → main) is open; run CompleteMilestone again once it is merged to tag {tag}");
                return tag;
            }

            var (epic, epicText) = closing.EpicSpec(plan);
            var body = MilestonePullRequestText.Body(plan, epic, epicText);
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
}

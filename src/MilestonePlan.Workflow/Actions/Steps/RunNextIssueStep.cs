using MilestonePlan.Core.Analysis;
using MilestonePlan.Core.Model;
using MilestonePlan.Core.Planning;
using MilestonePlan.Core.Selection;
using MilestonePlan.Workflow.Editing;
using MilestonePlan.Workflow.Git;
using MilestonePlan.Workflow.Services;

namespace MilestonePlan.Workflow.Actions.Steps;

/// <summary>RunNextIssue: base branch ready and synced, feature branch created, Current Issue set, spec printed.</summary>
internal sealed class RunNextIssueStep(WorkflowServices services, StepParts parts)
{
    public RunNextIssueStep(WorkflowServices services)
        : this(services, StepParts.Of(services))
    {
    }

    private Settings.WorkflowContext Options => services.Options;

    private Action<string> Say => services.Say;

    private Git.IGit Git => services.Git;

    private GitHub.IGitHub Gh => services.Gh;

    /// <summary>The plan's record of an issue taken up: it is the Current Issue, and a milestone Not Started is In Progress.</summary>
    public static PlanTransition Started(PlanDocument tracked, string text, IssueRow chosen, string today) =>
        PlanTransition.Edit(tracked.Path, text, tracked.SpecGitHubNumbers(), (updater, p) =>
        {
            var current = p.Find(chosen.Number)!;
            var status = p.Field(FieldKeys.Status)?.Value.Text;
            var edits = updater.SetCurrent(current).Concat(updater.SetLastUpdated(today));
            return status is not null && status.Trim().Equals("Not Started", StringComparison.OrdinalIgnoreCase)
                ? edits.Concat(updater.SetStatus("In Progress"))
                : edits;
        });

    public IssueRow? Run()
    {
        var plan = parts.Plans.Choose();
        var baseBranch = parts.Branches.RequireBranches(plan);
        var row = NextIssueSelector.Select(plan).Next;
        // The plan checked out may lag behind the tracked state (the tracking PR not merged yet): only when there is no
        // tracking branch at all does "nothing eligible here" settle it.
        var tracking = plan.Milestone is { } milestone ? Tracking.TrackingBranch.For(milestone) : null;
        if (row is null && (Options.DryRun || tracking is null || !(Git.LocalBranchExists(tracking) || Git.RemoteBranchExists(tracking))))
        {
            new NextIssueStep(services).Run();
            return null;
        }

        parts.Repository.EnsureCleanRepository();
        parts.Tracking.FetchOnce();
        parts.Tracking.EnsureBaseBranch(baseBranch);

        Git.Checkout(baseBranch);
        if (Git.RemoteBranchExists(baseBranch))
        {
            Git.PullFastForward(baseBranch);
        }

        // The milestone's tracked state (the base plus the open tracking PR) is what counts: on the tracking branch the
        // issue is chosen again and recorded as current; the feature branch then starts from the base, without the plan edit.
        (plan, var taken) = parts.Tracking.OnTracking(plan, baseBranch, "next issue started", tracked =>
        {
            if (!Options.DryRun && !parts.Branches.RequireBranches(tracked).Equals(baseBranch))
            {
                throw WorkflowException.Tool($"the plan on {baseBranch} names another Milestone Branch ({BranchNames.BaseBranch(tracked)}); nothing more was changed");
            }

            var chosen = Options.DryRun ? row : NextIssueSelector.Select(tracked).Next;
            if (chosen is null)
            {
                return (tracked, (IssueRow?)null);
            }

            var chosenFeature = BranchGuard.RequireFeature(tracked, chosen);
            if (Git.DefaultBranch() is { } defaultBranch && defaultBranch.Value.Equals(chosenFeature.Value, StringComparison.OrdinalIgnoreCase))
            {
                throw new WorkflowException(Core.Diagnostics.Rules.MP4001,
                    Core.Diagnostics.Rules.MP4001.Format(chosen.Number, chosenFeature, "is the repository's default branch"), tracked.Path, chosen.FeatureBranch?.Span);
            }

            var file = PlanFile.Read(parts.Branches.RequireInside(tracked.Path), Options.MaxPlanBytes);
            services.Plans.Save(file, Started(tracked, file.Text, chosen, Options.Today));
            return (tracked, chosen);
        }, openPullRequest: false);
        if (taken is null)
        {
            // What the base's plan offered is already taken in the tracked state (an open PR, a stop recorded).
            var tracked = NextIssueSelector.Select(plan);
            Say($"No issue of {plan.Milestone} is eligible ({tracked.DoneCount} of {tracked.TotalCount} done)");
            foreach (var passed in tracked.PassedOver)
            {
                Say($"  {passed.Reason}");
            }

            return null;
        }

        row = taken;
        var feature = BranchGuard.RequireFeature(plan, row);

        if (Git.LocalBranchExists(feature))
        {
            Say($"Feature branch {feature} exists; checking it out to resume");
            Git.Checkout(feature);
        }
        else if (!Options.DryRun && Git.RemoteBranchExists(feature))
        {
            // Pushed by an earlier run that stopped before its PR: resume from origin's copy, never start it again.
            Say($"Feature branch {feature} exists on origin; checking it out to resume");
            Git.CheckoutNew(feature, GitClient.RemoteTracking(feature));
        }
        else
        {
            Git.CheckoutNew(feature, baseBranch.FullRef);
        }

        var spec = parts.Report.SpecFor(plan, row);
        Say($"Implement {row.Number} {row.TitleText} on {feature} (base {baseBranch})");
        parts.Report.Report(plan, row, "Started", ("State", "Started"));
        Say($"Spec: {Options.Relative(parts.Branches.SpecPath(plan, row) ?? plan.Path)}");
        foreach (var item in spec?.AcceptanceItems ?? [])
        {
            Say("  - [ ] " + item.Text);
        }

        return row;
    }
}

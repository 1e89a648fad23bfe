using MilestonePlan.Core.Analysis;
using MilestonePlan.Core.Model;
using MilestonePlan.Core.Planning;
using MilestonePlan.Core.Selection;
using MilestonePlan.Workflow.Editing;
using MilestonePlan.Workflow.Git;

namespace MilestonePlan.Workflow.Actions.Steps;

/// <summary>RunNextIssue: base branch ready and synced, feature branch created, Current Issue set, spec printed.</summary>
internal sealed class RunNextIssueStep(WorkflowServices services) : WorkflowStep(services)
{
    public IssueRow? Run()
    {
        var plan = ChoosePlan();
        var baseBranch = RequireBranches(plan);
        var decision = NextIssueSelector.Select(plan);
        if (decision.Next is not { } row)
        {
            new NextIssueStep(Services).Run();
            return null;
        }

        EnsureCleanRepository();
        Git.Fetch();
        if (!Git.LocalBranchExists(baseBranch))
        {
            if (Git.RemoteBranchExists(baseBranch))
            {
                Git.CreateBranch(baseBranch, GitClient.RemoteTracking(baseBranch));
            }
            else
            {
                if (IsProtected(baseBranch))
                {
                    throw WorkflowException.Tool($"the base branch '{baseBranch}' does not exist locally or on origin");
                }

                var main = BranchNames.DefaultBase;
                var start = Git.RemoteBranchExists(main) ? GitClient.RemoteTracking(main) : Git.LocalBranchExists(main) ? main.FullRef
                    : throw WorkflowException.Tool($"cannot create '{baseBranch}': there is no 'main' branch to start it from");
                Say($"Creating base branch {baseBranch} from {(start.StartsWith("refs/remotes/", StringComparison.Ordinal) ? "origin/" + main : main.Value)} and pushing it");
                Git.CreateBranch(baseBranch, start);
                Git.Push(baseBranch);
            }
        }

        Git.Checkout(baseBranch);
        if (Git.RemoteBranchExists(baseBranch))
        {
            Git.PullFastForward(baseBranch);
        }

        // The base branch's plan is the one that counts: choose again now that it is checked out and synced.
        if (!Options.DryRun)
        {
            plan = ChoosePlan();
            if (!RequireBranches(plan).Equals(baseBranch))
            {
                throw WorkflowException.Tool($"the plan on {baseBranch} names another Milestone Branch ({BranchNames.BaseBranch(plan)}); nothing more was changed");
            }

            row = NextIssueSelector.Select(plan).Next ?? throw WorkflowException.Tool($"no issue of {plan.Milestone} is eligible on {baseBranch}");
        }

        var feature = RequireFeature(plan, row);
        if (Git.DefaultBranch() is { } defaultBranch && defaultBranch.Value.Equals(feature.Value, StringComparison.OrdinalIgnoreCase))
        {
            throw new WorkflowException(Core.Diagnostics.Rules.MP4001,
                Core.Diagnostics.Rules.MP4001.Format(row.Number, feature, "is the repository's default branch"), plan.Path, row.FeatureBranch?.Span);
        }

        if (Git.LocalBranchExists(feature))
        {
            Say($"Feature branch {feature} exists; checking it out to resume");
            Git.Checkout(feature);
        }
        else
        {
            Git.CheckoutNew(feature, baseBranch.FullRef);
        }

        var file = PlanFile.Read(RequireInside(plan.Path), Options.MaxPlanBytes);
        var transition = PlanTransition.Edit(plan.Path, file.Text, plan.SpecGitHubNumbers(), (updater, p) =>
        {
            var current = p.Find(row.Number)!;
            var status = p.Field(FieldKeys.Status)?.Value.Text;
            var edits = updater.SetCurrent(current).Concat(updater.SetLastUpdated(Options.Today));
            return status is not null && status.Trim().Equals("Not Started", StringComparison.OrdinalIgnoreCase)
                ? edits.Concat(updater.SetStatus("In Progress"))
                : edits;
        });
        Save(file, transition);

        var spec = SpecFor(plan, row);
        Say($"Implement {row.Number} {row.TitleText} on {feature} (base {baseBranch})");
        Say($"Spec: {Relative(SpecPath(plan, row) ?? plan.Path)}");
        foreach (var item in spec?.AcceptanceItems ?? [])
        {
            Say("  - [ ] " + item.Text);
        }

        return row;
    }
}

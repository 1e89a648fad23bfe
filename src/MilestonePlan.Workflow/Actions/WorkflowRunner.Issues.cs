using MilestonePlan.Core.Editing;
using MilestonePlan.Core.IO;
using MilestonePlan.Core.Model;
using MilestonePlan.Core.Parsing;
using MilestonePlan.Core.Selection;
using MilestonePlan.Core.Validation;
using MilestonePlan.Core.Workflow;
using MilestonePlan.Workflow.Editing;
using MilestonePlan.Workflow.Git;
using MilestonePlan.Workflow.GitHub;
using MilestonePlan.Workflow.Processes;
using MilestonePlan.Workflow.Publishing;
using MilestonePlan.Workflow.StopConditions;

namespace MilestonePlan.Workflow.Actions;

/// <summary>The per-issue targets: NextIssue, RunNextIssue, SubmitIssue.</summary>
public sealed partial class WorkflowRunner
{
    /// <summary>Read-only: the next eligible issue and, for every other open issue, why not.</summary>
    public NextIssueDecision NextIssue()
    {
        var plan = ChoosePlan();
        RequireBranches(plan);
        var decision = NextIssueSelector.Select(plan);
        say($"{plan.Milestone}: {decision.DoneCount}/{decision.TotalCount} done ({Relative(plan.Path)})");
        say(decision.Next is { } next
            ? $"Next issue: {next.Number} {next.TitleText} ({next.Priority}) → {BranchNames.FeatureBranch(plan, next)}"
            : decision.IsComplete ? "Every issue is done." : "No issue is eligible.");
        foreach (var passed in decision.PassedOver)
        {
            say("  " + passed.Reason);
        }

        return decision;
    }

    /// <summary>Base branch ready and synced, feature branch created, Current Issue set, spec printed.</summary>
    public IssueRow? RunNextIssue()
    {
        var plan = ChoosePlan();
        var baseBranch = RequireBranches(plan);
        var decision = NextIssueSelector.Select(plan);
        if (decision.Next is not { } row)
        {
            NextIssue();
            return null;
        }

        EnsureCleanRepository();
        git.Fetch();
        if (!git.LocalBranchExists(baseBranch))
        {
            if (git.RemoteBranchExists(baseBranch))
            {
                git.CreateBranch(baseBranch, GitClient.RemoteTracking(baseBranch));
            }
            else
            {
                if (IsProtected(baseBranch))
                {
                    throw WorkflowException.Tool($"the base branch '{baseBranch}' does not exist locally or on origin");
                }

                var main = BranchNames.DefaultBase;
                var start = git.RemoteBranchExists(main) ? GitClient.RemoteTracking(main) : git.LocalBranchExists(main) ? main.FullRef
                    : throw WorkflowException.Tool($"cannot create '{baseBranch}': there is no 'main' branch to start it from");
                say($"Creating base branch {baseBranch} from {(start.StartsWith("refs/remotes/", StringComparison.Ordinal) ? "origin/" + main : main.Value)} and pushing it");
                git.CreateBranch(baseBranch, start);
                git.Push(baseBranch);
            }
        }

        git.Checkout(baseBranch);
        if (git.RemoteBranchExists(baseBranch))
        {
            git.PullFastForward(baseBranch);
        }

        // The base branch's plan is the one that counts: choose again now that it is checked out and synced.
        if (!options.DryRun)
        {
            plan = ChoosePlan();
            if (!RequireBranches(plan).Equals(baseBranch))
            {
                throw WorkflowException.Tool($"the plan on {baseBranch} names another Milestone Branch ({BranchNames.BaseBranch(plan)}); nothing more was changed");
            }

            row = NextIssueSelector.Select(plan).Next ?? throw WorkflowException.Tool($"no issue of {plan.Milestone} is eligible on {baseBranch}");
        }

        var feature = RequireFeature(plan, row);
        if (feature.IsMainLine || git.DefaultBranch() is { } defaultBranch && defaultBranch.Value.Equals(feature.Value, StringComparison.OrdinalIgnoreCase))
        {
            throw new WorkflowException(Core.Diagnostics.Rules.MP4001, $"{row.Number}: feature branch '{feature}' is the repository's default branch", plan.Path, row.FeatureBranch?.Span);
        }

        if (git.LocalBranchExists(feature))
        {
            say($"Feature branch {feature} exists; checking it out to resume");
            git.Checkout(feature);
        }
        else
        {
            git.CheckoutNew(feature, baseBranch.FullRef);
        }

        var file = PlanFile.Read(RequireInside(plan.Path), options.MaxPlanBytes);
        var transition = PlanTransition.Edit(plan.Path, file.Text, plan.SpecGitHubNumbers(), (updater, p) =>
        {
            var current = p.Find(row.Number)!;
            var status = p.Field(FieldKeys.Status)?.Value.Text;
            var edits = updater.SetCurrent(current).Concat(updater.SetLastUpdated(options.Today));
            return status is not null && status.Trim().Equals("Not Started", StringComparison.OrdinalIgnoreCase)
                ? edits.Concat(updater.SetStatus("In Progress"))
                : edits;
        });
        Save(file, transition);

        var spec = SpecFor(plan, row);
        say($"Implement {row.Number} {row.TitleText} on {feature} (base {baseBranch})");
        say($"Spec: {Relative(SpecPath(plan, row) ?? plan.Path)}");
        foreach (var item in spec?.AcceptanceItems ?? [])
        {
            say("  - [ ] " + item.Text);
        }

        return row;
    }

    /// <summary>Checks, stop conditions, push, PR, auto-merge; records what really happened in the plan.</summary>
    public IReadOnlyList<StopFinding> SubmitIssue()
    {
        var plan = ChoosePlan();
        var baseBranch = RequireBranches(plan);
        RequireGit();
        var current = git.CurrentBranch() ?? throw WorkflowException.Tool("HEAD is detached; check out the issue's feature branch");
        var row = plan.Issues.FirstOrDefault(r => RequireFeature(plan, r).Value == current)
            ?? throw WorkflowException.Tool($"'{current}' is not the feature branch of any issue of {plan.Milestone}");
        var branch = RequireFeature(plan, row);

        var specProblem = SpecPath(plan, row) is not { } specPath || !File.Exists(specPath)
            ? $"the spec of {row.Number} is missing"
            : !row.Dependencies.IsReadable ? $"the dependencies of {row.Number} cannot be read" : null;
        var changes = ChangeSetLoader.Load(git, baseBranch.FullRef, "HEAD");
        var facts = new StopFacts(baseBranch.Value, git.HasMergeConflict(baseBranch.FullRef, "HEAD"), RunChecks(), specProblem);
        var findings = StopConditionClassifier.Classify(changes, options.StopPolicy, facts).ToList();
        var title = PullRequestText.Title(plan, row);
        var body = PullRequestText.Body(plan, row, SpecFor(plan, row), Relative(SpecPath(plan, row) ?? plan.Path));
        // The PR's text is published too: a secret in the spec's criteria or the title is a safety stop like one in the diff.
        if ((SecretScanner.KindOf(title) ?? SecretScanner.Scan(body).Select(s => s.Kind).FirstOrDefault()) is { } leaked)
        {
            findings.Insert(0, new StopFinding(StopKind.Safety, "secret", $"the PR title or body would publish a {leaked}", "remove it from the plan or spec and rotate it"));
        }

        var file = PlanFile.Read(RequireInside(plan.Path), options.MaxPlanBytes);
        if (findings.Count > 0)
        {
            foreach (var finding in findings)
            {
                say($"{finding.PlanStatus}: {finding}");
            }

            var first = findings[0];
            Save(file, PlanTransition.Edit(plan.Path, file.Text, plan.SpecGitHubNumbers(), (updater, p) =>
                updater.RecordStop(p.Find(row.Number)!, first.IsHard, PublishedText.PlanLine(first.Reason), PublishedText.PlanLine(first.Needs))
                    .Concat(updater.SetLastUpdated(options.Today))));
            say($"{row.Number} not submitted: {(first.IsHard ? "needs review" : "skipped")}");
            DemoteOpenPullRequest(branch, baseBranch);
            return findings;
        }

        // A dry run shows what it would do without asking gh anything (gh may be missing or logged out there).
        if (!options.DryRun)
        {
            gh.EnsureAuthenticated();
        }

        git.Push(branch);
        if (options.DryRun)
        {
            say("would run: " + CommandLine.Display("gh", ["pr", "create", "--base", baseBranch.Value, "--head", branch.Value, "--title", title, "--body-file", "<body>"]));
            say("would run: gh pr merge <number> --auto --squash --delete-branch");
            say("PR body:\n" + body);
            return [];
        }

        // Resumable: a PR this branch already has (a create that succeeded and then timed out, a rerun) is reused.
        var earlier = gh.ListByHead(branch.Value).Where(p => p.BaseRefName == baseBranch.Value).ToList();
        var reused = earlier.FirstOrDefault(p => p.IsOpen) ?? earlier.FirstOrDefault(p => p.IsMerged);
        if (reused is null && earlier.FirstOrDefault() is { } closed)
        {
            var reason = $"PR #{closed.Number} from {branch} was closed without merging";
            say("⛔ " + reason);
            Save(file, PlanTransition.Edit(plan.Path, file.Text, plan.SpecGitHubNumbers(), (u, p) =>
                u.RecordStop(p.Find(row.Number)!, hard: true, reason, "reopen it or decide by hand").Concat(u.SetLastUpdated(options.Today))));
            return [new StopFinding(StopKind.Hard, "pr-closed", reason, "reopen it or decide by hand")];
        }

        (int Number, string Url) pr;
        if (reused is not null)
        {
            pr = (reused.Number, reused.Url);
            say($"Reusing PR #{pr.Number}: {pr.Url}");
        }
        else
        {
            var bodyFile = Path.Combine(Path.GetTempPath(), "milestoneplan-pr-" + Guid.NewGuid().ToString("N") + ".md");
            File.WriteAllText(bodyFile, body);
            try
            {
                pr = gh.CreatePullRequest(baseBranch.Value, branch.Value, title, bodyFile);
            }
            finally
            {
                File.Delete(bodyFile);
            }

            say($"Opened PR #{pr.Number}: {pr.Url}");
        }

        var merge = reused is { IsMerged: true } || reused is { AutoMergeEnabled: true } ? null : gh.EnableAutoMerge(pr.Number);
        // gh may merge at once (already mergeable) or refuse; read the PR back and record what really happened.
        var state = gh.View(pr.Number);
        var stateBefore = PlanStatus.Of(Reread(plan, file.Text)).Of(row)!.State;
        PlanTransition transition;
        if (state.IsMerged)
        {
            say($"PR #{pr.Number} merged");
            transition = PlanTransition.Edit(plan.Path, file.Text, plan.SpecGitHubNumbers(), (u, p) => u.MarkDone(p.Find(row.Number)!, stateBefore))
                .MoveCurrentToNext(plan.Path, options.Today);
        }
        else if (merge is { Succeeded: false } && !state.AutoMergeEnabled)
        {
            var reason = "auto-merge could not be enabled: " + merge.Describe();
            say("⛔ " + reason);
            transition = PlanTransition.Edit(plan.Path, file.Text, plan.SpecGitHubNumbers(), (u, p) =>
                OpenPullRequestEntry(u, p, row, stateBefore, pr, state)
                    .Concat(u.RecordStop(p.Find(row.Number)!, hard: true, PublishedText.PlanLine(reason), "enable auto-merge or merge by hand"))
                    .Concat(u.SetLastUpdated(options.Today)));
            findings = [new StopFinding(StopKind.Hard, "auto-merge", reason, "enable auto-merge or merge by hand")];
        }
        else
        {
            say($"PR #{pr.Number} will merge automatically when its checks pass");
            transition = PlanTransition.Edit(plan.Path, file.Text, plan.SpecGitHubNumbers(), (u, p) =>
                OpenPullRequestEntry(u, p, row, stateBefore, pr, state).Concat(u.SetLastUpdated(options.Today)));
        }

        Save(file, transition);
        return findings;
    }

    /// <summary>
    /// A stop after the PR exists (a rerun, a PR opened elsewhere): it must not merge by itself, so it becomes a draft
    /// and loses auto-merge (`gh pr merge --disable-auto`, `gh pr ready --undo`). Without a usable gh the stop is still
    /// recorded, and the output says what could not be checked.
    /// </summary>
    private void DemoteOpenPullRequest(BranchName branch, BranchName baseBranch)
    {
        if (options.DryRun)
        {
            say($"would run: gh pr list --head {branch} --state all, then for an open PR: gh pr merge <number> --disable-auto; gh pr ready <number> --undo");
            return;
        }

        PullRequestInfo? open;
        try
        {
            if (!gh.AuthStatus().IsAuthenticated)
            {
                say($"warning: gh is not authenticated, so an open PR from {branch} could not be looked for; if there is one, turn it into a draft");
                return;
            }

            open = gh.ListByHead(branch.Value).FirstOrDefault(p => p.IsOpen && p.BaseRefName == baseBranch.Value);
        }
        catch (WorkflowException e)
        {
            say($"warning: an open PR from {branch} could not be looked for ({e.Message}); if there is one, turn it into a draft");
            return;
        }

        if (open is null)
        {
            return;
        }

        var number = open.Number.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var disable = gh.TryRun("pr", "merge", number, "--disable-auto");
        var draft = gh.TryRun("pr", "ready", number, "--undo");
        if (!draft.Succeeded)
        {
            throw WorkflowException.Tool($"the stop is recorded, but PR #{number} could not be turned into a draft: {draft.Describe()}");
        }

        say($"PR #{number} is now a draft" + (disable.Succeeded ? " and will not merge automatically" : $" (disabling auto-merge failed: {disable.Describe()})"));
    }

    /// <summary>The Open PRs entry, unless a rerun finds the plan already records this PR: never a second entry.</summary>
    private static IEnumerable<LineEdit> OpenPullRequestEntry(PlanUpdater updater, PlanDocument plan, IssueRow row, IssueState stateBefore,
        (int Number, string Url) pr, PullRequestInfo state) =>
        stateBefore == IssueState.OpenPullRequest
            ? []
            : updater.AddOpenPullRequest(plan.Find(row.Number)!, pr.Number, PublishedText.PlanLine(pr.Url), state.Checks, state.CreatedAt);
}

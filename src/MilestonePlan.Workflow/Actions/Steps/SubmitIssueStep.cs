using MilestonePlan.Core.Editing;
using MilestonePlan.Core.Model;
using MilestonePlan.Core.Planning;
using MilestonePlan.Core.Selection;
using MilestonePlan.Workflow.Editing;
using MilestonePlan.Workflow.GitHub;
using MilestonePlan.Workflow.Publishing;
using MilestonePlan.Workflow.StopConditions;
using MilestonePlan.Workflow.Services;

namespace MilestonePlan.Workflow.Actions.Steps;

/// <summary>SubmitIssue: checks, stop conditions, push, PR, auto-merge; records what really happened in the plan.</summary>
internal sealed class SubmitIssueStep(WorkflowServices services) : WorkflowStep(services)
{
    public IReadOnlyList<StopFinding> Run()
    {
        var plan = ChoosePlan();
        var baseBranch = RequireBranches(plan);
        // Clean first: what is submitted is what is committed, and the record goes to the tracking branch afterwards.
        EnsureCleanRepository();
        var current = Git.CurrentBranch() ?? throw WorkflowException.Tool("HEAD is detached; check out the issue's feature branch");
        var row = plan.Issues.FirstOrDefault(r => RequireFeature(plan, r).Value == current)
            ?? throw WorkflowException.Tool($"'{current}' is not the feature branch of any issue of {plan.Milestone}");
        var branch = RequireFeature(plan, row);

        var specProblem = SpecPath(plan, row) is not { } specPath || !File.Exists(specPath)
            ? $"the spec of {row.Number} is missing"
            : !row.Dependencies.IsReadable ? $"the dependencies of {row.Number} cannot be read" : null;
        var changes = ChangeSetLoader.Load(Git, baseBranch.FullRef, "HEAD");
        var facts = new StopFacts(baseBranch.Value, Git.HasMergeConflict(baseBranch.FullRef, "HEAD"), Services.Checks.Run(), specProblem);
        var findings = StopConditionClassifier.Classify(changes, Options.StopPolicy, facts).ToList();
        var title = PullRequestText.Title(plan, row);
        var body = PullRequestText.Body(plan, row, SpecFor(plan, row), Relative(SpecPath(plan, row) ?? plan.Path));
        // The PR's text is published too: a secret in the spec's criteria or the title is a safety stop like one in the diff.
        if ((SecretScanner.KindOf(title) ?? SecretScanner.Scan(body).Select(s => s.Kind).FirstOrDefault()) is { } leaked)
        {
            findings.Insert(0, new StopFinding(StopKind.Safety, "secret", $"the PR title or body would publish a {leaked}", "remove it from the plan or spec and rotate it"));
        }

        if (findings.Count > 0)
        {
            foreach (var finding in findings)
            {
                Say($"{finding.PlanStatus}: {finding}");
            }

            var first = findings[0];
            Record(plan, baseBranch, $"{row.Number} stopped", (tracked, text) => PlanTransition.Edit(tracked.Path, text, tracked.SpecGitHubNumbers(), (updater, p) =>
                updater.RecordStop(p.Find(row.Number)!, first.IsHard, PublishedText.PlanLine(first.Reason), PublishedText.PlanLine(first.Needs))
                    .Concat(updater.SetLastUpdated(Options.Today))));
            Say($"{row.Number} not submitted: {(first.IsHard ? "needs review" : "skipped")}");
            Report(plan, row, "Submitted", ("State", first.IsHard ? "Stopped" : "Skipped"), ("Reason", first.Reason));
            DemoteOpenPullRequest(branch, baseBranch);
            return findings;
        }

        Gh.EnsureAuthenticated();
        Git.Push(branch);
        // A dry run previews the PR without asking gh about the branch's PRs (gh may be missing or logged out there):
        // the commands are printed by the dry run's GitHub, the body shown here.
        if (Options.DryRun)
        {
            Gh.EnableAutoMerge(Gh.CreatePullRequest(baseBranch.Value, branch.Value, title, body).Number);
            Say("PR body:\n" + body);
            return [];
        }

        // Resumable: a PR this branch already has (a create that succeeded and then timed out, a rerun) is reused.
        var earlier = Gh.ListByHead(branch.Value).Where(p => p.BaseRefName == baseBranch.Value).ToList();
        var known = earlier.FirstOrDefault(p => p.IsOpen) ?? earlier.FirstOrDefault(p => p.IsMerged) ?? earlier.FirstOrDefault();
        var reused = known;
        if (known is { } closed && IssueLifecycle.Of(new IssueFacts { PullRequest = closed }).State == LifecycleState.ClosedUnmerged)
        {
            var reason = $"PR #{closed.Number} from {branch} was closed without merging";
            Say("⛔ " + reason);
            Record(plan, baseBranch, $"{row.Number} stopped", (tracked, text) => PlanTransition.Edit(tracked.Path, text, tracked.SpecGitHubNumbers(), (u, p) =>
                u.RecordStop(p.Find(row.Number)!, hard: true, reason, "reopen it or decide by hand").Concat(u.SetLastUpdated(Options.Today))));
            Report(plan, row, "Submitted", ("State", "Stopped"), ("Reason", reason), ("PullRequest", closed.Number.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("Url", closed.Url));
            return [new StopFinding(StopKind.Hard, "pr-closed", reason, "reopen it or decide by hand")];
        }

        (int Number, string Url) pr;
        if (reused is not null)
        {
            pr = (reused.Number, reused.Url);
            Say($"Reusing PR #{pr.Number}: {pr.Url}");
        }
        else
        {
            pr = Gh.CreatePullRequest(baseBranch.Value, branch.Value, title, body);
            Say($"Opened PR #{pr.Number}: {pr.Url}");
        }

        var merge = reused is { IsMerged: true } || reused is { AutoMergeEnabled: true } ? null : Gh.EnableAutoMerge(pr.Number);
        // gh may merge at once (already mergeable) or refuse; read the PR back and record what really happened.
        var state = Gh.View(pr.Number);
        var step = IssueLifecycle.Of(new IssueFacts { PullRequest = state, AutoMergeRefused = merge is { Succeeded: false } && !state.AutoMergeEnabled });
        Func<PlanDocument, string, PlanTransition> transition;
        if (step.Record.HasFlag(TrackingRecord.Done))
        {
            Say($"PR #{pr.Number} merged");
            transition = (tracked, text) => PlanTransition.Edit(tracked.Path, text, tracked.SpecGitHubNumbers(), (u, p) => u.MarkDone(p.Find(row.Number)!).Concat(u.ClearStops(p.Find(row.Number)!)))
                .MoveCurrentToNext(tracked.Path, Options.Today);
        }
        else if (step.State == LifecycleState.AutoMergeRefused)
        {
            var reason = "auto-merge could not be enabled: " + merge!.Describe();
            Say("⛔ " + reason);
            transition = (tracked, text) => PlanTransition.Edit(tracked.Path, text, tracked.SpecGitHubNumbers(), (u, p) =>
                OpenPullRequestEntry(u, p, row, pr, state)
                    .Concat(u.RecordStop(p.Find(row.Number)!, hard: true, PublishedText.PlanLine(reason), "enable auto-merge or merge by hand"))
                    .Concat(u.SetLastUpdated(Options.Today)));
            findings = [new StopFinding(StopKind.Hard, "auto-merge", reason, "enable auto-merge or merge by hand")];
        }
        else
        {
            Say($"PR #{pr.Number} will merge automatically when its checks pass");
            transition = (tracked, text) => PlanTransition.Edit(tracked.Path, text, tracked.SpecGitHubNumbers(), (u, p) =>
                OpenPullRequestEntry(u, p, row, pr, state).Concat(u.ClearStops(p.Find(row.Number)!)).Concat(u.SetLastUpdated(Options.Today)));
        }

        Record(plan, baseBranch, $"{row.Number}: PR #{pr.Number} {(state.IsMerged ? "merged" : "open")}", transition);
        Report(plan, row, "Submitted", ("State", state.IsMerged ? "Done" : findings.Count > 0 ? "Stopped" : "PrOpen"),
            ("Reason", findings.Count > 0 ? findings[0].Reason : state.IsMerged ? "merged" : "auto-merge enabled; merges when its checks pass"),
            ("PullRequest", pr.Number.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("Url", pr.Url));
        return findings;
    }

    /// <summary>The record of what happened, made on the tracking branch's plan; then back on the feature branch.</summary>
    private void Record(PlanDocument plan, Core.Model.BranchName baseBranch, string summary, Func<PlanDocument, string, PlanTransition> transition) =>
        OnTracking(plan, baseBranch, summary, tracked =>
        {
            var file = PlanFile.Read(RequireInside(tracked.Path), Options.MaxPlanBytes);
            Save(file, transition(tracked, file.Text));
            return true;
        });

    /// <summary>
    /// A stop after the PR exists (a rerun, a PR opened elsewhere): it must not merge by itself, so it becomes a draft
    /// and loses auto-merge (`gh pr merge --disable-auto`, `gh pr ready --undo`). Without a usable gh the stop is still
    /// recorded, and the output says what could not be checked.
    /// </summary>
    private void DemoteOpenPullRequest(BranchName branch, BranchName baseBranch)
    {
        if (Options.DryRun)
        {
            Say($"would run: gh pr list --head {branch} --state all, then for an open PR: "
                + $"{GhCommand.Display(GhCommand.DisableAutoMerge(GhCommand.NumberPlaceholder))}; {GhCommand.Display(GhCommand.MarkDraft(GhCommand.NumberPlaceholder))}");
            return;
        }

        PullRequestInfo? open;
        try
        {
            if (!Gh.AuthStatus().IsAuthenticated)
            {
                Say($"warning: gh is not authenticated, so an open PR from {branch} could not be looked for; if there is one, turn it into a draft");
                return;
            }

            open = Gh.ListByHead(branch.Value).FirstOrDefault(p => p.IsOpen && p.BaseRefName == baseBranch.Value);
        }
        catch (WorkflowException e)
        {
            Say($"warning: an open PR from {branch} could not be looked for ({e.Message}); if there is one, turn it into a draft");
            return;
        }

        if (open is null)
        {
            return;
        }

        var number = open.Number.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var disable = Gh.DisableAutoMerge(open.Number);
        var draft = Gh.MarkDraft(open.Number);
        if (!draft.Succeeded)
        {
            throw WorkflowException.Tool($"the stop is recorded, but PR #{number} could not be turned into a draft: {draft.Describe()}");
        }

        Say($"PR #{number} is now a draft" + (disable.Succeeded ? " and will not merge automatically" : $" (disabling auto-merge failed: {disable.Describe()})"));
    }

    /// <summary>The Open PRs entry (the updater writes none when a rerun finds one already) with what gh reported.</summary>
    private static IEnumerable<LineEdit> OpenPullRequestEntry(PlanUpdater updater, PlanDocument plan, IssueRow row, (int Number, string Url) pr,
        PullRequestInfo state) =>
        updater.AddOpenPullRequest(plan.Find(row.Number)!, pr.Number, PublishedText.PlanLine(pr.Url), state.Checks, state.CreatedAt);
}

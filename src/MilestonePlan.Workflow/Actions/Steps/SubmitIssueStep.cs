using MilestonePlan.Core.Editing;
using MilestonePlan.Core.Model;
using MilestonePlan.Core.Planning;
using MilestonePlan.Core.Selection;
using MilestonePlan.Workflow.Editing;
using MilestonePlan.Workflow.GitHub;
using MilestonePlan.Workflow.Publishing;
using MilestonePlan.Workflow.StopConditions;
using MilestonePlan.Workflow.Services;
using MilestonePlan.Workflow.Tracking;

namespace MilestonePlan.Workflow.Actions.Steps;

/// <summary>SubmitIssue: checks, stop conditions, push, PR, auto-merge; records what really happened in the plan.</summary>
internal sealed class SubmitIssueStep(WorkflowServices services, StepParts parts)
{
    public SubmitIssueStep(WorkflowServices services)
        : this(services, StepParts.Of(services))
    {
    }

    private Settings.WorkflowContext Options => services.Options;

    private Action<string> Say => services.Say;

    private Git.IGit Git => services.Git;

    private GitHub.IGitHub Gh => services.Gh;

    public IReadOnlyList<StopFinding> Run()
    {
        var plan = parts.Plans.Choose();
        var baseBranch = parts.Branches.RequireBranches(plan);
        // Clean first: what is submitted is what is committed, and the record goes to the tracking branch afterwards.
        parts.Repository.EnsureCleanRepository();
        var current = Git.CurrentBranch() ?? throw WorkflowException.Tool("HEAD is detached; check out the issue's feature branch");
        var row = plan.Issues.FirstOrDefault(r => BranchGuard.RequireFeature(plan, r).Value == current)
            ?? throw WorkflowException.Tool($"'{current}' is not the feature branch of any issue of {plan.Milestone}");
        var branch = BranchGuard.RequireFeature(plan, row);

        var specProblem = parts.Branches.SpecPath(plan, row) is not { } specPath || !File.Exists(specPath)
            ? $"the spec of {row.Number} is missing"
            : !row.Dependencies.IsReadable ? $"the dependencies of {row.Number} cannot be read" : null;
        // Checks (and the auto-fix, whose commit joins the branch) before the diff is read: the stop conditions judge
        // what will be pushed, fix included.
        var checks = services.Checks.RunWithFix(Git, AutoFixCommit(plan, row));
        var changes = ChangeSetLoader.Load(Git, baseBranch.FullRef, "HEAD");
        var facts = new StopFacts(baseBranch.Value, Git.HasMergeConflict(baseBranch.FullRef, "HEAD"), checks, specProblem);
        var findings = StopConditionClassifier.Classify(changes, Options.StopPolicy, facts).ToList();
        var title = PullRequestText.Title(plan, row);
        var body = PullRequestText.Body(plan, row, parts.Report.SpecFor(plan, row), Options.Relative(parts.Branches.SpecPath(plan, row) ?? plan.Path));
        // The PR's text is published too: a secret in the spec's criteria or the title is a safety stop like one in the diff.
        if (PublishGuard.SecretKind(title, body) is { } leaked)
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
                    .Concat(updater.SetLastUpdated(Options.Today))).MoveCurrentToNext(tracked.Path, Options.Today));
            Say($"{row.Number} not submitted: {(first.IsHard ? "needs review" : "skipped")}");
            parts.Report.Report(plan, row, "Submitted", ("State", first.IsHard ? "Stopped" : "Skipped"), ("Reason", first.Reason));
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
        var reused = known is null ? null : PullRequestEffects.ForPlan(known);
        if (reused is { IsOpen: false, IsMerged: false } closed)
        {
            // A closed PR is a person's decision: ⛔ with its link, never a second PR behind their back.
            var stop = IssueLifecycle.Of(new IssueFacts { PullRequest = closed });
            return RecordLifecycleStop(plan, baseBranch, row, closed, stop);
        }

        (int Number, string Url) pr;
        if (reused is not null)
        {
            pr = (reused.Number, reused.Url);
            Say($"Reusing PR #{pr.Number}: {pr.Url}");
            if (reused is { IsOpen: true, IsDraft: true })
            {
                // A draft is what an earlier stop left; this submission passed every stop, so it is ready again.
                var ready = Gh.MarkReady(pr.Number);
                if (!ready.Succeeded)
                {
                    throw WorkflowException.Tool($"PR #{pr.Number} is a draft and could not be marked ready for review: {ready.Describe()}");
                }

                reused = reused with { IsDraft = false };
            }
        }
        else
        {
            pr = Gh.CreatePullRequest(baseBranch.Value, branch.Value, title, body);
            Say($"Opened PR #{pr.Number}: {pr.Url}");
        }

        var needsMerge = !(reused is { IsMerged: true } || reused is { AutoMergeEnabled: true });
        // The code-review gate: after the checks passed, before auto-merge (a PR that already merges is past it); the
        // Open PRs entry says ⏳ Pending while it runs, so an interrupted review is found and run again.
        ReviewSummary? reviewed = null;
        if (needsMerge && Options.Review is not null)
        {
            var (reviewStop, summary) = new PendingReview(services, parts).Review(plan, baseBranch, branch, row, pr.Number);
            if (reviewStop is not null)
            {
                return RecordLifecycleStop(plan, baseBranch, row, PullRequestEffects.ForPlan(Gh.View(pr.Number)), reviewStop, summary);
            }

            reviewed = summary;
        }

        var merge = needsMerge ? Gh.EnableAutoMerge(pr.Number) : null;
        // gh may merge at once (already mergeable) or refuse; read the PR back and record what really happened, as the
        // issue lifecycle says (docs/run-milestone.md): merged, waiting for its checks, or a stop with the PR a draft.
        var state = PullRequestEffects.ForPlan(Gh.View(pr.Number));
        var refused = merge is { Succeeded: false } && !state.AutoMergeEnabled;
        var step = IssueLifecycle.Of(new IssueFacts
        {
            PullRequest = state,
            AutoMergeRefused = refused,
            AutoMergeRefusal = refused ? PublishedText.PlanLine(merge!.Describe()) : null,
        });
        if (step.Loop is LoopMove.Stop or LoopMove.Skip)
        {
            return RecordLifecycleStop(plan, baseBranch, row, state, step);
        }

        Func<PlanDocument, string, PlanTransition> transition;
        if (step.Record.HasFlag(TrackingRecord.Done))
        {
            Say($"PR #{pr.Number} merged");
        }
        else
        {
            Say($"PR #{pr.Number} will merge automatically when its checks pass");
        }

        transition = (tracked, text) => PlanTransition.Edit(tracked.Path, text, tracked.SpecGitHubNumbers(), (u, p) =>
            LifecycleRecord.Edits(u, p.Find(row.Number)!, step, state, reviewed).Concat(step.Record.HasFlag(TrackingRecord.Done) ? [] : u.ClearStops(p.Find(row.Number)!))
                .Concat(u.SetLastUpdated(Options.Today))).MoveCurrentToNext(tracked.Path, Options.Today);
        Record(plan, baseBranch, $"{row.Number}: PR #{pr.Number} {(state.IsMerged ? "merged" : "open")}", transition);
        parts.Report.Report(plan, row, "Submitted", ("State", state.IsMerged ? "Done" : "PrOpen"),
            ("Reason", state.IsMerged ? "merged" : "auto-merge enabled; merges when its checks pass"),
            ("PullRequest", pr.Number.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("Url", pr.Url));
        return findings;
    }

    /// <summary>
    /// A stop GitHub's answer makes (auto-merge refused, a conflict, failing checks, the PR closed): the PR made a draft
    /// first (so it cannot merge by itself), then the lifecycle's record, and Current Issue moved on.
    /// </summary>
    /// <param name="review">What a finished review found, for the Code Review line (a review that did not finish leaves ⏳ Pending).</param>
    private IReadOnlyList<StopFinding> RecordLifecycleStop(PlanDocument plan, BranchName baseBranch, IssueRow row, PullRequestInfo pr, LifecycleStep step,
        ReviewSummary? review = null)
    {
        var hard = step.Loop == LoopMove.Stop;
        Say($"{(hard ? "⛔" : "⏭️")} {step.Reason}");
        PullRequestEffects.Apply(Gh, Say, step, pr, Options.DryRun);
        Record(plan, baseBranch, $"{row.Number} {(hard ? "stopped" : "skipped")}", (tracked, text) =>
        {
            PlanTransition Edit(LifecycleStep record) => PlanTransition.Edit(tracked.Path, text, tracked.SpecGitHubNumbers(),
                (u, p) => LifecycleRecord.Edits(u, p.Find(row.Number)!, record, pr, review).Concat(u.SetLastUpdated(Options.Today))).MoveCurrentToNext(tracked.Path, Options.Today);
            try
            {
                return Edit(step);
            }
            catch (EditRefusedException) when (step.ReviewFindings is not null)
            {
                // A reviewer's finding that would not read back in the template's code-review format (its text starts
                // like a Markdown block, say) is refused by the editor: the stop is then written in the standard STOP
                // format, whose reason names the findings, rather than not at all.
                return Edit(step with { ReviewFindings = null });
            }
        });
        parts.Report.Report(plan, row, "Submitted", ("State", hard ? "Stopped" : "Skipped"), ("Reason", step.Reason),
            ("PullRequest", pr.Number.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("Url", pr.Url));
        var code = step.State switch
        {
            LifecycleState.AutoMergeRefused => "auto-merge",
            LifecycleState.ClosedUnmerged => "pr-closed",
            LifecycleState.Conflicted => "conflict",
            LifecycleState.ChecksFailing => "checks",
            _ => step.Rule.StartsWith("code review", StringComparison.Ordinal) ? "review" : step.State.ToString(),
        };
        return [new StopFinding(hard ? StopKind.Hard : StopKind.Soft, code, step.Reason, hard ? step.Needs : "-")];
    }

    /// <summary>The auto-fix's own commit, in the template's format: `style(m{n}): auto-fix`, the issue, `Closes #N`.</summary>
    private static IReadOnlyList<string> AutoFixCommit(PlanDocument plan, IssueRow row)
    {
        var paragraphs = new List<string> { $"style({plan.Milestone}): auto-fix for {row.TitleText}", $"Implements issue {row.Number}: auto-fix run when a check failed" };
        if (row.GitHubNumber is { } gitHub)
        {
            paragraphs.Add($"Closes #{gitHub}");
        }

        return paragraphs;
    }

    /// <summary>The record of what happened, made on the tracking branch's plan; then back on the feature branch.</summary>
    private void Record(PlanDocument plan, BranchName baseBranch, string summary, Func<PlanDocument, string, PlanTransition> transition) =>
        parts.Tracking.Record(plan, baseBranch, summary, transition);

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

        // The stop is recorded already; a PR that cannot be made a draft fails the target, so the person sees it.
        PullRequestEffects.MakeDraft(Gh, Say, open.Number, open.AutoMergeEnabled, open.IsDraft, dryRun: false);
    }
}

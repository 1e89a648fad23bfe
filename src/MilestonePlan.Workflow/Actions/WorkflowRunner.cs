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
using MilestonePlan.Workflow.StopConditions;

namespace MilestonePlan.Workflow.Actions;

/// <summary>
/// The workflow targets' steps. Decisions come from the pure Core (selector, updater, classifier); this class
/// only sequences git, gh and plan writes, checks preconditions before changing anything, and in a dry run
/// prints each change instead of making it. Errors are <see cref="WorkflowException"/> (MP9001/MP9002).
/// </summary>
public sealed class WorkflowRunner
{
    private readonly WorkflowOptions options;
    private readonly IProcessRunner runner;
    private readonly Action<string> say;
    private readonly GitClient git;
    private readonly GhClient gh;

    public WorkflowRunner(WorkflowOptions options, IProcessRunner runner, Action<string> say)
    {
        this.options = options;
        this.runner = runner;
        this.say = say;
        git = new GitClient(runner, options.RepositoryRoot, options.Timeout, options.DryRun ? say : null);
        gh = new GhClient(runner, options.RepositoryRoot, options.Timeout);
    }

    /// <summary>Read-only: the next eligible issue and, for every other open issue, why not.</summary>
    public NextIssueDecision NextIssue()
    {
        var plan = ChoosePlan();
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
        var decision = NextIssueSelector.Select(plan);
        if (decision.Next is not { } row)
        {
            NextIssue();
            return null;
        }

        EnsureCleanRepository();
        var baseBranch = BranchNames.BaseBranch(plan);
        git.Fetch();
        if (!git.LocalBranchExists(baseBranch))
        {
            if (git.RemoteBranchExists(baseBranch))
            {
                git.CreateBranch(baseBranch, "origin/" + baseBranch);
            }
            else
            {
                if (IsProtected(baseBranch))
                {
                    throw WorkflowException.Tool($"the base branch '{baseBranch}' does not exist locally or on origin");
                }

                var start = git.RemoteBranchExists("main") ? "origin/main" : git.LocalBranchExists("main") ? "main"
                    : throw WorkflowException.Tool($"cannot create '{baseBranch}': there is no 'main' branch to start it from");
                say($"Creating base branch {baseBranch} from {start} and pushing it");
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
            row = NextIssueSelector.Select(plan).Next ?? throw WorkflowException.Tool($"no issue of {plan.Milestone} is eligible on {baseBranch}");
        }

        var feature = BranchNames.FeatureBranch(plan, row);
        if (git.LocalBranchExists(feature))
        {
            say($"Feature branch {feature} exists; checking it out to resume");
            git.Checkout(feature);
        }
        else
        {
            git.CheckoutNew(feature, baseBranch);
        }

        var file = PlanFile.Read(plan.Path);
        var transition = PlanTransition.Edit(plan.Path, file.Text, (updater, p) =>
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
        RequireGit();
        var branch = git.CurrentBranch() ?? throw WorkflowException.Tool("HEAD is detached; check out the issue's feature branch");
        var row = plan.Issues.FirstOrDefault(r => BranchNames.FeatureBranch(plan, r) == branch)
            ?? throw WorkflowException.Tool($"'{branch}' is not the feature branch of any issue of {plan.Milestone}");
        var baseBranch = BranchNames.BaseBranch(plan);

        var specProblem = SpecPath(plan, row) is not { } specPath || !File.Exists(specPath)
            ? $"the spec of {row.Number} is missing"
            : !row.Dependencies.IsReadable ? $"the dependencies of {row.Number} cannot be read" : null;
        var changes = ChangeSetLoader.Load(git, baseBranch, "HEAD");
        var facts = new StopFacts(baseBranch, git.HasMergeConflict(baseBranch, "HEAD"), RunChecks(), specProblem);
        var findings = StopConditionClassifier.Classify(changes, options.StopPolicy, facts);
        var file = PlanFile.Read(plan.Path);
        if (findings.Count > 0)
        {
            foreach (var finding in findings)
            {
                say($"{finding.PlanStatus}: {finding}");
            }

            var first = findings[0];
            Save(file, PlanTransition.Edit(plan.Path, file.Text, (updater, p) =>
                updater.RecordStop(p.Find(row.Number)!, first.IsHard, first.Reason, first.Needs).Concat(updater.SetLastUpdated(options.Today))));
            say($"{row.Number} not submitted: {(first.IsHard ? "needs review" : "skipped")}");
            return findings;
        }

        gh.EnsureAuthenticated();
        git.Push(branch);
        var title = PullRequestText.Title(plan, row);
        var body = PullRequestText.Body(plan, row, SpecFor(plan, row), Relative(SpecPath(plan, row) ?? plan.Path));
        if (options.DryRun)
        {
            say("would run: " + CommandLine.Display("gh", ["pr", "create", "--base", baseBranch, "--head", branch, "--title", title, "--body-file", "<body>"]));
            say("would run: gh pr merge <number> --auto --squash --delete-branch");
            say("PR body:\n" + body);
            return [];
        }

        var bodyFile = Path.Combine(Path.GetTempPath(), "milestoneplan-pr-" + Guid.NewGuid().ToString("N") + ".md");
        File.WriteAllText(bodyFile, body);
        (int Number, string Url) pr;
        try
        {
            pr = gh.CreatePullRequest(baseBranch, branch, title, bodyFile);
        }
        finally
        {
            File.Delete(bodyFile);
        }

        say($"Opened PR #{pr.Number}: {pr.Url}");
        var merge = gh.EnableAutoMerge(pr.Number);
        // gh may merge at once (already mergeable) or refuse; read the PR back and record what really happened.
        var state = gh.View(pr.Number);
        var stateBefore = PlanStatus.Of(PlanParser.Parse(plan.Path, file.Text)).Of(row)!.State;
        PlanTransition transition;
        if (state.IsMerged)
        {
            say($"PR #{pr.Number} merged");
            transition = PlanTransition.Edit(plan.Path, file.Text, (u, p) => u.MarkDone(p.Find(row.Number)!, stateBefore))
                .MoveCurrentToNext(plan.Path, options.Today);
        }
        else if (!merge.Succeeded && !state.AutoMergeEnabled)
        {
            var reason = "auto-merge could not be enabled: " + merge.Describe();
            say("⛔ " + reason);
            transition = PlanTransition.Edit(plan.Path, file.Text, (u, p) =>
                u.AddOpenPullRequest(p.Find(row.Number)!, pr.Number, pr.Url)
                    .Concat(u.RecordStop(p.Find(row.Number)!, hard: true, reason, "enable auto-merge or merge by hand"))
                    .Concat(u.SetLastUpdated(options.Today)));
            findings = [new StopFinding(StopKind.Hard, "auto-merge", reason, "enable auto-merge or merge by hand")];
        }
        else
        {
            say($"PR #{pr.Number} will merge automatically when its checks pass");
            transition = PlanTransition.Edit(plan.Path, file.Text, (u, p) =>
                u.AddOpenPullRequest(p.Find(row.Number)!, pr.Number, pr.Url).Concat(u.SetLastUpdated(options.Today)));
        }

        Save(file, transition);
        return findings;
    }

    /// <summary>MP5007 findings of the last <see cref="ReconcileMilestone"/>: where the tracking disagrees with git.</summary>
    public IReadOnlyList<Core.Diagnostics.PlanDiagnostic> Drift { get; private set; } = [];

    /// <summary>Open PRs recorded, merged issues marked done, Current Issue moved on; then MP5007 against git.</summary>
    public PlanTransition ReconcileMilestone()
    {
        var plan = ChoosePlan();
        var baseBranch = BranchNames.BaseBranch(plan);
        gh.EnsureAuthenticated();
        var pullRequests = gh.List(baseBranch);
        var file = PlanFile.Read(plan.Path);
        var transition = Reconciler.Reconcile(plan.Path, file.Text, pullRequests, options.Today);
        Save(file, transition);
        say($"{plan.Milestone}: {pullRequests.Count} PR(s) on {baseBranch}; {transition.Changes.Count} change(s) to the plan");
        if (git.IsInsideWorkTree())
        {
            Drift = Workflow.Drift.GitDriftCheck.Check(PlanParser.Parse(plan.Path, options.DryRun ? transition.After : File.ReadAllText(plan.Path)), git);
        }

        return transition;
    }

    /// <summary>
    /// Every issue done and the completion checklist ticked: open the base → main PR; once it is merged, tag
    /// `v0.{n}.0` on main and set Status Complete. The only step that targets main, by design.
    /// </summary>
    public string CompleteMilestone()
    {
        var plan = ChoosePlan();
        var status = PlanStatus.Of(plan);
        var open = status.Issues.Where(i => !i.IsDone).Select(i => i.Row.Number.ToString()).ToList();
        if (open.Count > 0 || status.Issues.Count == 0)
        {
            throw new WorkflowException(Core.Diagnostics.Rules.MP9003,
                $"{plan.Milestone} cannot be completed: {(open.Count > 0 ? string.Join(", ", open) + " not done" : "it has no issues")}");
        }

        var unticked = plan.CompletionChecklist.Where(c => c.Checked == false).Select(c => c.Line.Text).ToList();
        if (unticked.Count > 0)
        {
            throw new WorkflowException(Core.Diagnostics.Rules.MP9003,
                $"{plan.Milestone} cannot be completed: the completion checklist has {unticked.Count} unticked item(s): {string.Join("; ", unticked.Take(5))}");
        }

        RequireGit();
        var baseBranch = BranchNames.BaseBranch(plan);
        var number = plan.Milestone?.Number ?? "0";
        var tag = number.Contains('.') ? $"v0.{number}" : $"v0.{number}.0";
        var title = $"M{number} Milestone: {plan.DisplayTitle}";
        git.Fetch();
        var merged = IsProtected(baseBranch) || (git.RemoteBranchExists(baseBranch) && git.IsAncestor("origin/" + baseBranch, "origin/main"));
        if (!merged)
        {
            gh.EnsureAuthenticated();
            var existing = gh.List("main").FirstOrDefault(p => p.IsOpen && p.HeadRefName == baseBranch);
            if (existing is not null)
            {
                say($"PR #{existing.Number} ({baseBranch} → main) is open; run CompleteMilestone again once it is merged to tag {tag}");
                return tag;
            }

            var body = $"# {title}\n\nCompletes all {plan.Milestone} issues.\n\n## Issues Completed\n\n"
                + string.Concat(plan.Issues.Select(r => $"- {r.Number} {r.TitleText}{(r.GitHubNumber is { } gh ? $" (closes #{gh})" : string.Empty)}\n"));
            if (options.DryRun)
            {
                say("would run: " + CommandLine.Display("gh", ["pr", "create", "--base", "main", "--head", baseBranch, "--title", title, "--body-file", "<body>"]));
                return tag;
            }

            var bodyFile = Path.Combine(Path.GetTempPath(), "milestoneplan-milestone-" + Guid.NewGuid().ToString("N") + ".md");
            File.WriteAllText(bodyFile, body);
            try
            {
                var pr = gh.CreatePullRequest("main", baseBranch, title, bodyFile);
                say($"Opened PR #{pr.Number} ({baseBranch} → main): {pr.Url}; run CompleteMilestone again once it is merged to tag {tag}");
            }
            finally
            {
                File.Delete(bodyFile);
            }

            return tag;
        }

        if (git.RemoteTagExists(tag))
        {
            say($"{tag} already exists on origin");
        }
        else
        {
            git.CreateTag(tag, git.RemoteBranchExists("main") ? "origin/main" : "main", $"M{number}: {plan.DisplayTitle}");
            git.PushTag(tag);
            say($"Tagged {tag} and pushed it");
        }

        var file = PlanFile.Read(plan.Path);
        Save(file, PlanTransition.Edit(plan.Path, file.Text, (u, _) => u.SetStatus("Complete").Concat(u.SetLastUpdated(options.Today))));
        return tag;
    }

    /// <summary>
    /// A GitHub issue for every spec that has none (`gh issue create` with the spec's title, labels and text), its
    /// number written back into the spec's front matter and the plan's GitHub # column at once, so a spec is never
    /// pushed twice. A number the plan already has is copied into the spec without calling gh.
    /// </summary>
    public IReadOnlyList<(IssueRow Row, int Number)> PushIssues()
    {
        var plan = ChoosePlan();
        var pushed = new List<(IssueRow, int)>();
        var authenticated = false;
        foreach (var row in plan.Issues)
        {
            if (SpecPath(plan, row) is not { } path || !File.Exists(path))
            {
                say($"{row.Number}: no spec file; skipped");
                continue;
            }

            var specFile = PlanFile.Read(path);
            var spec = SpecParser.Parse(path, specFile.Text);
            if (spec.Get("github_issue") is { IsEmpty: false } written)
            {
                say($"{row.Number}: already GitHub #{written.Scalar}");
                continue;
            }

            int number;
            if (row.GitHubNumber is { } known)
            {
                number = known;
            }
            else
            {
                var labels = spec.Get("labels")?.Items ?? [];
                if (options.DryRun)
                {
                    say("would run: " + CommandLine.Display("gh", ["issue", "create", "--title", row.TitleText, "--body-file", Relative(path),
                        .. labels.SelectMany(l => new[] { "--label", l })]));
                    continue;
                }

                if (!authenticated)
                {
                    gh.EnsureAuthenticated();
                    authenticated = true;
                }

                var body = Path.Combine(Path.GetTempPath(), "milestoneplan-issue-" + Guid.NewGuid().ToString("N") + ".md");
                File.WriteAllText(body, SpecBody(specFile.Text));
                try
                {
                    number = gh.CreateIssue(row.TitleText, body, labels);
                }
                finally
                {
                    File.Delete(body);
                }

                say($"{row.Number}: created GitHub issue #{number}");
                pushed.Add((row, number));
            }

            var specLines = TextLines.Split(specFile.Text);
            Save(specFile, new PlanTransition(specFile.Text, specLines.Apply(SpecUpdater.SetGitHubIssue(spec, specLines, number)), [$"github_issue → {number}"]));
            if (row.GitHubNumber is null && row.GitHubCell is not null)
            {
                var planFile = PlanFile.Read(plan.Path);
                var current = PlanParser.Parse(plan.Path, planFile.Text).Find(row.Number)!;
                var planLines = TextLines.Split(planFile.Text);
                Save(planFile, new PlanTransition(planFile.Text, planLines.Apply(SpecUpdater.SetGitHubCell(current, planLines, number)), [$"{row.Number}: GitHub #{number}"]));
            }
        }

        return pushed;
    }

    /// <summary>The spec without its front matter: the issue's text on GitHub.</summary>
    private static string SpecBody(string text)
    {
        var lines = text.Split('\n');
        if (lines.Length > 0 && lines[0].TrimEnd('\r') == "---")
        {
            var close = Array.FindIndex(lines, 1, l => l.TrimEnd('\r') == "---");
            if (close > 0)
            {
                return string.Join("\n", lines.Skip(close + 1)).TrimStart('\r', '\n');
            }
        }

        return text;
    }

    /// <summary>Scaffolds `m{n}/IMPLEMENTATION_PLAN.md` from the template and the spec files already in the folder.</summary>
    public string NewMilestonePlan()
    {
        if (MilestoneId.Parse(options.Milestone) is not { } milestone)
        {
            throw WorkflowException.Tool("NewMilestonePlan needs the milestone: -p:Milestone=m3");
        }

        var docs = Path.GetFullPath(Path.Combine(options.RepositoryRoot, options.DocsRoot));
        var folder = (Directory.Exists(docs) ? Directory.GetDirectories(docs, "*", SearchOption.AllDirectories) : [])
            .FirstOrDefault(d => MilestoneId.Parse(Path.GetFileName(d)) == milestone && Path.GetFileName(d).Length == milestone.Value.Length)
            ?? Path.Combine(docs, milestone.Value);
        var planPath = Path.Combine(folder, PlanDiscovery.PlanFileName);
        if (File.Exists(planPath))
        {
            throw WorkflowException.Write($"{Relative(planPath)} already exists; nothing was written");
        }

        var ignored = new HashSet<string>(ValidationOptions.DefaultNonSpecFileNames, StringComparer.OrdinalIgnoreCase);
        var markdown = Directory.Exists(folder) ? Directory.GetFiles(folder, "*.md") : [];
        var specs = markdown.Where(f => !ignored.Contains(Path.GetFileName(f)))
            .Select(f => new ScaffoldSpec(Path.GetFileName(f), SpecParser.Parse(f, File.ReadAllText(f))))
            .ToList();
        var epic = markdown.FirstOrDefault(f => Path.GetFileName(f) is "00-epic.md" or "_milestone.md");
        var title = epic is null ? null : MilestoneTitle(SpecParser.Parse(epic, File.ReadAllText(epic)), milestone);
        var text = PlanScaffold.Create(milestone, Relative(folder), title, specs);
        if (options.DryRun)
        {
            say($"would write {Relative(planPath)} ({specs.Count} spec(s)):\n{text}");
            return text;
        }

        Directory.CreateDirectory(folder);
        using (var stream = new FileStream(planPath, FileMode.CreateNew, FileAccess.Write))
        using (var writer = new StreamWriter(stream, new System.Text.UTF8Encoding(false)))
        {
            writer.Write(text);
        }

        say($"Wrote {Relative(planPath)} with {specs.Count} issue(s)");
        return text;
    }

    private static string? MilestoneTitle(IssueSpec epic, MilestoneId milestone)
    {
        var title = epic.Get("title")?.Scalar ?? epic.Title?.Text;
        if (string.IsNullOrWhiteSpace(title))
        {
            return null;
        }

        var colon = title!.IndexOf(':');
        return colon > 0 && MilestoneId.Parse(title.Substring(0, colon)) == milestone ? title.Substring(colon + 1).Trim() : title.Trim();
    }

    /// <summary>The safe automatic fixes (Total Issues, Completed Issues lines, Status) on every plan, or the chosen one.</summary>
    public int FixMilestonePlans()
    {
        var plans = string.IsNullOrWhiteSpace(options.Milestone) ? Validate().Plans : [ChoosePlan()];
        var changed = 0;
        foreach (var plan in plans)
        {
            var file = PlanFile.Read(plan.Path);
            var transition = PlanFixer.Fix(plan.Path, file.Text);
            Save(file, transition);
            changed += transition.HasChanges ? 1 : 0;
        }

        say($"{changed} of {plans.Count} plan(s) {(options.DryRun ? "would be" : "were")} fixed");
        return changed;
    }

    /// <summary>A summary per milestone, and a Mermaid dependency graph beside each plan.</summary>
    public IReadOnlyList<MilestoneSummary> MilestoneStatus()
    {
        var plans = Validate().Plans;
        var chosen = string.IsNullOrWhiteSpace(options.Milestone) ? plans : [ChoosePlan()];
        var summaries = chosen.Select(MilestoneSummary.Of).ToList();
        foreach (var summary in summaries)
        {
            say(summary.Render().TrimEnd());
            var graph = Path.Combine(summary.Plan.FolderPath, MilestoneSummary.GraphFileName);
            var text = $"# {summary.Plan.Milestone} dependency graph\n\nGenerated by `dotnet msbuild -t:MilestoneStatus`.\n\n{summary.Mermaid()}";
            if (options.DryRun)
            {
                say($"would write {Relative(graph)}");
            }
            else if (!File.Exists(graph) || File.ReadAllText(graph) != text)
            {
                File.WriteAllText(graph, text);
            }
        }

        return summaries;
    }

    private PlanDocument ChoosePlan()
    {
        var choice = MilestoneChoice.Choose(Validate().Plans, options.Milestone);
        return choice.Plan ?? throw WorkflowException.Tool(choice.Error!);
    }

    private ValidationResult Validate() => RepositoryValidator.Validate(DiskFileSystem.Instance,
        new ValidationOptions { RepositoryRoot = options.RepositoryRoot, DocsRoot = options.DocsRoot });

    private void RequireGit()
    {
        var version = runner.Run("git", ["--version"], options.RepositoryRoot, options.Timeout);
        if (!version.Succeeded)
        {
            throw WorkflowException.Tool(version.NotFound ? "git was not found on PATH" : version.Describe());
        }

        if (!git.IsInsideWorkTree())
        {
            throw WorkflowException.Tool($"{options.RepositoryRoot} is not inside a git work tree");
        }
    }

    private void EnsureCleanRepository()
    {
        RequireGit();
        if (git.CurrentBranch() is null)
        {
            throw WorkflowException.Tool("HEAD is detached; check out a branch first (nothing was changed)");
        }

        var changes = git.Changes();
        if (changes.Count > 0)
        {
            throw WorkflowException.Tool("the work tree has uncommitted changes; commit or stash them first (nothing was changed):\n  "
                + string.Join("\n  ", changes.Take(10)));
        }

        if (!git.HasRemote("origin"))
        {
            throw WorkflowException.Tool("the repository has no 'origin' remote (nothing was changed)");
        }
    }

    /// <summary>Runs each check (one command per line, split on spaces, no shell); the first failure is the reason.</summary>
    private string? RunChecks()
    {
        foreach (var command in options.CheckCommand.Split(['\n'], StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = command.Trim().Split([' '], StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length == 0 || parts[0] is "none" or "false")
            {
                continue;
            }

            if (options.DryRun)
            {
                say("would run: " + CommandLine.Display(parts[0], parts.Skip(1)));
                continue;
            }

            say("Running checks: " + CommandLine.Display(parts[0], parts.Skip(1)));
            var result = runner.Run(parts[0], parts.Skip(1).ToList(), options.RepositoryRoot, TimeSpan.FromMinutes(30));
            if (!result.Succeeded)
            {
                return result.Describe().Split('\n')[0];
            }
        }

        return null;
    }

    private void Save(PlanFile file, PlanTransition transition)
    {
        if (!transition.HasChanges)
        {
            return;
        }

        foreach (var change in transition.Changes)
        {
            say((options.DryRun ? "would edit " : "edit ") + $"{Relative(file.Path)} {change}");
        }

        if (!options.DryRun)
        {
            file.Write(transition.After);
        }
    }

    private bool IsProtected(string branch) => options.StopPolicy.ProtectedBranches.Contains(branch, StringComparer.OrdinalIgnoreCase);

    private static string? SpecPath(PlanDocument plan, IssueRow row) =>
        row.FileName is { } name ? Path.GetFullPath(Path.Combine(plan.FolderPath, name)) : null;

    private static IssueSpec? SpecFor(PlanDocument plan, IssueRow row) =>
        SpecPath(plan, row) is { } path && File.Exists(path) ? SpecParser.Parse(path, File.ReadAllText(path)) : null;

    private string Relative(string path)
    {
        var root = Path.GetFullPath(options.RepositoryRoot).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        return path.StartsWith(root, StringComparison.Ordinal) ? path.Substring(root.Length).Replace('\\', '/') : path;
    }
}

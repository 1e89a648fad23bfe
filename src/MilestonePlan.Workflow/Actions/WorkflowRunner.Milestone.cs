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

/// <summary>The per-milestone targets: ReconcileMilestone, CompleteMilestone, PushIssues, NewMilestonePlan, FixMilestonePlans, MilestoneStatus.</summary>
public sealed partial class WorkflowRunner
{
    /// <summary>MP5007 findings of the last <see cref="ReconcileMilestone"/>: where the tracking disagrees with git.</summary>
    public IReadOnlyList<Core.Diagnostics.PlanDiagnostic> Drift { get; private set; } = [];

    /// <summary>Open PRs recorded, merged issues marked done, Current Issue moved on; then MP5007 against git.</summary>
    public PlanTransition ReconcileMilestone()
    {
        var plan = ChoosePlan();
        var baseBranch = RequireBranches(plan);
        gh.EnsureAuthenticated();
        var pullRequests = gh.List(baseBranch.Value);
        var file = PlanFile.Read(RequireInside(plan.Path), options.MaxPlanBytes);
        var transition = Reconciler.Reconcile(plan.Path, file.Text, pullRequests, options.Today, plan.SpecGitHubNumbers());
        Save(file, transition);
        say($"{plan.Milestone}: {pullRequests.Count} PR(s) on {baseBranch}; {transition.Changes.Count} change(s) to the plan");
        if (git.IsInsideWorkTree())
        {
            Drift = Workflow.Drift.GitDriftCheck.Check(Reread(plan, options.DryRun ? transition.After : PlanFile.Read(plan.Path, options.MaxPlanBytes).Text), git);
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
        var baseBranch = RequireBranches(plan);
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
        var number = plan.Milestone?.Number ?? "0";
        var tag = number.Contains('.') ? $"v0.{number}" : $"v0.{number}.0";
        var title = $"M{number} Milestone: {plan.DisplayTitle}";
        git.Fetch();
        var main = BranchNames.DefaultBase;
        var merged = IsProtected(baseBranch) || (git.RemoteBranchExists(baseBranch) && git.IsAncestor(GitClient.RemoteTracking(baseBranch), GitClient.RemoteTracking(main)));
        if (!merged)
        {
            gh.EnsureAuthenticated();
            var existing = gh.List(main.Value).FirstOrDefault(p => p.IsOpen && p.HeadRefName == baseBranch.Value);
            if (existing is not null)
            {
                say($"PR #{existing.Number} ({baseBranch} → main) is open; run CompleteMilestone again once it is merged to tag {tag}");
                return tag;
            }

            var body = $"# {title}\n\nCompletes all {plan.Milestone} issues.\n\n## Issues Completed\n\n"
                + string.Concat(plan.Issues.Select(r => $"- {r.Number} {r.TitleText}{(r.GitHubNumber is { } gh ? $" (closes #{gh})" : string.Empty)}\n"));
            if (options.DryRun)
            {
                say("would run: " + CommandLine.Display("gh", ["pr", "create", "--base", main.Value, "--head", baseBranch.Value, "--title", title, "--body-file", "<body>"]));
                return tag;
            }

            var bodyFile = Path.Combine(Path.GetTempPath(), "milestoneplan-milestone-" + Guid.NewGuid().ToString("N") + ".md");
            File.WriteAllText(bodyFile, body);
            try
            {
                var pr = gh.CreatePullRequest(main.Value, baseBranch.Value, title, bodyFile);
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
            git.CreateTag(tag, git.RemoteBranchExists(main) ? GitClient.RemoteTracking(main) : main.FullRef, $"M{number}: {plan.DisplayTitle}");
            git.PushTag(tag);
            say($"Tagged {tag} and pushed it");
        }

        var file = PlanFile.Read(RequireInside(plan.Path), options.MaxPlanBytes);
        Save(file, PlanTransition.Edit(plan.Path, file.Text, plan.SpecGitHubNumbers(), (u, _) => u.SetStatus("Complete").Concat(u.SetLastUpdated(options.Today))));
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
        RequireBranches(plan);
        var pushed = new List<(IssueRow, int)>();
        var refused = new List<string>();
        IReadOnlyList<(int Number, string Body)>? earlier = null;
        foreach (var row in plan.Issues)
        {
            if (SpecPath(plan, row) is not { } path || !File.Exists(path))
            {
                say($"{row.Number}: no spec file; skipped");
                continue;
            }

            var specFile = PlanFile.Read(path, options.MaxSpecBytes);
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
                var issueBody = SpecBody(specFile.Text);
                // Published text is scanned like a diff: a spec holding a secret is never sent to GitHub.
                if ((SecretScanner.KindOf(row.TitleText) is { } inTitle ? [(inTitle, 0)] : SecretScanner.Scan(issueBody)) is { Count: > 0 } secrets)
                {
                    refused.Add($"{Relative(path)}: {string.Join(", ", secrets.Select(s => s.Line > 0 ? $"a {s.Kind} on line {s.Line} of the body" : $"a {s.Kind} in the title"))}");
                    say($"{row.Number}: not published: {refused[refused.Count - 1]}");
                    continue;
                }

                var marker = IssueMarker(path);
                var labels = spec.Get("labels")?.Items ?? [];
                if (options.DryRun)
                {
                    say("would run: " + CommandLine.Display("gh", ["issue", "create", "--title", row.TitleText, "--body-file", Relative(path),
                        .. labels.SelectMany(l => new[] { "--label", l })]));
                    continue;
                }

                if (earlier is null)
                {
                    gh.EnsureAuthenticated();
                    earlier = gh.ListIssues();
                }

                // Resumable: an issue an interrupted run created carries this spec's marker; it is taken, not created again.
                if (earlier.FirstOrDefault(i => i.Body.Contains(marker)) is { Number: > 0 } found)
                {
                    number = found.Number;
                    say($"{row.Number}: GitHub issue #{number} was created by an earlier run; recording it");
                }
                else
                {
                    var body = Path.Combine(Path.GetTempPath(), "milestoneplan-issue-" + Guid.NewGuid().ToString("N") + ".md");
                    File.WriteAllText(body, issueBody.TrimEnd() + "\n\n" + marker + "\n");
                    try
                    {
                        number = gh.CreateIssue(row.TitleText, body, labels);
                    }
                    finally
                    {
                        File.Delete(body);
                    }

                    say($"{row.Number}: created GitHub issue #{number}");
                }

                pushed.Add((row, number));
            }

            // Written back at once, spec then plan, before the next spec is pushed.
            var specLines = TextLines.Split(specFile.Text);
            Save(specFile, new PlanTransition(specFile.Text, specLines.Apply(SpecUpdater.SetGitHubIssue(spec, specLines, number)), [$"github_issue → {number}"]));
            if (row.GitHubNumber is null && row.GitHubCell is not null)
            {
                var planFile = PlanFile.Read(RequireInside(plan.Path), options.MaxPlanBytes);
                var current = PlanParser.Parse(plan.Path, planFile.Text).Find(row.Number)!;
                var planLines = TextLines.Split(planFile.Text);
                Save(planFile, new PlanTransition(planFile.Text, planLines.Apply(SpecUpdater.SetGitHubCell(current, planLines, number)), [$"{row.Number}: GitHub #{number}"]));
            }
        }

        if (refused.Count > 0)
        {
            throw WorkflowException.Tool($"{refused.Count} spec(s) hold a secret and were not published: {string.Join("; ", refused)}");
        }

        return pushed;
    }

    /// <summary>An HTML comment (invisible on GitHub) naming the spec: how a rerun recognises the issue an earlier run created.</summary>
    private string IssueMarker(string specPath) => $"<!-- milestoneplan-spec: {Relative(specPath).Replace("--", "- -")} -->";

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
        var planPath = RequireInside(Path.Combine(RequireInside(folder), PlanDiscovery.PlanFileName));
        if (File.Exists(planPath))
        {
            throw WorkflowException.Write($"{Relative(planPath)} already exists; nothing was written");
        }

        var ignored = new HashSet<string>(ValidationOptions.DefaultNonSpecFileNames, StringComparer.OrdinalIgnoreCase);
        // Specs are read as the build reads them: regular files inside the repository, under the size cap.
        var markdown = (Directory.Exists(folder) ? Directory.GetFiles(folder, "*.md") : [])
            .Select(f => (Path: f, File: RepositoryPath.Check(DiskFileSystem.Instance, options.RepositoryRoot, f) is null
                ? DiskFileSystem.Instance.Read(f, options.MaxSpecBytes) : FileText.Missing))
            .Where(f => f.File.Text is not null)
            .ToList();
        var specs = markdown.Where(f => !ignored.Contains(Path.GetFileName(f.Path)))
            .Select(f => new ScaffoldSpec(Path.GetFileName(f.Path), SpecParser.Parse(f.Path, f.File.Text!)))
            .ToList();
        var epic = markdown.FirstOrDefault(f => Path.GetFileName(f.Path) is "00-epic.md" or "_milestone.md");
        var title = epic.Path is null ? null : MilestoneTitle(SpecParser.Parse(epic.Path, epic.File.Text!), milestone);
        var text = PlanScaffold.Create(milestone, Relative(folder), title, specs);
        if (options.DryRun)
        {
            say($"would write {Relative(planPath)} ({specs.Count} spec(s)):\n{text}");
            return text;
        }

        Directory.CreateDirectory(folder);
        PlanFile.Create(RequireInside(planPath), text);

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
            var file = PlanFile.Read(RequireInside(plan.Path), options.MaxPlanBytes);
            var transition = PlanFixer.Fix(plan.Path, file.Text, File.Exists(Path.Combine(plan.FolderPath, Core.Analysis.TotalIssues.EpicSpecFileName)));
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
            else if (!File.Exists(RequireInside(graph)))
            {
                PlanFile.Create(graph, text);
            }
            else if (PlanFile.Read(graph, options.MaxPlanBytes) is var existing && existing.Text != text)
            {
                // Atomic, never through a symbolic link, and only when something changed.
                existing.Write(text);
            }
        }

        return summaries;
    }
}

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
}

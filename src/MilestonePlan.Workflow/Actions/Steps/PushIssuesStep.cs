using MilestonePlan.Core.Editing;
using MilestonePlan.Core.Model;
using MilestonePlan.Core.Parsing;
using MilestonePlan.Core.Planning;
using MilestonePlan.Workflow.Editing;
using MilestonePlan.Workflow.GitHub;
using MilestonePlan.Workflow.Publishing;
using MilestonePlan.Workflow.Services;
using MilestonePlan.Workflow.StopConditions;

namespace MilestonePlan.Workflow.Actions.Steps;

/// <summary>PushIssues: a GitHub issue for every spec that has none, its number written back at once; never twice.</summary>
internal sealed class PushIssuesStep(Settings.WorkflowContext options, Action<string> say, IPlanStore store, IGitHub gh,
    PlanChoice plans, BranchGuard branches, TrackingRecorder tracking, IssueReport report)
{
    public PushIssuesStep(WorkflowServices services)
        : this(services, StepParts.Of(services))
    {
    }

    private PushIssuesStep(WorkflowServices services, StepParts parts)
        : this(services.Options, services.Say, services.Plans, services.Gh, parts.Plans, parts.Branches, parts.Tracking, parts.Report)
    {
    }

    /// <summary>
    /// A GitHub issue for every spec that has none (`gh issue create` with the spec's title, labels and text), its
    /// number written back into the spec's front matter and the plan's GitHub # column at once, so a spec is never
    /// pushed twice. A number the plan already has is copied into the spec without calling gh.
    /// </summary>
    public IReadOnlyList<(IssueRow Row, int Number)> Run()
    {
        var chosen = plans.Choose();
        // The numbers are written on the tracking branch (specs and plan) and reach the base through its PR.
        var (pushed, refused) = tracking.OnTracking(chosen, branches.RequireBranches(chosen), "GitHub issue numbers written back", Push);
        if (refused.Count > 0)
        {
            throw WorkflowException.Tool($"{refused.Count} spec(s) hold a secret and were not published: {string.Join("; ", refused)}");
        }

        return pushed;
    }

    private (List<(IssueRow Row, int Number)> Pushed, List<string> Refused) Push(PlanDocument plan)
    {
        var pushed = new List<(IssueRow, int)>();
        var refused = new List<string>();
        IReadOnlyList<(int Number, string Body)>? earlier = null;
        foreach (var row in plan.Issues)
        {
            if (branches.SpecPath(plan, row) is not { } path || !File.Exists(path))
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
                    refused.Add($"{options.Relative(path)}: {string.Join(", ", secrets.Select(s => s.Line > 0 ? $"a {s.Kind} on line {s.Line} of the body" : $"a {s.Kind} in the title"))}");
                    say($"{row.Number}: not published: {refused[refused.Count - 1]}");
                    continue;
                }

                // The number must be writable into the spec before an issue is created for it: a spec whose front matter
                // cannot be edited so that it reads back is refused now (MP9002), not after GitHub holds an issue the
                // spec does not record.
                SpecUpdater.SetGitHubIssue(path, specFile.Text, int.MaxValue);
                var marker = IssueMarker(path);
                var labels = spec.Get("labels")?.Items ?? [];
                // A dry run does not ask GitHub which issues an earlier run created (gh may be missing or logged out
                // there), and has no number to write back: it shows the create (printed by the dry run's GitHub) only.
                if (options.DryRun)
                {
                    gh.CreateIssue(row.TitleText, issueBody.TrimEnd() + "\n\n" + marker + "\n", labels);
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
                    number = gh.CreateIssue(row.TitleText, issueBody.TrimEnd() + "\n\n" + marker + "\n", labels);

                    say($"{row.Number}: created GitHub issue #{number}");
                }

                pushed.Add((row, number));
                report.Report(plan, row, "GitHubIssue", ("GitHubIssue", number.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            }

            // Written back at once, spec then plan, before the next spec is pushed.
            store.Save(specFile, new PlanTransition(specFile.Text, SpecUpdater.SetGitHubIssue(path, specFile.Text, number), [$"github_issue → {number}"]));
            if (row.GitHubNumber is null && row.GitHubCell is not null)
            {
                var planFile = PlanFile.Read(branches.RequireInside(plan.Path), options.MaxPlanBytes);
                var current = PlanParser.Parse(plan.Path, planFile.Text).Find(row.Number)!;
                store.Save(planFile, PlanTransition.Edit(plan.Path, planFile.Text, (updater, _) => updater.SetGitHubCell(current, number)));
            }
        }

        return (pushed, refused);
    }

    /// <summary>An HTML comment (invisible on GitHub) naming the spec: how a rerun recognises the issue an earlier run created.</summary>
    private string IssueMarker(string specPath) => $"<!-- milestoneplan-spec: {options.Relative(specPath).Replace("--", "- -")} -->";

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
}

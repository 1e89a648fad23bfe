using System.Globalization;
using System.Text.RegularExpressions;
using MilestonePlan.Core.Analysis;
using MilestonePlan.Core.Model;
using MilestonePlan.Core.Parsing;
using MilestonePlan.Workflow.Editing;
using MilestonePlan.Workflow.GitHub;
using MilestonePlan.Workflow.Publishing;

namespace MilestonePlan.Workflow.Actions.Steps;

/// <summary>
/// CompleteMilestone after the merge, on GitHub: the milestone closed and the epic issue commented and closed. Each
/// change is made only when GitHub does not show it done already (a closed milestone, a closed epic, a comment with
/// <see cref="Marker"/>), so a second run after the merge changes nothing. What cannot be found (no milestone of that
/// title, no epic number) is said, not failed: the tag and the plan's Status do not depend on it.
/// </summary>
internal sealed class MilestoneClosing(Settings.WorkflowContext options, Action<string> say, IGitHub gh)
{
    /// <summary>The milestone's title on GitHub as the template's `gh milestone close "M{n} - {Milestone Title}"` names it.</summary>
    public static string DefaultTitle(string number, PlanDocument plan) => $"M{number} - {plan.DisplayTitle}";

    /// <summary>Invisible in the rendered comment; how a rerun knows the epic was already told.</summary>
    public static string Marker(PlanDocument plan) => $"<!-- milestoneplan:complete {plan.Milestone} -->";

    public void CloseMilestone(string number, PlanDocument plan)
    {
        var wanted = options.GitHubMilestone ?? DefaultTitle(number, plan);
        var milestones = gh.ListMilestones();
        var found = int.TryParse(wanted, NumberStyles.None, CultureInfo.InvariantCulture, out var byNumber)
            ? milestones.FirstOrDefault(m => m.Number == byNumber)
            : milestones.FirstOrDefault(m => string.Equals(m.Title.Trim(), wanted.Trim(), StringComparison.Ordinal));
        var shown = PublishedText.PlanLine(wanted, 120);
        if (found is null)
        {
            say($"No GitHub milestone \"{shown}\"; none closed (set MilestonePlanGitHubMilestone to its title or number)");
        }
        else if (!found.IsOpen)
        {
            say($"GitHub milestone #{found.Number} \"{shown}\" is already closed");
        }
        else
        {
            gh.CloseMilestone(found.Number);
            say($"Closed GitHub milestone #{found.Number} \"{shown}\"");
        }
    }

    public void CloseEpic(PlanDocument plan, string tag, string baseBranch)
    {
        if (EpicNumber(plan) is not { } epic)
        {
            say("No epic issue number (the plan's Epic Issue field or 00-epic.md github_issue); no epic to close");
            return;
        }

        var status = gh.Issue(epic);
        if (!status.IsOpen)
        {
            say($"Epic #{epic} is already closed");
            return;
        }

        var marker = Marker(plan);
        if (!status.CommentBodies.Any(b => b.Contains(marker)))
        {
            gh.CommentOnIssue(epic, $"{plan.Milestone} is complete: `{baseBranch}` is merged into `main` and tagged `{tag}`.\n\n{marker}\n");
            say($"Commented on epic #{epic}");
        }

        gh.CloseIssue(epic);
        say($"Closed epic #{epic}");
    }

    /// <summary>The `00-epic.md` beside the plan, parsed, with its text; nulls when there is none.</summary>
    public (IssueSpec? Spec, string? Text) EpicSpec(PlanDocument plan)
    {
        var path = Path.Combine(Path.GetDirectoryName(plan.Path) ?? string.Empty, TotalIssues.EpicSpecFileName);
        if (!File.Exists(path))
        {
            return (null, null);
        }

        var text = PlanFile.Read(path, options.MaxSpecBytes).Text;
        return (SpecParser.Parse(path, text), text);
    }

    /// <summary>
    /// The epic's GitHub number: `github_issue` of the `00-epic.md` beside the plan (PushIssues writes it), else a
    /// `#N` or an issue URL in the Epic Issue field. Plan text: only a number is taken from it.
    /// </summary>
    private int? EpicNumber(PlanDocument plan)
    {
        if (EpicSpec(plan).Spec?.Get("github_issue")?.Scalar is { } written
            && int.TryParse(written.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var fromSpec) && fromSpec > 0)
        {
            return fromSpec;
        }

        var field = plan.Field(FieldKeys.EpicIssue)?.Value.Text ?? string.Empty;
        var match = Regex.Match(field, @"(?:^|[\s(])#(\d{1,9})\b|/issues/(\d{1,9})\b", RegexOptions.None, TimeSpan.FromSeconds(1));
        return match.Success && int.TryParse(match.Groups[1].Success ? match.Groups[1].Value : match.Groups[2].Value,
            NumberStyles.None, CultureInfo.InvariantCulture, out var fromField) && fromField > 0 ? fromField : null;
    }
}

using MilestonePlan.Core.Parsing;
using MilestonePlan.Core.Planning;
using MilestonePlan.Core.Selection;
using MilestonePlan.Core.Validation;
using MilestonePlan.Core.Model;
using MilestonePlan.Workflow.Settings;

namespace MilestonePlan.Workflow.Actions.Steps;

/// <summary>
/// Which plan a target works on, validated as the build validates it: every target starts here, so a plan the build
/// would refuse is refused before anything runs. Uses only the run's context (the repository and the options).
/// </summary>
internal sealed class PlanChoice(WorkflowContext options)
{
    /// <summary>The plan of <paramref name="milestone"/> (else of -p:Milestone, else the one open milestone), validated.</summary>
    public PlanDocument Choose(string? milestone = null)
    {
        var validation = Validate();
        var choice = MilestoneChoice.Choose(validation.Plans, milestone ?? options.Milestone?.ToString());
        // A plan refused for where it is (a symbolic link, outside the repository) says so, rather than "no plan".
        if (choice.Plan is null && validation.Diagnostics.FirstOrDefault(d => d.Id == Core.Diagnostics.Rules.MP2006.Id
            && string.Equals(Path.GetFileName(d.FilePath), PlanDiscovery.PlanFileName, StringComparison.OrdinalIgnoreCase)) is { } refused)
        {
            throw new WorkflowException(Core.Diagnostics.Rules.MP2006, refused.Message, refused.FilePath, refused.Span);
        }

        return choice.Plan ?? throw WorkflowException.Tool(choice.Error!);
    }

    public ValidationResult Validate() => RepositoryValidator.ValidateAndKeepPlans(Core.IO.DiskFileSystem.Instance, options.Validation);

    /// <summary>The plan's text read again, with the GitHub numbers its specs gave (the text alone does not hold them).</summary>
    public static PlanDocument Reread(PlanDocument plan, string text)
    {
        var numbers = plan.SpecGitHubNumbers();
        return PlanParser.Parse(plan.Path, text).WithSpecGitHubNumbers(r => numbers.TryGetValue(r.Number.Value, out var n) ? n : null);
    }
}

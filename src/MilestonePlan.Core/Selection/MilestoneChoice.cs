using MilestonePlan.Core.Model;

namespace MilestonePlan.Core.Selection;

/// <summary>Which plan a workflow target works on, or why none could be chosen.</summary>
internal sealed record MilestoneChoice(PlanDocument? Plan, string? Error)
{
    /// <summary>
    /// `-p:Milestone=m2` (or `M2`, `2`) picks that plan; without it, the only plan whose Status is not Complete.
    /// Anything else is an error that lists the candidates, because guessing would work on the wrong milestone.
    /// </summary>
    public static MilestoneChoice Choose(IReadOnlyList<PlanDocument> plans, string? requested)
    {
        if (!string.IsNullOrWhiteSpace(requested))
        {
            if (MilestoneId.Parse(requested) is not { } wanted)
            {
                return new(null, $"'{requested}' is not a milestone id (use m2, M2 or 2)");
            }

            var matches = plans.Where(p => p.Milestone == wanted || p.FolderMilestone == wanted).ToList();
            return matches.Count switch
            {
                1 => new(matches[0], null),
                0 => new(null, $"No plan for milestone {wanted}. Plans found: {List(plans)}"),
                _ => new(null, $"Several plans say milestone {wanted}: {string.Join(", ", matches.Select(p => p.Path))}"),
            };
        }

        var open = plans.Where(p => Parsing.MilestoneStatusText.Of(p.Field(FieldKeys.Status)?.Value.Text ?? string.Empty) != "complete").ToList();
        return open.Count switch
        {
            1 => new(open[0], null),
            0 => new(null, plans.Count == 0
                ? "No IMPLEMENTATION_PLAN.md found under the docs root"
                : $"Every plan is Complete; choose one with -p:Milestone=<id>. Plans found: {List(plans)}"),
            _ => new(null, $"Several milestones are not Complete ({List(open)}); choose one with -p:Milestone=<id>"),
        };
    }

    private static string List(IEnumerable<PlanDocument> plans) =>
        string.Join(", ", plans.Select(p => p.Milestone?.ToString() ?? p.Path));
}

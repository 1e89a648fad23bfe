using MilestonePlan.Core.Parsing;
using MilestonePlan.Core.Selection;

namespace MilestonePlan.Core.Tests;

[TestClass]
public sealed class MilestoneChoiceTests
{
    private static readonly Model.PlanDocument[] Plans =
    [
        PlanParser.Parse("/r/docs/03-build-notes/m1/IMPLEMENTATION_PLAN.md", "# M1\n\n## Overview\n\n**Milestone:** `m1`\n**Status:** Complete\n"),
        PlanParser.Parse("/r/docs/03-build-notes/m2/IMPLEMENTATION_PLAN.md", "# M2\n\n## Overview\n\n**Milestone:** `m2`\n**Status:** In Progress\n"),
        PlanParser.Parse("/r/docs/03-build-notes/m4.1/IMPLEMENTATION_PLAN.md", "# M4.1\n\n## Overview\n\n- **Milestone:** m4.1\n- **Status:** Complete\n"),
    ];

    [TestMethod]
    [DataRow("m2", "m2")]
    [DataRow("M2", "m2")]
    [DataRow("2", "m2")]
    [DataRow("m4.1", "m4.1")]
    [DataRow("1", "m1")]
    [DataRow(null, "m2")]
    public void Chooses_the_requested_or_the_only_open_milestone(string? requested, string expected)
    {
        var choice = MilestoneChoice.Choose(Plans, requested);
        Assert.IsNull(choice.Error);
        Assert.AreEqual(expected, choice.Plan!.Milestone!.Value);
    }

    [TestMethod]
    public void Ambiguity_and_unknown_milestones_are_errors_listing_the_candidates()
    {
        var open = Plans.Append(PlanParser.Parse("/r/docs/03-build-notes/m3/IMPLEMENTATION_PLAN.md", "# M3\n\n## Overview\n\n**Status:** Not Started\n")).ToList();
        Assert.AreEqual("Several milestones are not Complete (m2, m3); choose one with -p:Milestone=<id>", MilestoneChoice.Choose(open, null).Error);
        Assert.AreEqual("No plan for milestone m9. Plans found: m1, m2, m4.1", MilestoneChoice.Choose(Plans, "m9").Error);
        Assert.AreEqual("'next' is not a milestone id (use m2, M2 or 2)", MilestoneChoice.Choose(Plans, "next").Error);
    }
}

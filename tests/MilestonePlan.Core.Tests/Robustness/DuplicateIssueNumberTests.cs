using MilestonePlan.Core.Parsing;
using MilestonePlan.Core.Tests.Support;
using MilestonePlan.Core.Planning;

namespace MilestonePlan.Core.Tests.Robustness;

/// <summary>Bug 3: two rows numbered alike (MP1004) made the dependency graph throw on a duplicate key.</summary>
[TestClass]
public sealed class DuplicateIssueNumberTests
{
    [TestMethod]
    public void Summary_of_a_plan_with_a_duplicate_issue_number_does_not_throw_and_the_first_row_wins()
    {
        var text = SamplePlan.Plan.Replace("| #03 | 03-docs.md | Docs |", "| #02 | 03-docs.md | Docs |", StringComparison.Ordinal);
        var plan = PlanParser.Parse("/repo/" + SamplePlan.PlanPath, text);
        var summary = MilestoneSummary.Of(plan);
        _ = summary.Render();
        _ = summary.Mermaid();
        Assert.IsTrue(summary.CriticalPath.All(r => r.Number.Value != 2 || r.TitleText == "Rules"), string.Join(", ", summary.CriticalPath));
    }
}

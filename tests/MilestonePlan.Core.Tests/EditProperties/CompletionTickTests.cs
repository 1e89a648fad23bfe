using MilestonePlan.Core.Editing;
using MilestonePlan.Core.Planning;
using MilestonePlan.Core.Tests.Support;

namespace MilestonePlan.Core.Tests.EditProperties;

/// <summary>PlanUpdater.TickCompletionItem: one Milestone Completion Checklist item ticked by its text, or refused.</summary>
[TestClass]
public sealed class CompletionTickTests
{
    private const string Path = "/repo/" + SamplePlan.PlanPath;

    private static readonly string Plan = SamplePlan.Plan
        + "\n## Milestone Completion Checklist (before base → main)\n\n### 1) All Issues Closed\n\n"
        + "* [ ] All milestone issues are closed (auto-closed via PR merges)\n* [ ] Epic updated to reflect completion\n";

    [TestMethod]
    public void Ticks_only_the_named_item_and_reads_it_back()
    {
        var after = PlanTransition.Edit(Path, Plan, (u, _) => u.TickCompletionItem("All milestone issues are closed (auto-closed via PR merges)")).After;

        Assert.AreEqual(Plan.Replace("* [ ] All milestone", "* [x] All milestone", StringComparison.Ordinal), after);
        Assert.AreEqual(Plan.Length, after.Length);
        var again = PlanTransition.Edit(Path, after, (u, _) => u.TickCompletionItem("All milestone issues are closed (auto-closed via PR merges)")).After;
        Assert.AreEqual(after, again, "already ticked: nothing changes");
    }

    [TestMethod]
    public void Refuses_an_item_that_is_missing_or_written_twice()
    {
        Assert.ThrowsExactly<EditRefusedException>(() => PlanTransition.Edit(Path, Plan, (u, _) => u.TickCompletionItem("Demo recorded")));
        var twice = Plan + "* [ ] Epic updated to reflect completion\n";
        StringAssert.Contains(Assert.ThrowsExactly<EditRefusedException>(() =>
            PlanTransition.Edit(Path, twice, (u, _) => u.TickCompletionItem("Epic updated to reflect completion"))).Message, "2 item(s)");
    }
}

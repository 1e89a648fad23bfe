using System.Text;
using MilestonePlan.Core.Tests.Support;

namespace MilestonePlan.Core.Tests;

/// <summary>
/// The dependency rules on graphs that break naive implementations: a 10,000-issue chain (recursion depth)
/// and layers where each issue depends on the whole previous layer (exponentially many paths).
/// Correctness only; speed is measured in bench/.
/// </summary>
[TestClass]
public sealed class DependencyGraphScaleTests
{
    private static string Plan(int issues, Func<int, string> dependencies)
    {
        var b = new StringBuilder("# M1\n\n### Phase 1: All\n\n| Issue # | Title | Priority | Dependencies |\n|---|---|---|---|\n");
        for (var i = 1; i <= issues; i++)
        {
            b.Append($"| #{i:00} | Issue {i} | P0 | {dependencies(i)} |\n");
        }

        return b.ToString();
    }

    private static List<Diagnostics.PlanDiagnostic> Dependencies(string plan)
    {
        var workspace = new PlanWorkspace();
        workspace.Add("docs/03-build-notes/m1/IMPLEMENTATION_PLAN.md", plan);
        return workspace.Diagnostics().Where(d => d.Id.StartsWith("MP3", StringComparison.Ordinal)).ToList();
    }

    [TestMethod]
    public void Ten_thousand_issue_chain_validates_and_a_closing_edge_is_one_cycle()
    {
        Assert.IsEmpty(Dependencies(Plan(10_000, i => i == 1 ? "None" : $"#{i - 1:00}")));

        var cycles = Dependencies(Plan(10_000, i => i == 1 ? "#10000" : $"#{i - 1:00}"));
        Assert.HasCount(1, cycles.Where(d => d.Id == "MP3003").ToList());
        Assert.AreEqual(
            "Dependency cycle: #01 → #10000 → #9999 → #9998 → #9997 → #9996 → #9995 → #9994 → #9993 → #9992 → … (10000 issues) → #01",
            cycles.Single(d => d.Id == "MP3003").Message);
    }

    [TestMethod]
    public void Layered_graph_validates_without_walking_every_path()
    {
        const int width = 3;
        string Layer(int i)
        {
            var layer = (i - 1) / width;
            return layer == 0 ? "None" : string.Join(", ", Enumerable.Range(((layer - 1) * width) + 1, width).Select(d => $"#{d:00}"));
        }

        // 60 issues in layers of 3: 3^19 paths from the last layer to the first.
        Assert.IsEmpty(Dependencies(Plan(60, Layer)));
        Assert.IsEmpty(Dependencies(Plan(3_000, Layer)));
    }
}

using MilestonePlan.Core.Planning;
using MilestonePlan.Workflow.Editing;
using MilestonePlan.Workflow.Services;

namespace MilestonePlan.Workflow.Tests.Services;

/// <summary>The two plan stores a run is composed with: the same edit written, or (dry run) said and shown and not written.</summary>
[TestClass]
public sealed class PlanStoreTests
{
    [TestMethod]
    [DataRow(false)]
    [DataRow(true)]
    public void An_edit_is_written_or_in_a_dry_run_only_said_and_shown(bool dryRun)
    {
        var folder = Directory.CreateTempSubdirectory("mp-store-").FullName;
        var path = Path.Combine(folder, "IMPLEMENTATION_PLAN.md");
        File.WriteAllText(path, "**Status:** Not Started\n");
        var said = new List<string>();
        IPlanStore store = dryRun ? PlanStore.DryRun(said.Add, p => Path.GetFileName(p)) : PlanStore.Writing(said.Add, p => Path.GetFileName(p));
        var file = PlanFile.Read(path);

        store.Save(file, new PlanTransition(file.Text, "**Status:** In Progress\n", ["Status → In Progress"]));

        Assert.AreEqual((dryRun ? "would edit" : "edit") + " IMPLEMENTATION_PLAN.md Status → In Progress", said[0]);
        Assert.AreEqual(dryRun ? "**Status:** Not Started\n" : "**Status:** In Progress\n", File.ReadAllText(path));
        Assert.HasCount(dryRun ? 2 : 1, said, "a dry run shows the diff too");
        Directory.Delete(folder, recursive: true);
    }
}

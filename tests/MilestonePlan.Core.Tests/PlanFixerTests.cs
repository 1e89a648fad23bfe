using MilestonePlan.Core.Tests.Support;
using MilestonePlan.Core.Planning;

namespace MilestonePlan.Core.Tests;

[TestClass]
public sealed class PlanFixerTests
{
    [TestMethod]
    public void Safe_fixes_clear_MP5001_MP5002_MP5003_and_nothing_else_changes()
    {
        var broken = SamplePlan.Plan
            .Replace("**Total Issues:** 3", "**Total Issues:** 9", StringComparison.Ordinal)
            .Replace("* [ ] #03 — Docs\n", string.Empty, StringComparison.Ordinal)
            .Replace("* [ ] #02 — Rules", "* [ ] #02 — Old rules name", StringComparison.Ordinal)
            .Replace("**Status:** In Progress\n\n## Always", "**Status:** Not Started\n\n## Always", StringComparison.Ordinal);
        var before = SamplePlan.Workspace(_ => broken).Diagnostics().Select(d => d.Id).ToList();
        CollectionAssert.IsSubsetOf(new[] { "MP5001", "MP5002", "MP5003" }, before);

        var fixedText = PlanFixer.Fix("/repo/" + SamplePlan.PlanPath, broken).After;

        Assert.AreEqual(string.Empty, Dump.Of(SamplePlan.Workspace(_ => fixedText).Diagnostics()));
        Assert.AreEqual(SamplePlan.Plan, fixedText, "the fixes restore the consistent plan byte for byte");
        Assert.IsFalse(PlanFixer.Fix("/repo/" + SamplePlan.PlanPath, fixedText).HasChanges, "idempotent");
    }
}

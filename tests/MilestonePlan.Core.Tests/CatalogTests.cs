using MilestonePlan.Core.Diagnostics;

namespace MilestonePlan.Core.Tests;

[TestClass]
public sealed class CatalogTests
{
    [TestMethod]
    public void Ids_are_unique_and_every_rule_has_a_documentation_page()
    {
        var ids = Rules.All.Select(r => r.Id).ToList();
        Assert.AreEqual(ids.Count, ids.Distinct().Count());
        var docs = Path.Combine(RepositoryPaths.Root, "docs", "rules");
        foreach (var id in ids)
        {
            Assert.IsTrue(File.Exists(Path.Combine(docs, id + ".md")), $"docs/rules/{id}.md is missing");
        }
    }
}

using MilestonePlan.Analyzers;
using MilestonePlan.Core.Diagnostics;

namespace MilestonePlan.Analyzers.Tests;

[TestClass]
public sealed class DescriptorCatalogTests
{
    [TestMethod]
    public void The_IDE_lists_every_message_format_of_the_engine_and_no_bare_placeholder()
    {
        var engine = Rules.All.Concat(RuleMessages.All).Where(r => !r.Id.StartsWith("MP9", StringComparison.Ordinal))
            .Select(r => (r.Id, r.MessageFormat)).OrderBy(x => x).ToList();
        var ide = DescriptorCatalog.All.Select(d => (d.Id, Format: d.MessageFormat.ToString())).OrderBy(x => x).ToList();

        CollectionAssert.AreEqual(engine, ide);
        Assert.IsFalse(DescriptorCatalog.All.Any(d => d.MessageFormat.ToString().Trim() == "{0}"));
    }
}

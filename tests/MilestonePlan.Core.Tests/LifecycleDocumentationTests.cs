using MilestonePlan.Core.Selection;

namespace MilestonePlan.Core.Tests;

/// <summary>docs/run-milestone.md's state table is the lifecycle's table: the same rules, in the same order.</summary>
[TestClass]
public sealed class LifecycleDocumentationTests
{
    [TestMethod]
    public void The_documented_state_table_lists_the_lifecycle_rows_in_order()
    {
        var text = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "docs", "run-milestone.md")).Replace("\r\n", "\n", StringComparison.Ordinal);
        var start = text.IndexOf("| rule (in order) |", StringComparison.Ordinal);
        Assert.IsGreaterThanOrEqualTo(0, start, "the state table is missing");
        var documented = text.Substring(start).Split('\n').Skip(2).TakeWhile(l => l.StartsWith('|'))
            .Select(l => l.Split('|')[1].Trim()).ToList();

        CollectionAssert.AreEqual(IssueLifecycle.Rows.Select(r => r.Rule).ToList(), documented);
    }
}

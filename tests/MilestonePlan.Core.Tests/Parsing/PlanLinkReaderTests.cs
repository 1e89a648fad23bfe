using Markdig.Syntax;
using MilestonePlan.Core.Parsing;

namespace MilestonePlan.Core.Tests.Readers;

[TestClass]
public sealed class PlanLinkReaderTests
{
    [TestMethod]
    public void Only_relative_file_links_are_collected_without_their_anchor()
    {
        var (context, document) = ReaderInput.Parse(
            "See [spec](01-login.md#scope), [web](https://x.org/a.md), [here](#top) and [mail](mailto:a@b.c).\n");

        new PlanLinkReader(context).Collect(((ParagraphBlock)document[0]).Inline);

        var link = context.Links.Single();
        Assert.AreEqual("01-login.md", link.Target);
        Assert.IsFalse(link.IsRepositoryRelative);
        Assert.AreEqual("[spec](01-login.md#scope)", link.Cell.Raw);
    }

    [TestMethod]
    public void Every_code_span_of_a_required_reads_item_is_a_repository_relative_file()
    {
        var (context, document) = ReaderInput.Parse("`docs/a.md` and `src/b.cs`\n");

        new PlanLinkReader(context).CollectRequiredReads((ParagraphBlock)document[0]);

        CollectionAssert.AreEqual(new[] { "docs/a.md", "src/b.cs" }, context.Links.Select(l => l.Target).ToArray());
        Assert.IsTrue(context.Links.All(l => l.IsRepositoryRelative));
    }
}

using MilestonePlan.Core.Parsing;

namespace MilestonePlan.Core.Tests.Robustness;

/// <summary>Bug 2: YamlDotNet threw EndOfStreamException past the reader; any YAML failure is "front matter unreadable".</summary>
[TestClass]
public sealed class FrontMatterExceptionTests
{
    [TestMethod]
    public void Yaml_that_makes_yamldotnet_throw_oddly_is_unreadable_front_matter()
    {
        var spec = SpecParser.Parse("/r/01-x.md", "---\nlabels: [\"a\"]**S:**\n---\n\n# X\n");
        Assert.IsNotNull(spec.FrontMatterError, "expected the front matter to be reported unreadable");
        Assert.AreEqual("MP2005", spec.FrontMatterError.Id);
    }
}

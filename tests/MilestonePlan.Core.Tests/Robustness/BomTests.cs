using MilestonePlan.Core.Editing;
using MilestonePlan.Core.Parsing;

namespace MilestonePlan.Core.Tests.Robustness;

/// <summary>Bug 6: front matter added to a spec that starts with a BOM went in front of the BOM.</summary>
[TestClass]
public sealed class BomTests
{
    [TestMethod]
    [DataRow("\uFEFF# X\n\nBody\n")]
    [DataRow("\uFEFF# X\r\n\r\nBody\r\n")]
    [DataRow("\uFEFF")]
    public void Front_matter_added_to_a_spec_keeps_the_bom_first(string text)
    {
        var edited = SpecUpdater.SetGitHubIssue("/r/01-x.md", text, 42);
        Assert.AreEqual('\uFEFF', edited[0]);
        Assert.AreEqual(1, edited.Count(c => c == '\uFEFF'));
        Assert.AreEqual("42", SpecParser.Parse("/r/01-x.md", edited).Get("github_issue")?.Scalar);
        Assert.IsTrue(edited.EndsWith(text.Substring(1), StringComparison.Ordinal), edited);
    }
}

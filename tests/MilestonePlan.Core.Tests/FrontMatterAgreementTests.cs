using CsCheck;
using MilestonePlan.Core.Model;
using MilestonePlan.Core.Parsing;

namespace MilestonePlan.Core.Tests;

/// <summary>The flat fast path reads front matter exactly as YamlDotNet does, whenever it accepts it.</summary>
[TestClass]
public sealed class FrontMatterAgreementTests
{
    private static readonly Gen<string> Word = Gen.OneOfConst("P0", "P1", "Login", "m3", "1", "02", "type:feature", "true", "null", "a b", "ünï", "x-y", "#3",
        "01-setup.md", "Fix it", "\"quoted\"", "'single'", "\"with: colon\"", "it's", "[a, b]", "[]", "- dash", "a: b", "c # comment", "\"esc\\\"aped\"", "{x: 1}");

    private static readonly Gen<string> Line = Gen.Select(Gen.OneOfConst("title", "priority", "labels", "dependencies", "github_issue", "status", "milestone"),
        Gen.OneOf(Word, Word.Array[0, 4].Select(w => "[" + string.Join(", ", w) + "]"), Gen.Const(string.Empty)),
        (key, value) => value.Length == 0 ? key + ":" : key + ": " + value);

    [TestMethod]
    public void Fast_path_and_YamlDotNet_agree()
    {
        var accepted = 0;
        Line.Array[1, 8].Select(lines => string.Join("\n", lines)).Sample(yaml =>
        {
            var fast = new Dictionary<string, FrontMatterValue>(StringComparer.OrdinalIgnoreCase);
            if (!FlatFrontMatter.TryRead(yaml, 2, fast))
            {
                return;
            }

            accepted++;
            var full = new Dictionary<string, FrontMatterValue>(StringComparer.OrdinalIgnoreCase);
            var error = SpecParser.ReadWithYamlDotNet("/r/x.md", null, null, yaml, 2, full);
            Assert.IsNull(error, yaml);
            CollectionAssert.AreEquivalent(full.Keys.ToList(), fast.Keys.ToList(), yaml);
            foreach (var (key, value) in full)
            {
                Assert.AreEqual(value.Scalar ?? string.Empty, fast[key].Scalar ?? string.Empty, $"{key} in\n{yaml}");
                CollectionAssert.AreEqual(value.Items?.ToList() ?? [], fast[key].Items?.ToList() ?? [], $"{key} in\n{yaml}");
                Assert.AreEqual(value.Span.Line, fast[key].Span.Line, $"{key} in\n{yaml}");
                Assert.AreEqual(value.Span.Column, fast[key].Span.Column, $"{key} in\n{yaml}");
            }
        }, iter: 5_000, threads: 1);

        Assert.IsGreaterThan(500, accepted, "the fast path takes the common shapes");
    }
}

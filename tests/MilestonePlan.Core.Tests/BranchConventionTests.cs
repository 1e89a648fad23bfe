using CsCheck;
using MilestonePlan.Core.Analysis;
using MilestonePlan.Core.Model;

namespace MilestonePlan.Core.Tests;

/// <summary>The piecewise check of `feat/m{n}-{NN}-` agrees with building the prefix and comparing.</summary>
[TestClass]
public sealed class BranchConventionTests
{
    [TestMethod]
    public void Piecewise_prefix_equals_the_built_prefix()
    {
        var milestone = Gen.OneOfConst("m0", "m1", "m12", "m4.1").Select(m => MilestoneId.Parse(m)!);
        var number = Gen.OneOf(Gen.Int[1, 120], Gen.OneOfConst(1, 9, 10, 99, 100, 101));
        var noise = Gen.OneOfConst("", "x", "-", "0", "1", "/", "feat/", "m", "-a", "ü");
        Gen.Select(milestone, number, noise, noise, Gen.Int[0, 3]).Sample((m, n, before, after, shape) =>
        {
            var issue = new IssueNumber(n);
            var built = $"feat/{m}-{issue.Padded}-";
            var branch = shape switch
            {
                0 => built + after,
                1 => before + built + after,
                2 => built.Substring(0, Math.Max(0, built.Length - 1 - after.Length)) + after,
                _ => $"feat/{m}-{n}-{after}",
            };
            var expected = branch.StartsWith(built, StringComparison.Ordinal) ? built.Length : 0;
            Assert.AreEqual(expected, NamingRules.ConventionalPrefixLength(branch, m, issue), $"{branch} for {m} {issue}");
        }, iter: 20_000);
    }
}

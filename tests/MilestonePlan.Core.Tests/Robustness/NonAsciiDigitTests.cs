using MilestonePlan.Core.Model;
using MilestonePlan.Core.Parsing;
using MilestonePlan.Core.Tests.Support;

namespace MilestonePlan.Core.Tests.Robustness;

/// <summary>
/// Bug 1: numbers were found with char.IsDigit (any script) and read with int.Parse (ASCII only), so an
/// Arabic-Indic digit threw FormatException. Non-ASCII digits are now simply not digits.
/// </summary>
[TestClass]
public sealed class NonAsciiDigitTests
{
    [TestMethod]
    [DataRow("* [ ] #02 — Rules", "* [ ] #١٢ — A")]
    [DataRow("| #02 | 02-rules.md | Rules | P0 |", "| #02 | 02-rules.md | Rules | P١ |")]
    [DataRow("**Total Issues:** 3", "**Total Issues:** ١")]
    [DataRow("| P0 | #01 | `feat/m1-02", "| P0 | ١٢-x.md | `feat/m1-02")]
    [DataRow("* [ ] #02 — Rules", "* [ ] #99999999999999999999 — Rules")]
    [DataRow("**Total Issues:** 3", "**Total Issues:** 99999999999999999999")]
    public void Non_ascii_or_overlong_numbers_in_a_plan_do_not_throw(string from, string to)
    {
        var workspace = SamplePlan.Workspace(plan => plan.Replace(from, to, StringComparison.Ordinal));
        var diagnostics = workspace.Diagnostics();
        Assert.IsFalse(diagnostics.Any(d => d.Id == "MP0001"), string.Join("\n", diagnostics));
    }

    [TestMethod]
    public void Non_ascii_priority_in_spec_front_matter_does_not_throw()
    {
        var workspace = SamplePlan.Workspace(specs: files => files["02-rules.md"] = SamplePlan.Spec("Rules", "P١", "[1]"));
        var diagnostics = workspace.Diagnostics();
        Assert.IsFalse(diagnostics.Any(d => d.Id == "MP0001"), string.Join("\n", diagnostics));
    }

    [TestMethod]
    public void Number_readers_take_ascii_digits_only()
    {
        Assert.IsFalse(Priority.TryParse("P١", out _));
        Assert.IsTrue(Priority.TryParse("P2", out var p2));
        Assert.AreEqual(2, p2.Level);
        Assert.IsFalse(IssueNumber.TryParse("#١٢", out _));
        Assert.IsNull(MilestoneId.Parse("m١"));
        Assert.AreEqual(0, IssueReferenceScanner.Scan("#١٢ — A").Count);
        Assert.AreEqual(0, IssueReferenceScanner.Scan("#99999999999999999999 — A").Count);
        CollectionAssert.AreEqual(new[] { new IssueNumber(12) }, IssueReferenceScanner.Scan("#12 — A").ToArray());
        Assert.IsFalse(AsciiNumber.TryParse("99999999999", out _));
        Assert.IsFalse(AsciiNumber.TryParse("٣", out _));
        Assert.IsTrue(AsciiNumber.TryParse(int.MaxValue.ToString(System.Globalization.CultureInfo.InvariantCulture), out var max));
        Assert.AreEqual(int.MaxValue, max);
        Assert.IsNull(AsciiNumber.Leading("١٢-x.md"));
        Assert.AreEqual(12, AsciiNumber.Leading("12-x.md"));
    }
}

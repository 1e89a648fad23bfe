using System.Text.RegularExpressions;
using MilestonePlan.Core.Diagnostics;

namespace MilestonePlan.Core.Tests;

/// <summary>
/// Every message format in the catalog says what the rule found in its own words, with the arguments naming the
/// thing at fault: no format is a bare placeholder that a call site fills with a whole sentence.
/// </summary>
[TestClass]
public sealed class MessageFormatTests
{
    private static readonly Regex Placeholder = new(@"\{(\d+)(?:[,:][^}]*)?\}", RegexOptions.CultureInvariant);

    private static IEnumerable<DiagnosticDescriptor> Every => Rules.All.Concat(RuleMessages.All);

    [TestMethod]
    public void Every_format_has_words_of_its_own()
    {
        foreach (var descriptor in Every)
        {
            var words = Regex.Matches(Placeholder.Replace(descriptor.MessageFormat, " "), @"[A-Za-z]{2,}").Count;
            Assert.IsGreaterThanOrEqualTo(2, words, $"{descriptor.Id} '{descriptor.MessageFormat}' is not a message in the rule's words");
        }
    }

    [TestMethod]
    public void Placeholders_are_numbered_from_zero_without_gaps_and_format_cleanly()
    {
        foreach (var descriptor in Every)
        {
            var numbers = Placeholder.Matches(descriptor.MessageFormat).Select(m => int.Parse(m.Groups[1].Value)).Distinct().Order().ToList();
            CollectionAssert.AreEqual(Enumerable.Range(0, numbers.Count).ToList(), numbers, $"{descriptor.Id} '{descriptor.MessageFormat}'");

            // With exactly as many arguments as placeholders, Format never falls back to its "(raw pieces)" form.
            var args = numbers.Select(n => (object?)$"<arg{n}>").ToArray();
            var message = descriptor.Format(args);
            Assert.DoesNotContain("{", message.Replace("{n}", string.Empty), $"{descriptor.Id}: {message}");
            foreach (var arg in args)
            {
                Assert.Contains((string)arg!, message, $"{descriptor.Id}: {message}");
            }
        }
    }

    [TestMethod]
    public void Variants_are_the_rule_with_other_words()
    {
        foreach (var variant in RuleMessages.All)
        {
            var rule = Rules.Find(variant.Id);
            Assert.IsNotNull(rule, variant.Id);
            Assert.AreEqual(rule.Title, variant.Title);
            Assert.AreEqual(rule.Category, variant.Category);
            Assert.AreEqual(rule.DefaultSeverity, variant.DefaultSeverity);
            Assert.AreEqual(rule.Description, variant.Description);
            Assert.AreNotEqual(rule.MessageFormat, variant.MessageFormat, $"{variant.Id}: a variant with the rule's own words is not needed");
        }

        var formats = Every.Select(d => d.Id + d.MessageFormat).ToList();
        Assert.HasCount(formats.Distinct().Count(), formats);
    }

    [TestMethod]
    public void A_finding_keeps_the_exact_words_of_its_situation()
    {
        var diagnostic = PlanDiagnostic.Create(RuleMessages.MP5002Title, "plan.md", SourceSpan.At(3, 1), "Storage", "02", "SQLite storage");
        Assert.AreEqual("Completed Issues says 'Storage' for 02 but the issue table says 'SQLite storage'", diagnostic.Message);
        Assert.AreEqual("MP5002", diagnostic.Id);
    }
}

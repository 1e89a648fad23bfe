using CsCheck;
using MilestonePlan.Core.Model;
using MilestonePlan.Core.Parsing;
using MilestonePlan.Core.Tests.Support;
using MilestonePlan.Core.Planning;

namespace MilestonePlan.Core.Tests.Robustness;

/// <summary>
/// Bug 5: `**Status:**! Complete` became `**Status:**In Progress`, where the closing `**` (after `:`, before a
/// letter) no longer closes the bold, so the line stopped being the Status field. Every edit must read back.
/// </summary>
[TestClass]
public sealed class EditReadBackTests
{
    private const string Path = "/repo/" + SamplePlan.PlanPath;

    [TestMethod]
    public void Status_written_after_a_label_glued_to_punctuation_reads_back()
    {
        var text = SamplePlan.Plan.Replace("**Status:** In Progress", "**Status:**! Complete", StringComparison.Ordinal);
        var after = PlanTransition.Edit(Path, text, (updater, _) => updater.SetStatus("In Progress")).After;
        var plan = PlanParser.Parse(Path, after);
        Assert.AreEqual("In Progress", plan.Field(FieldKeys.Status)?.Value.Text, after);
        Assert.AreEqual("In Progress", plan.Tracking.FooterStatus?.Value.Text, after);
    }

    /// <summary>`**Label:**`, `**Label**:`, `__Label:__` ... with spacing, punctuation and emphasis around the value.</summary>
    private static Gen<string> Line(string label, string value) =>
        Gen.Select(
            Gen.OneOfConst("**{0}:**", "**{0}**:", "__{0}:__", "__{0}__:", "**{0}** :", "* **{0}:**", "- **{0}:**", "**{0} :**"),
            Gen.OneOfConst("", " ", "  ", "\t"),
            Gen.OneOfConst("", "! ", "!", "— ", "- ", ": ", ":", ". ", "? ", "(", "\"", "~ "),
            Gen.OneOfConst("{0}", "*{0}*", "**{0}**", "_{0}_", "`{0}`", "{0}!"),
            Gen.OneOfConst("", " ", "  ", "\t"),
            (labelForm, space, punctuation, valueForm, trailing) =>
                string.Format(System.Globalization.CultureInfo.InvariantCulture, labelForm, label) + space + punctuation
                + string.Format(System.Globalization.CultureInfo.InvariantCulture, valueForm, value) + trailing);

    private static readonly Gen<string> Plans = Gen.Select(
        Line("Status", "In Progress"), Line("Status", "Complete"), Line("Total Issues", "3"), Line("Last Updated", "2026-11-24"),
        Line("Current Issue", "#02"), Gen.Bool,
        (overviewStatus, footerStatus, total, updated, current, crlf) =>
        {
            var lines = SamplePlan.Plan.Split('\n');
            var statusLines = 0;
            for (var i = 0; i < lines.Length; i++)
            {
                lines[i] = lines[i] switch
                {
                    "**Status:** In Progress" => statusLines++ == 0 ? overviewStatus : footerStatus,
                    "**Total Issues:** 3" => total,
                    "**Last Updated:** 2026-11-24" => updated,
                    "* **Current Issue:** #02" => current.StartsWith("* ", StringComparison.Ordinal) || current.StartsWith("- ", StringComparison.Ordinal) ? current : "* " + current,
                    _ => lines[i],
                };
            }

            var text = string.Join("\n", lines);
            return crlf ? text.Replace("\n", "\r\n", StringComparison.Ordinal) : text;
        });

    [TestMethod]
    public void Every_edit_of_a_field_reads_back_as_the_value_written()
    {
        Gen.Select(Plans, Gen.OneOfConst("Not Started", "In Progress", "Complete"), Gen.Int[0, 999], Gen.Int[0, 2]).Sample((text, status, total, which) =>
        {
            var before = PlanParser.Parse(Path, text);

            // Only fields that read as fields before the edit are promised to read back after it.
            if (before.Field(FieldKeys.Status) is not null || before.Tracking.FooterStatus is not null)
            {
                var after = PlanParser.Parse(Path, PlanTransition.Edit(Path, text, (u, _) => u.SetStatus(status)).After);
                if (before.Field(FieldKeys.Status) is not null)
                {
                    Assert.AreEqual(status, after.Field(FieldKeys.Status)?.Value.Text, "overview Status in:\n" + text);
                }

                if (before.Tracking.FooterStatus is not null)
                {
                    Assert.AreEqual(status, after.Tracking.FooterStatus?.Value.Text, "footer Status in:\n" + text);
                }
            }

            if (before.Field(FieldKeys.TotalIssues) is not null)
            {
                var edited = PlanTransition.Edit(Path, text, (u, _) => u.SetTotalIssues(total)).After;
                var value = PlanParser.Parse(Path, edited).Field(FieldKeys.TotalIssues)?.Value.Text ?? string.Empty;
                Assert.AreEqual(total, AsciiNumber.Leading(value), "Total Issues in:\n" + edited);
            }

            if (before.Tracking.LastUpdated is not null)
            {
                var edited = PlanTransition.Edit(Path, text, (u, _) => u.SetLastUpdated("2027-01-31")).After;
                Assert.AreEqual("2027-01-31", PlanParser.Parse(Path, edited).Tracking.LastUpdated?.Value.Text, "Last Updated in:\n" + edited);
            }

            var row = before.Issues.ElementAtOrDefault(which);
            if (row is not null && before.Tracking.CurrentIssue is not null)
            {
                var edited = PlanTransition.Edit(Path, text, (u, _) => u.SetCurrent(row)).After;
                Assert.AreEqual(row.Number.ToString(), PlanParser.Parse(Path, edited).Tracking.CurrentIssue?.Value.Text, "Current Issue in:\n" + edited);
            }
        }, iter: 1_000, threads: 1);
    }
}

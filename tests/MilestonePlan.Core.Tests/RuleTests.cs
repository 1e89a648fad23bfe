using MilestonePlan.Core.Diagnostics;
using MilestonePlan.Core.Tests.Support;

namespace MilestonePlan.Core.Tests;

/// <summary>
/// Every rule both ways on the same small milestone: the consistent sample reports nothing, and one edit
/// makes exactly the expected rule fire at the exact place (found by searching the edited text).
/// </summary>
[TestClass]
public sealed class RuleTests
{
    [TestMethod]
    public void Consistent_sample_reports_nothing()
    {
        var diagnostics = SamplePlan.Workspace().Diagnostics();
        Assert.AreEqual(string.Empty, Dump.Of(diagnostics));
    }

    [TestMethod]
    [DataRow("MP1001", "## Overview", "## Summary", "# M1", null, DisplayName = "MP1001 no Overview")]
    [DataRow("MP1001", "| #02 | 02-rules.md", "| #x2 | 02-rules.md", "#x2", null, DisplayName = "MP1001 unreadable issue number")]
    [DataRow("MP1002", "**Total Issues:** 3\n", "", "## Overview", null, DisplayName = "MP1002 missing Total Issues")]
    [DataRow("MP1002", "**Status:** In Progress\n\n## Always", "**Status:** Not Started | In Progress | Complete\n\n## Always", "Not Started |", null, DisplayName = "MP1002 template status left in")]
    [DataRow("MP1003", "| Rules | P0 | #01 |", "| {Issue Title} | P0 | #01 |", "{Issue Title}", null, DisplayName = "MP1003 placeholder in a cell")]
    [DataRow("MP1004", "| #03 | 03-docs.md", "| #02 | 03-docs.md", "#02 | 03-docs.md", null, DisplayName = "MP1004 duplicate number")]
    [DataRow("MP1005", "**Milestone:** `m1`", "**Milestone:** `m2`", "`m2`", null, DisplayName = "MP1005 milestone vs folder")]
    [DataRow("MP1005", "`docs/03-build-notes/m1/IMPLEMENTATION_PLAN.md`", "`docs/03-build-notes/m9/IMPLEMENTATION_PLAN.md`", "`docs/03-build-notes/m9/IMPLEMENTATION_PLAN.md`", null, DisplayName = "MP1005 plan path")]
    [DataRow("MP2001", "| #03 | 03-docs.md", "| #03 | 03-missing.md", "03-missing.md", null, DisplayName = "MP2001 missing spec")]
    [DataRow("MP2003", "- `docs/guides/workflow.md`", "- `docs/guides/nowhere.md`", "`docs/guides/nowhere.md`", null, DisplayName = "MP2003 required read missing")]
    [DataRow("MP2006", "| #03 | 03-docs.md", "| #03 | ../../../../outside.env", "../../../../outside.env", null, DisplayName = "MP2006 Issue File leaves the repository")]
    [DataRow("MP2006", "| #03 | 03-docs.md", "| #03 | ~/.ssh/id_rsa", "~/.ssh/id_rsa", null, DisplayName = "MP2006 Issue File in the home folder")]
    [DataRow("MP2006", "- `docs/guides/workflow.md`", "- `../../etc/passwd`", "`../../etc/passwd`", null, DisplayName = "MP2006 required read leaves the repository")]
    [DataRow("MP2003", "# M1 Implementation Plan\n", "# M1 Implementation Plan\n\nSee [the guide](../../guides/gone.md).\n", "[the guide]", null, DisplayName = "MP2003 relative link broken")]
    [DataRow("MP3001", "| P0 | #01 | `feat/m1-02", "| P0 | #09 | `feat/m1-02", "#09", null, DisplayName = "MP3001 unknown dependency")]
    [DataRow("MP3002", "| P0 | #01 | `feat/m1-02", "| P0 | #02 | `feat/m1-02", "#02 | `feat", null, DisplayName = "MP3002 self dependency")]
    [DataRow("MP3003", "| P0 | None | `feat/m1-01", "| P0 | #02 | `feat/m1-01", "#02 | `feat/m1-01", null, DisplayName = "MP3003 cycle")]
    [DataRow("MP3004", "| Rules | P0 | #01 |", "| Rules | P0 | #03 |", "#03 |", "| Rules |", DisplayName = "MP3004 priority inversion")]
    [DataRow("MP3005", "| P0 | #01 | `feat/m1-02", "| P0 | after the parser lands | `feat/m1-02", "after the parser lands", null, DisplayName = "MP3005 unreadable dependencies")]
    [DataRow("MP4001", "`feat/m1-02-rules`", "`feature/rules`", "`feature/rules`", null, DisplayName = "MP4001 branch shape")]
    [DataRow("MP4001", "`feat/m1-02-rules`", "`feat/m1-02-bad..name`", "`feat/m1-02-bad..name`", null, DisplayName = "MP4001 invalid ref name")]
    [DataRow("MP4002", "| `feat/m1-02-rules` | `feat(m1)` |", "| `feat/m1-02-rules` | `feat(m2)` |", "`feat(m2)`", null, DisplayName = "MP4002 token milestone")]
    [DataRow("MP4003", "`milestone/m1-core`", "`release/m1`", "`release/m1`", null, DisplayName = "MP4003 milestone branch")]
    [DataRow("MP4003", "`milestone/m1-core`", "`+main`", "`+main`", null, DisplayName = "MP4003 force refspec as milestone branch")]
    [DataRow("MP4003", "`milestone/m1-core`", "`-main`", "`-main`", null, DisplayName = "MP4003 option as milestone branch")]
    [DataRow("MP4001", "`feat/m1-02-rules`", "`+feat/m1-02-rules`", "`+feat/m1-02-rules`", null, DisplayName = "MP4001 force refspec as feature branch")]
    [DataRow("MP4001", "`feat/m1-02-rules`", "`main`", "`main`", null, DisplayName = "MP4001 main as feature branch")]
    [DataRow("MP5001", "**Total Issues:** 3", "**Total Issues:** 5", "5", "Total Issues", DisplayName = "MP5001 stale total")]
    [DataRow("MP5001", "**Total Issues:** 3", "**Total Issues:** 4 (including epic)", "4 (including epic)", "Total Issues", DisplayName = "MP5001 epic counted but the milestone has none")]
    [DataRow("MP5002", "* [ ] #03 — Docs\n", "", "### Completed Issues", null, DisplayName = "MP5002 checklist entry missing")]
    [DataRow("MP5002", "* [ ] #03 — Docs", "* [ ] #03 — Documentation", "Documentation", null, DisplayName = "MP5002 checklist title differs")]
    [DataRow("MP5003", "**Status:** In Progress\n\n## Always", "**Status:** Not Started\n\n## Always", "Not Started", null, DisplayName = "MP5003 not started with done issue")]
    [DataRow("MP5004", "**Current Issue:** #02", "**Current Issue:** #01", "#01", "Current Issue", DisplayName = "MP5004 current issue done")]
    [DataRow("MP5005", "### Open PRs (autopilot)\n\n* (none)", "### Open PRs (autopilot)\n\n* [PR #7](https://example.invalid/7) — Parser (#01)", "[PR #7]", null, DisplayName = "MP5005 done and open PR")]
    [DataRow("MP5006", "* [ ] #03 — Docs", "* [x] #03 — Docs", "#03 — Docs", "Completed Issues", DisplayName = "MP5006 done before dependency")]
    public void Rule_fires_at_the_exact_place(string id, string find, string replace, string needle, string? after)
    {
        var plan = SamplePlan.Plan.Replace(find, replace, StringComparison.Ordinal);
        Assert.AreNotEqual(SamplePlan.Plan, plan, $"the edit '{find}' did not apply");
        var diagnostics = SamplePlan.Workspace(_ => plan).Diagnostics();
        var expected = SamplePlan.Position(plan, needle, after);

        var found = diagnostics.Where(d => d.Id == id).ToList();
        Assert.IsNotEmpty(found, $"{id} did not fire:{Environment.NewLine}{Dump.Of(diagnostics)}");
        Assert.IsTrue(found.Any(d => d.Span.Line == expected.Line && d.Span.Column == expected.Column),
            $"{id} expected at ({expected.Line},{expected.Column}):{Environment.NewLine}{Dump.Of(diagnostics)}");
        Assert.AreEqual(Rules.Find(id)!.DefaultSeverity, found[0].DefaultSeverity);
    }

    [TestMethod]
    public void MP2002_orphan_spec_is_reported_in_the_orphan_and_known_non_specs_are_not()
    {
        var workspace = SamplePlan.Workspace(specs: files =>
        {
            files["04-stray.md"] = "# Stray";
            files["00-epic.md"] = "# Epic";
            files["_milestone.md"] = "# Fallback";
            files["notes.txt"] = "not markdown";
        });

        var diagnostics = workspace.Diagnostics();
        var orphan = diagnostics.Single(d => d.Id == "MP2002");
        Assert.AreEqual("04-stray.md", Path.GetFileName(orphan.FilePath));
        Assert.AreEqual(new SourceSpan(1, 1, 1, 1), orphan.Span);
        Assert.HasCount(1, diagnostics);
    }

    [TestMethod]
    public void MP2007_a_spec_or_a_plan_over_its_cap_is_reported_and_not_read()
    {
        var workspace = SamplePlan.Workspace(specs: files => files["02-rules.md"] = new string('x', 300 * 1024));

        var spec = workspace.Diagnostics().Single(d => d.Id == "MP2007");
        Assert.AreEqual(SamplePlan.Position(SamplePlan.Plan, "02-rules.md", null).Line, spec.Span.Line, "at the Issue File cell");
        StringAssert.Contains(spec.Message, "is not read: it is 307,200 bytes, over the 262,144-byte cap");

        var plan = SamplePlan.Workspace(_ => SamplePlan.Plan + new string(' ', 600 * 1024)).Diagnostics();
        Assert.AreEqual("MP2007", plan.Single().Id, Dump.Of(plan));
        Assert.AreEqual(new SourceSpan(1, 1, 1, 1), plan.Single().Span);
    }

    [TestMethod]
    [DataRow("3 (including epic)", "TBD", false, 3, DisplayName = "no epic: the tables' count")]
    [DataRow("4 (including epic)", "#100", false, 4, DisplayName = "an Epic Issue: plus one")]
    [DataRow("4 (including epic)", "TBD", true, 4, DisplayName = "a 00-epic.md: plus one")]
    [DataRow("3 (including epic)", "#100", false, 4, DisplayName = "off by one below is reported")]
    [DataRow("5 (including epic)", "#100", false, 4, DisplayName = "off by one above is reported")]
    [DataRow("4", "#100", false, 3, DisplayName = "an epic not said to be included is not counted")]
    public void MP5001_counts_the_epic_only_when_the_value_says_so_and_the_milestone_has_one(string total, string epic, bool epicSpec, int expected)
    {
        var plan = SamplePlan.Plan.Replace("**Total Issues:** 3", "**Total Issues:** " + total, StringComparison.Ordinal)
            .Replace("**Milestone:** `m1`", $"**Milestone:** `m1`\n**Epic Issue:** {epic}", StringComparison.Ordinal);
        var workspace = SamplePlan.Workspace(_ => plan, specs: files =>
        {
            if (epicSpec)
            {
                files["00-epic.md"] = "# Epic";
            }
        });

        var found = workspace.Diagnostics().Where(d => d.Id == "MP5001").ToList();
        var written = int.Parse(total.Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);

        Assert.AreEqual(written == expected ? 0 : 1, found.Count, Dump.Of(found));
        if (found.Count == 1)
        {
            StringAssert.Contains(found[0].Message, $"says {written} but the plan lists {expected} issue(s)");
        }
    }

    [TestMethod]
    public void MP1004_a_GitHub_number_two_issues_claim_is_reported_and_names_neither()
    {
        var workspace = SamplePlan.Workspace(specs: files =>
        {
            files["01-parser.md"] = files["01-parser.md"].Replace("github_issue:", "github_issue: 207", StringComparison.Ordinal);
            files["02-rules.md"] = files["02-rules.md"].Replace("github_issue:", "github_issue: 207", StringComparison.Ordinal);
        });

        var result = workspace.Validate();
        var duplicate = result.Diagnostics.Single(d => d.Id == "MP1004");

        Assert.AreEqual("Issue GitHub #207 (claimed by #01 and #02) appears more than once in the plan (first at line 23)", duplicate.Message);
        Assert.AreEqual(SamplePlan.Position(SamplePlan.Plan, "#02 | 02-rules.md").Line, duplicate.Span.Line);
        Assert.IsNull(result.Plans.Single().Resolve(new Model.IssueNumber(207)), "never a guess");
    }

    [TestMethod]
    public void A_GitHub_number_from_a_spec_names_its_row()
    {
        var workspace = SamplePlan.Workspace(specs: files =>
            files["03-docs.md"] = files["03-docs.md"].Replace("github_issue:", "github_issue: 303", StringComparison.Ordinal));

        var plan = workspace.Validate().Plans.Single();

        Assert.AreEqual(3, plan.Resolve(new Model.IssueNumber(303))!.Number.Value);
        Assert.IsTrue(plan.Find(new Model.IssueNumber(3))!.GitHubFromSpec);
        Assert.AreEqual("feat(m1): Docs (#303)", Planning.PullRequestText.Title(plan, plan.Find(new Model.IssueNumber(3))!));
    }

    [TestMethod]
    public void MP2004_spec_without_acceptance_checkboxes_or_done_definition()
    {
        var workspace = SamplePlan.Workspace(specs: files =>
        {
            files["02-rules.md"] = files["02-rules.md"].Replace("- [ ] It works", "Nothing to tick.");
            files["03-docs.md"] = files["03-docs.md"].Replace("## Done Definition", "## Notes");
        });

        var diagnostics = workspace.Diagnostics().Where(d => d.Id == "MP2004").ToList();
        Assert.HasCount(2, diagnostics, Dump.Of(diagnostics));
        var rules = diagnostics.Single(d => d.FilePath.EndsWith("02-rules.md", StringComparison.Ordinal));
        Assert.AreEqual(15, rules.Span.Line, "at the Acceptance Criteria heading");
        Assert.AreEqual(1, rules.Span.Column);
        var docs = diagnostics.Single(d => d.FilePath.EndsWith("03-docs.md", StringComparison.Ordinal));
        Assert.AreEqual(9, docs.Span.Line, "at the spec's title when there is no done definition");
    }

    [TestMethod]
    public void MP2005_front_matter_drift_and_unreadable_yaml()
    {
        var workspace = SamplePlan.Workspace(specs: files =>
        {
            files["01-parser.md"] = SamplePlan.Spec("Parser", "P1", "[]");
            files["02-rules.md"] = SamplePlan.Spec("Rules", "P0", "[3]");
            files["03-docs.md"] = "---\ntitle: [unclosed\n---\n\n# Docs\n\n## Done\n\nx\n\n## Acceptance Criteria\n\n- [ ] y\n";
        });

        var diagnostics = workspace.Diagnostics().Where(d => d.Id == "MP2005").ToList();
        Assert.HasCount(3, diagnostics, Dump.Of(diagnostics));
        var priority = diagnostics.Single(d => d.FilePath.EndsWith("01-parser.md", StringComparison.Ordinal));
        Assert.AreEqual((5, 1), (priority.Span.Line, priority.Span.Column));
        StringAssert.Contains(priority.Message, "P1");
        var dependencies = diagnostics.Single(d => d.FilePath.EndsWith("02-rules.md", StringComparison.Ordinal));
        Assert.AreEqual((6, 1), (dependencies.Span.Line, dependencies.Span.Column));
        StringAssert.Contains(dependencies.Message, "#02: the front matter has dependencies [#03], the plan has [#01]");
        var yaml = diagnostics.Single(d => d.FilePath.EndsWith("03-docs.md", StringComparison.Ordinal));
        StringAssert.StartsWith(yaml.Message, "Front matter cannot be read");
    }

    [TestMethod]
    public void MP3003_message_lists_the_cycle_and_reports_it_once()
    {
        var plan = SamplePlan.Plan.Replace("| P0 | None | `feat/m1-01", "| P0 | #03 | `feat/m1-01", StringComparison.Ordinal);
        var cycles = SamplePlan.Workspace(_ => plan).Diagnostics().Where(d => d.Id == "MP3003").ToList();
        Assert.HasCount(1, cycles, Dump.Of(cycles));
        Assert.AreEqual("Dependency cycle: #01 → #03 → #01", cycles[0].Message);
    }

    [TestMethod]
    public void MP3001_message_names_both_issues()
    {
        var plan = SamplePlan.Plan.Replace("| P0 | #01 | `feat/m1-02", "| P0 | #09 | `feat/m1-02", StringComparison.Ordinal);
        var d = SamplePlan.Workspace(_ => plan).Diagnostics().Single(x => x.Id == "MP3001");
        Assert.AreEqual("#02 depends on #09, which is not in this plan", d.Message);
        Assert.AreEqual(Path.GetFullPath("/repo/" + SamplePlan.PlanPath), d.FilePath);
    }

    // Near misses: text that looks like a finding but is not one.
    [TestMethod]
    [DataRow("| P0 | #01 | `feat/m1-02", "| P0 | 01 | `feat/m1-02", DisplayName = "dependency without #")]
    [DataRow("| P0 | #01 | `feat/m1-02", "| P0 | #01 and #01 | `feat/m1-02", DisplayName = "dependency with 'and'")]
    [DataRow("| P0 | None | `feat/m1-01", "| P0 | — | `feat/m1-01", DisplayName = "em dash means none")]
    [DataRow("| P0 | None | `feat/m1-01", "| P0 |  | `feat/m1-01", DisplayName = "empty means none")]
    [DataRow("| P0 | None | `feat/m1-01", "| P0 | #243 (models) | `feat/m1-01", DisplayName = "external GitHub issue")]
    [DataRow("| P1 | #01, #02 |", "| P1 | #01 #02 |", DisplayName = "space separated dependencies")]
    [DataRow("**Total Issues:** 3", "**Total Issues:** 3 (including epic)", DisplayName = "total including an epic the milestone does not have")]
    [DataRow("**Status:** In Progress\n\n## Always", "**Status:** in progress\n\n## Always", DisplayName = "status case")]
    [DataRow("`feat(m1)` | M |", "`fix(m1)` | M |", DisplayName = "other conventional type")]
    [DataRow("* [x] #01 — Parser", "* [x] #01 - parser ✅", DisplayName = "checklist with hyphen, case and glyph")]
    [DataRow("- **Phase:**", "- **Phase:**", DisplayName = "identity")]
    [DataRow("**Milestone:** `m1`", "- **Milestone:** `M1`", DisplayName = "bullet field, upper-case milestone")]
    [DataRow("| #01 | 01-parser.md |", "| 1 | [01-parser.md](01-parser.md) |", DisplayName = "number without # and linked file")]
    [DataRow("### Phase 2: Polish — Issue #03", "### Phase 2: Polish — Issue #03\n\n**Goal:** Finish.\n\n```text\n{type}(m{n}): {brief description}\n```", DisplayName = "placeholders in code are not placeholders")]
    public void Near_miss_reports_nothing(string find, string replace)
    {
        var plan = SamplePlan.Plan.Replace(find, replace, StringComparison.Ordinal);
        var diagnostics = SamplePlan.Workspace(_ => plan).Diagnostics();
        Assert.AreEqual(string.Empty, Dump.Of(diagnostics));
    }

    [TestMethod]
    public void CRLF_and_BOM_keep_positions()
    {
        var plan = "\uFEFF" + SamplePlan.Plan.Replace("| P0 | #01 | `feat/m1-02", "| P0 | #09 | `feat/m1-02", StringComparison.Ordinal)
            .Replace("\n", "\r\n", StringComparison.Ordinal);
        var d = SamplePlan.Workspace(_ => plan).Diagnostics().Single(x => x.Id == "MP3001");
        var expected = SamplePlan.Position(plan.Substring(1).Replace("\r\n", "\n", StringComparison.Ordinal), "#09");
        Assert.AreEqual((expected.Line, expected.Column), (d.Span.Line, d.Span.Column));
    }
}

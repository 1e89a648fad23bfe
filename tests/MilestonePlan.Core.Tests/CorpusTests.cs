using MilestonePlan.Core.Tests.Support;

namespace MilestonePlan.Core.Tests;

/// <summary>
/// Real plans from public repositories (../shared/corpus), read as test data. Each finding below is a real
/// deviation of that plan, written down with the reason; anything else would be a false alarm.
/// </summary>
[TestClass]
public sealed class CorpusTests
{
    private static PlanWorkspace LoadCorpus(string repository)
    {
        var folder = Path.Combine(RepositoryPaths.Corpus ?? throw new AssertInconclusiveException("corpus not present"), repository);
        var workspace = new PlanWorkspace();
        foreach (var file in Directory.GetFiles(folder))
        {
            // File name = original path with "/" replaced by "__".
            workspace.Add(Path.GetFileName(file).Replace("__", "/", StringComparison.Ordinal), File.ReadAllText(file));
        }

        return workspace;
    }

    [TestMethod]
    public void Current_format_plan_has_no_finding_except_the_guides_the_corpus_did_not_copy()
    {
        var diagnostics = LoadCorpus("blake-goodwyn__sloppy-pancakes").Diagnostics()
            .Where(d => d.FilePath.Contains("/milestones/m0/", StringComparison.Ordinal))
            .ToList();

        // The plan links to docs/guides/*.md, which exist in the original repository but were not copied here.
        Assert.AreEqual(
            """
            IMPLEMENTATION_PLAN.md(3,100,3,168): MP2003: '../../../guides/implementation-workflow.md' does not exist
            IMPLEMENTATION_PLAN.md(49,3,49,42): MP2003: 'docs/guides/implementation-workflow.md' does not exist
            IMPLEMENTATION_PLAN.md(50,3,50,30): MP2003: 'docs/guides/dev-cadence.md' does not exist
            """.ReplaceLineEndings(),
            Dump.Of(diagnostics));
    }

    [TestMethod]
    public void A_build_gets_the_same_findings_and_extra_inputs_without_keeping_the_plans()
    {
        var workspace = LoadCorpus("blake-goodwyn__sloppy-pancakes");
        var kept = workspace.Validate(keepPlans: true);
        var findingsOnly = workspace.Validate(keepPlans: false);

        Assert.AreEqual(Dump.Of(kept.Diagnostics), Dump.Of(findingsOnly.Diagnostics));
        CollectionAssert.AreEqual(kept.ExtraInputs.ToList(), findingsOnly.ExtraInputs.ToList());
        Assert.AreEqual(2, kept.PlanCount);
        Assert.AreEqual(2, findingsOnly.PlanCount);
        Assert.HasCount(2, kept.Plans);
        Assert.IsEmpty(findingsOnly.Plans);

        // The link from the plan's folder (../../../guides/...) and the required reads from the root name the same
        // files, once each: a build re-validates when one of them appears.
        var guides = findingsOnly.ExtraInputs.Where(f => f.Contains("guides", StringComparison.Ordinal)).ToList();
        CollectionAssert.Contains(guides, Path.GetFullPath(Path.Combine(PlanWorkspace.Root, "docs/guides/implementation-workflow.md")));
        CollectionAssert.Contains(guides, Path.GetFullPath(Path.Combine(PlanWorkspace.Root, "docs/guides/dev-cadence.md")));
        Assert.HasCount(guides.Distinct().Count(), guides);
    }

    [TestMethod]
    public void Current_format_plan_is_read_completely()
    {
        var plan = LoadCorpus("blake-goodwyn__sloppy-pancakes").Validate().Plans
            .Single(p => p.Path.Contains("/milestones/m0/", StringComparison.Ordinal));

        Assert.AreEqual("m0", plan.Milestone!.Value);
        var issue = plan.Issues.Single();
        Assert.AreEqual(1, issue.Number.Value);
        Assert.AreEqual("01-project-bootstrap.md", issue.FileName);
        Assert.AreEqual("feat/m0-01-project-bootstrap", issue.FeatureBranch!.Text);
        Assert.IsTrue(issue.Dependencies.IsReadable);
        Assert.IsEmpty(issue.Dependencies.References);
        Assert.AreEqual("#01", plan.Tracking.CurrentIssue!.Value.Text);
        Assert.AreEqual("Not Started", plan.Tracking.FooterStatus!.Value.Text);
        Assert.AreEqual(false, plan.Tracking.Completed!.Entries.Single().Checked);
    }

    [TestMethod]
    public void Older_simpler_format_is_read_and_its_real_deviations_are_reported()
    {
        var workspace = LoadCorpus("blake-goodwyn__sloppy-pancakes");
        var diagnostics = workspace.Diagnostics()
            .Where(d => d.FilePath.Contains("/m0-example/", StringComparison.Ordinal))
            .ToList();

        // The older format (a "#"/"Issue"/"File"/"Branch"/"Status" table, phase priority in the heading,
        // tracking as small tables, no Tracking heading) is read without complaint. What remains is real:
        // - the Overview has no Milestone Folder and no Total Issues field;
        // - the corpus copied only spec 01, so the specs of #02..#04 are missing here.
        Assert.AreEqual(
            """
            IMPLEMENTATION_PLAN.md(3,1,3,11): MP1002: Overview field 'Milestone Folder' is missing
            IMPLEMENTATION_PLAN.md(3,1,3,11): MP1002: Overview field 'Total Issues' is missing
            IMPLEMENTATION_PLAN.md(24,22,24,38): MP2001: Issue #02: spec file '02-ci-cd-setup.md' does not exist in docs/03-build-notes/milestones/m0-example/
            IMPLEMENTATION_PLAN.md(30,24,30,42): MP2001: Issue #03: spec file '03-storage-layer.md' does not exist in docs/03-build-notes/milestones/m0-example/
            IMPLEMENTATION_PLAN.md(31,20,31,34): MP2001: Issue #04: spec file '04-basic-cli.md' does not exist in docs/03-build-notes/milestones/m0-example/
            """.ReplaceLineEndings(),
            Dump.Of(diagnostics));

        var plan = workspace.Validate().Plans.Single(p => p.Path.Contains("/m0-example/", StringComparison.Ordinal));
        Assert.AreEqual(4, plan.Issues.Count());
        Assert.IsTrue(plan.Issues.All(i => i.Priority.Level == 0), "priority comes from '(P0)' in the phase heading");
        Assert.AreEqual("Project structure", plan.Issues.First().TitleText);
        Assert.AreEqual("#01 - Project structure", plan.Tracking.CurrentIssue!.Value.Text);
    }
}

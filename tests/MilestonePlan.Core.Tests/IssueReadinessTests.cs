using MilestonePlan.Core.IO;
using MilestonePlan.Core.Model;
using MilestonePlan.Core.Parsing;
using MilestonePlan.Core.Planning;
using MilestonePlan.Core.Tests.Support;

namespace MilestonePlan.Core.Tests;

/// <summary>
/// The "Issue Spec Problems" stop before the agent runs (issue #22): the same answers as the build's MP2003, MP2006,
/// MP2004 and MP2005, for one issue.
/// </summary>
[TestClass]
public sealed class IssueReadinessTests
{
    private const string Root = "/repo";
    private const string PlanPath = Root + "/docs/03-build-notes/m1/IMPLEMENTATION_PLAN.md";
    private const string SpecPath = Root + "/docs/03-build-notes/m1/02-rules.md";

    private static readonly string Spec = SamplePlan.Spec("Rules", "P0", "[1]");

    private static IReadOnlyList<string> Problems(string plan, string spec, params string[] files)
    {
        var all = files.ToDictionary(f => Root + "/" + f, _ => "x");
        all[PlanPath] = plan;
        all[SpecPath] = spec;
        var fs = new InMemoryFileSystem(all, isComplete: true);
        var document = PlanParser.Parse(PlanPath, plan);
        return IssueReadiness.Problems(fs, Root, document, document.Find(new IssueNumber(2))!, SpecParser.Parse(SpecPath, spec));
    }

    [TestMethod]
    public void A_ready_issue_has_no_problem_and_its_required_reads_are_listed()
    {
        Assert.IsEmpty(Problems(SamplePlan.Plan, Spec, "docs/guides/workflow.md"));
        CollectionAssert.AreEqual(new[] { "docs/guides/workflow.md" }, IssueReadiness.RequiredReads(PlanParser.Parse(PlanPath, SamplePlan.Plan)).ToArray());
    }

    [TestMethod]
    public void A_missing_required_read_is_a_problem()
    {
        CollectionAssert.AreEqual(new[] { "the required read 'docs/guides/workflow.md' does not exist (MP2003)" }, Problems(SamplePlan.Plan, Spec).ToArray());
    }

    [TestMethod]
    public void A_required_read_outside_the_repository_is_a_problem()
    {
        var plan = SamplePlan.Plan.Replace("- `docs/guides/workflow.md`", "- `../../etc/passwd`", StringComparison.Ordinal);

        StringAssert.StartsWith(Problems(plan, Spec).Single(), "the required read '../../etc/passwd' cannot be used: ");
    }

    [TestMethod]
    public void A_spec_without_acceptance_criteria_is_a_problem()
    {
        var spec = Spec.Substring(0, Spec.IndexOf("## Acceptance Criteria", StringComparison.Ordinal));

        CollectionAssert.AreEqual(new[] { "the spec of #02 has no acceptance criteria (MP2004)" }, Problems(SamplePlan.Plan, spec, "docs/guides/workflow.md").ToArray());
    }

    [TestMethod]
    public void Dependencies_that_disagree_with_the_plan_are_a_problem()
    {
        var spec = SamplePlan.Spec("Rules", "P0", "[3]");

        CollectionAssert.AreEqual(new[] { "the spec of #02 says dependencies [#03], the plan [#01] (MP2005)" }, Problems(SamplePlan.Plan, spec, "docs/guides/workflow.md").ToArray());
    }
}

using MilestonePlan.Workflow.Tests.Support;

namespace MilestonePlan.Workflow.Tests;

/// <summary>
/// The plan's required reads (Always Load Context) reach the agent (`{context}`, MILESTONEPLAN_CONTEXT), and an issue
/// whose required read is missing, or whose spec has no acceptance criteria, is the template's "Issue Spec Problems"
/// hard stop before the agent runs (issue #22).
/// </summary>
[TestClass]
public sealed class RequiredReadsTests
{
    private static readonly string PlanWithReads = WorkflowRepository.Plan.Replace("## Issue Breakdown by Phase",
        "## Always Load Context (required reads)\n\n- `docs/guides/workflow.md`\n- `docs/guides/cadence.md`\n\n## Issue Breakdown by Phase", StringComparison.Ordinal);

    private const string Echo = """
        #!/bin/sh
        echo "$MILESTONEPLAN_ISSUE" >> "$AGENT_LOG"
        for a in "$@"; do echo "arg:$a" >> "$AGENT_LOG"; done
        printf 'env:%s\n' "$MILESTONEPLAN_CONTEXT" >> "$AGENT_LOG"
        mkdir -p src
        printf 'code\n' > "src/issue-$MILESTONEPLAN_ISSUE.txt"
        """;

    [TestMethod]
    public void The_agent_gets_each_required_read_as_an_argument_and_in_its_environment()
    {
        using var repo = new WorkflowRepository(plan: PlanWithReads);
        repo.Git.Write("docs/guides/workflow.md", "# Workflow\n");
        repo.Git.Write("docs/guides/cadence.md", "# Cadence\n");
        repo.Git.CommitAll("guides", push: true);
        repo.Gh.Configure(s => s["autoMergeMode"] = "onview");

        ScriptedAgent.Loop(repo, Echo, maxIssues: 1, agentCommand: "'{agent}' --read {context} --end").RunMilestone();

        var log = File.ReadAllLines(ScriptedAgent.Log(repo));
        CollectionAssert.AreEqual(new[] { "#01", "arg:--read", "arg:docs/guides/workflow.md", "arg:docs/guides/cadence.md", "arg:--end",
            "env:docs/guides/workflow.md", "docs/guides/cadence.md" }, log, string.Join("\n", repo.Output));
    }

    [TestMethod]
    public void A_missing_required_read_stops_the_issue_before_its_agent_runs()
    {
        using var repo = new WorkflowRepository(plan: PlanWithReads);
        repo.Git.Write("docs/guides/workflow.md", "# Workflow\n");
        repo.Git.CommitAll("one guide", push: true);

        var outcomes = ScriptedAgent.Loop(repo, Echo, maxIssues: 1).RunMilestone();

        Assert.AreEqual("#01 Stopped", outcomes.Select(o => $"{o.Issue} {o.State}").Single(), string.Join("\n", repo.Output));
        Assert.IsEmpty(ScriptedAgent.Calls(repo), "the agent never ran");
        StringAssert.Contains(repo.PlanText, "* #01 — Parser — STOP: issue spec problem: the required read 'docs/guides/cadence.md' does not exist (MP2003) — Needs: fix the spec or the plan, then remove this entry\n");
        Assert.IsFalse(repo.Git.RemoteHas("feat/m1-01-parser"), "nothing pushed");
    }

    [TestMethod]
    public void A_spec_without_acceptance_criteria_stops_the_issue_before_its_agent_runs()
    {
        using var repo = new WorkflowRepository();
        repo.Git.Write("docs/03-build-notes/m1/01-parser.md", "---\ntitle: \"Parser\"\npriority: P0\n---\n\n# Parser\n\n## Done Definition\n\nDone.\n");
        repo.Git.CommitAll("spec without criteria", push: true);

        var outcomes = ScriptedAgent.Loop(repo, Echo, maxIssues: 1).RunMilestone();

        Assert.AreEqual("#01 Stopped", outcomes.Select(o => $"{o.Issue} {o.State}").Single(), string.Join("\n", repo.Output));
        Assert.IsEmpty(ScriptedAgent.Calls(repo));
        StringAssert.Contains(repo.PlanText, "STOP: issue spec problem: the spec of #01 has no acceptance criteria (MP2004)");
    }
}

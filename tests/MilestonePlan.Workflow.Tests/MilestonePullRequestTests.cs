using System.Text.Json.Nodes;
using MilestonePlan.Workflow.Tests.Support;

namespace MilestonePlan.Workflow.Tests;

/// <summary>CompleteMilestone's base → main PR: the template's PR description, opened once.</summary>
[TestClass]
public sealed class MilestonePullRequestTests
{
    private const string Epic = """
        ---
        title: "Epic: M1 — Core"
        github_issue: 7
        ---

        # Epic: M1 — Core

        ## Acceptance Criteria

        - [ ] Plans parse
        - [ ] Rules report

        ## NFR Targets

        - Validation under 1 s for 100 plans

        ## Notes

        - not an NFR
        """;

    [TestMethod]
    public void The_PR_has_the_template_description_and_a_rerun_reuses_it()
    {
        var plan = CompleteMilestoneTests.AllDone(WorkflowRepository.Plan)
            .Replace("| Issue # | Issue File |", "| Issue # | GitHub # | Issue File |", StringComparison.Ordinal)
            .Replace("|---|---|---|---|---|---|---|---|", "|---|---|---|---|---|---|---|---|---|", StringComparison.Ordinal)
            .Replace("| #01 | 01-parser.md", "| #01 | #11 | 01-parser.md", StringComparison.Ordinal)
            .Replace("| #02 | 02-rules.md", "| #02 | #12 | 02-rules.md", StringComparison.Ordinal)
            .Replace("| #03 | 03-docs.md", "| #03 |  | 03-docs.md", StringComparison.Ordinal);
        using var repo = new WorkflowRepository(plan: plan);
        repo.Git.Write("docs/03-build-notes/m1/00-epic.md", Epic);
        repo.Git.CommitAll("epic", push: true);
        repo.Git.Git("checkout", "--quiet", "-b", "milestone/m1-core");
        repo.Git.Write("src/feature.txt", "milestone work\n");
        repo.Git.CommitAll("work", push: true);

        repo.Runner(milestone: "m1").CompleteMilestone();
        repo.Runner(milestone: "m1").CompleteMilestone();

        var pr = repo.IssuePullRequests.Single()!;
        Assert.AreEqual("""
            # M1 Milestone: M1

            ## Summary
            Completes all M1 issues and meets all acceptance criteria.

            ## Acceptance Criteria Verification
            - [x] Plans parse
            - [x] Rules report

            ## NFR Targets
            - [x] Validation under 1 s for 100 plans

            ## Issues Completed
            Closes #11, #12
            - 03 Docs (no GitHub issue)

            """, pr["body"]!.GetValue<string>());
        Assert.AreEqual(1, repo.Gh.Calls.Count(c => c is ["pr", "create", ..]));
        Assert.IsTrue(repo.Output.Any(l => l.StartsWith($"PR #{pr["number"]} (milestone/m1-core → main) is open", StringComparison.Ordinal)), string.Join("\n", repo.Output));
    }
}

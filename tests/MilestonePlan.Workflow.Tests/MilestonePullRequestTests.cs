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

    /// <summary>Every issue done; #01 and #02 have GitHub numbers 11 and 12, #03 none; the completion checklist as given.</summary>
    private static WorkflowRepository OnTheBase(string checklist)
    {
        var plan = CompleteMilestoneTests.AllDone(WorkflowRepository.Plan)
            .Replace("| Issue # | Issue File |", "| Issue # | GitHub # | Issue File |", StringComparison.Ordinal)
            .Replace("|---|---|---|---|---|---|---|---|", "|---|---|---|---|---|---|---|---|---|", StringComparison.Ordinal)
            .Replace("| #01 | 01-parser.md", "| #01 | #11 | 01-parser.md", StringComparison.Ordinal)
            .Replace("| #02 | 02-rules.md", "| #02 | #12 | 02-rules.md", StringComparison.Ordinal)
            .Replace("| #03 | 03-docs.md", "| #03 |  | 03-docs.md", StringComparison.Ordinal)
            + checklist;
        var repo = new WorkflowRepository(plan: plan);
        repo.Git.Write("docs/03-build-notes/m1/00-epic.md", Epic);
        repo.Git.CommitAll("epic", push: true);
        repo.Git.Git("checkout", "--quiet", "-b", "milestone/m1-core");
        repo.Git.Write("src/feature.txt", "milestone work\n");
        repo.Git.CommitAll("work", push: true);
        return repo;
    }

    [TestMethod]
    public void The_PR_has_the_template_description_and_a_rerun_reuses_it()
    {
        using var repo = OnTheBase(string.Empty);

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

    [TestMethod]
    public void Items_left_for_a_person_are_listed_unticked_and_an_epic_criterion_among_them_is_not_claimed()
    {
        using var repo = OnTheBase("\n## Milestone Completion Checklist\n\n* [x] Rules report\n* [ ] Plans parse\n* [ ] Validation under 1 s for 100 plans\n* [ ] Demo recorded\n");

        repo.Runner(milestone: "m1").CompleteMilestone();

        Assert.AreEqual("""
            # M1 Milestone: M1

            ## Summary
            Completes all M1 issues; 3 completion checklist item(s) are left for a person to verify before merging.

            ## Left for a person to verify before merging
            - [ ] Plans parse
            - [ ] Validation under 1 s for 100 plans
            - [ ] Demo recorded

            ## Acceptance Criteria Verification
            - [ ] Plans parse
            - [x] Rules report

            ## NFR Targets
            - [ ] Validation under 1 s for 100 plans

            ## Issues Completed
            Closes #11, #12
            - 03 Docs (no GitHub issue)

            """, repo.IssuePullRequests.Single()!["body"]!.GetValue<string>());
        CollectionAssert.Contains(repo.Output, "Left for a person to verify before merging: Plans parse; Validation under 1 s for 100 plans; Demo recorded");
    }

    [TestMethod]
    public void An_item_for_a_person_is_published_as_one_bounded_line_with_any_secret_redacted()
    {
        const string Token = "ghp_0123456789abcdefghijklmnopqrstuvwxyzAB";
        var longItem = "Sign-off " + new string('x', 400);
        using var repo = OnTheBase($"\n## Milestone Completion Checklist\n\n* [ ] Rotate {Token} after the demo\n* [ ] {longItem}\n");

        repo.Runner(milestone: "m1").CompleteMilestone();

        var body = repo.IssuePullRequests.Single()!["body"]!.GetValue<string>();
        Assert.DoesNotContain(Token, body);
        Assert.DoesNotContain(Token, string.Join("\n", repo.Output));
        var listed = body.Split('\n').SkipWhile(l => l != "## Left for a person to verify before merging").Skip(1).TakeWhile(l => l.Length > 0).ToList();
        Assert.HasCount(2, listed, body);
        StringAssert.StartsWith(listed[0], "- [ ] Rotate ");
        Assert.AreEqual("- [ ] " + longItem.Substring(0, 200) + "…", listed[1]);
    }
}

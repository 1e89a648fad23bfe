using MilestonePlan.Workflow.Tests.Support;

namespace MilestonePlan.Workflow.Tests;

[TestClass]
public sealed class PushIssuesTests
{
    internal const string Plan = """
        # M1 Implementation Plan

        ## Overview

        **Milestone:** `m1`
        **Milestone Branch:** `milestone/m1-core`
        **Total Issues:** 3
        **Status:** Not Started

        ### Phase 1: Core

        | Issue # | GitHub # | Issue File | Title | Priority | Dependencies |
        |---|---|---|---|---|---|
        | #01 |  | 01-parser.md | Parser | P0 | None |
        | #02 | | 02-rules.md | Rules | P0 | #01 |
        | #03 | #103 | 03-docs.md | Docs | P1 | #01 |

        ## Tracking

        ### Completed Issues

        * [ ] #01 — Parser
        * [ ] #02 — Rules
        * [ ] #03 — Docs

        """;

    [TestMethod]
    public void Creates_an_issue_per_spec_without_one_writes_the_numbers_back_and_never_twice()
    {
        using var repo = new WorkflowRepository(plan: Plan);
        repo.Git.Write("docs/03-build-notes/m1/01-parser.md", "---\ntitle: \"Parser\"\nlabels: [\"type:feature\", \"prio:P0\"]\ngithub_issue:\npriority: P0\n---\n\n# Parser\n\nBody text.\n");
        repo.Git.Write("docs/03-build-notes/m1/02-rules.md", "---\ntitle: \"Rules\"\npriority: P0\n---\n\n# Rules\n");
        repo.Git.CommitAll("specs", push: true);

        var pushed = repo.Runner().PushIssues();

        CollectionAssert.AreEqual(new[] { (1, 1), (2, 2) }, pushed.Select(p => (p.Row.Number.Value, p.Number)).ToArray());
        var creates = repo.IssueGhCalls.Where(c => c[0] == "issue" && c[1] == "create").ToList();
        CollectionAssert.AreEqual(new[] { "issue", "create", "--title", "Parser", "--body-file" }, creates[0].Take(5).ToArray());
        CollectionAssert.AreEqual(new[] { "--label", "type:feature", "--label", "prio:P0" }, creates[0].Skip(6).ToArray());
        StringAssert.Contains(repo.TrackedText("docs/03-build-notes/m1/01-parser.md"), "\ngithub_issue: 1\npriority: P0\n");
        StringAssert.Contains(repo.TrackedText("docs/03-build-notes/m1/02-rules.md"), "title: \"Rules\"\ngithub_issue: 2\n");
        StringAssert.Contains(repo.TrackedText("docs/03-build-notes/m1/03-docs.md"), "github_issue: 103\n");
        StringAssert.Contains(repo.PlanText, "| #01 | #1 | 01-parser.md |");
        StringAssert.Contains(repo.PlanText, "| #02 | #2 | 02-rules.md |");

        repo.Runner().PushIssues();
        Assert.HasCount(2, repo.IssueGhCalls.Where(c => c[0] == "issue" && c[1] == "create").ToList(), "a second run creates nothing");
    }

    [TestMethod]
    public void A_spec_whose_front_matter_cannot_take_the_number_is_refused_before_any_issue_is_created()
    {
        using var repo = new WorkflowRepository(plan: Plan);
        const string Spec = "---\ntitle: \"Parser\"\n\tpriority: P0\n---\n\n# Parser\n";
        repo.Git.Write("docs/03-build-notes/m1/01-parser.md", Spec);
        repo.Git.CommitAll("specs", push: true);

        var error = Assert.ThrowsExactly<WorkflowException>(() => repo.Runner().PushIssues());

        Assert.AreEqual("MP9002", error.Rule.Id);
        StringAssert.EndsWith(error.File, "01-parser.md");
        Assert.AreEqual(2, error.Span?.Line, error.Message);
        StringAssert.Contains(error.Message, "front matter does not read as YAML");
        Assert.IsEmpty(repo.IssueGhCalls.Where(c => c[0] == "issue" && c[1] == "create").ToList(), "no GitHub issue the spec could not record");
        Assert.AreEqual(Spec, repo.TrackedText("docs/03-build-notes/m1/01-parser.md"));
    }
}

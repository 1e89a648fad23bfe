using MilestonePlan.Workflow.Tests.Support;

namespace MilestonePlan.Workflow.Tests;

/// <summary>
/// The code-review gate (issue #22): MilestonePlanReviewCommand runs on the open PR after the checks pass and before
/// auto-merge, and writes SARIF 2.1.0 to `{findings}`. Critical findings (rank ≥ threshold) are ⛔ with the PR a draft
/// and the findings commented on it; minor ones let it auto-merge; a reviewer that crashes is a soft stop, never a pass.
/// Real git, a bare origin, the fake gh; the reviewer is a small script.
/// </summary>
[TestClass]
public sealed class ReviewGateTests
{
    internal static string Sarif(params (int Rank, string Text, string File, int Line)[] results) =>
        "{ \"version\": \"2.1.0\", \"runs\": [ { \"tool\": { \"driver\": { \"name\": \"reviewer\" } }, \"results\": [ "
        + string.Join(", ", results.Select(r => $"{{ \"ruleId\": \"R1\", \"rank\": {r.Rank}, \"message\": {{ \"text\": \"{r.Text}\" }}, "
            + $"\"locations\": [ {{ \"physicalLocation\": {{ \"artifactLocation\": {{ \"uri\": \"{r.File}\" }}, \"region\": {{ \"startLine\": {r.Line} }} }} }} ] }}"))
        + " ] } ] }";

    private static WorkflowRepository WithReviewer(string script, out Actions.WorkflowRunner runner)
    {
        var repo = SubmitIssueTests.StartIssueOne();
        var path = Path.Combine(repo.Gh.Folder, "review.sh");
        File.WriteAllText(path, script);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        runner = new Actions.WorkflowRunner(repo.Settings(new()
        {
            ["MilestonePlanCheckCommand"] = "none",
            ["MilestonePlanReviewCommand"] = $"'{path}' --pr {{pr}} --out {{findings}} --range {{range}}",
        }), repo.Gh.Runner, repo.Output.Add);
        return repo;
    }

    internal static string Writes(string sarif) => "#!/bin/sh\necho \"reviewing $MILESTONEPLAN_PR $6\"\ncat > \"$4\" <<'JSON'\n" + sarif + "\nJSON\n";

    [TestMethod]
    public void A_critical_finding_stops_the_issue_leaves_a_draft_and_is_commented_on_the_PR()
    {
        using var repo = WithReviewer(Writes(Sarif((92, "SQL built from user input", "src/Parser.cs", 3), (40, "naming", "src/Parser.cs", 1))), out var runner);

        var stop = runner.SubmitIssue().Single();

        Assert.AreEqual(("review", true), (stop.Code, stop.IsHard));
        var pr = repo.IssuePullRequests[0]!;
        Assert.IsTrue(pr["isDraft"]!.GetValue<bool>(), "a draft");
        Assert.IsFalse(pr["autoMerge"]!.GetValue<bool>(), "never given auto-merge");
        var comment = pr["comments"]!.AsArray().Single()!["body"]!.GetValue<string>();
        StringAssert.Contains(comment, "1. SQL built from user input (score: 92, file: src/Parser.cs, line: 3)");
        Assert.DoesNotContain("naming", comment, "only the critical findings");
        // The template's code-review findings format.
        StringAssert.Contains(repo.PlanText, "* **#01** — Parser\n  - Reason: Code review found 1 critical issue (PR #1)\n  - Findings:\n"
            + "    1. SQL built from user input (score: 92, file: src/Parser.cs, line: 3)\n  - Fix: Address critical issues before continuing\n  - PR: #1\n  - Blocked Date: ");
        CollectionAssert.Contains(repo.Output, "review> reviewing 1 milestone/m1-core...feat/m1-01-parser");
    }

    [TestMethod]
    public void Minor_findings_let_the_PR_auto_merge()
    {
        using var repo = WithReviewer(Writes(Sarif((30, "naming", "src/Parser.cs", 1), (10, "comment typo", "src/Parser.cs", 2))), out var runner);

        Assert.IsEmpty(runner.SubmitIssue(), string.Join("\n", repo.Output));

        Assert.IsTrue(repo.IssuePullRequests[0]!["autoMerge"]!.GetValue<bool>());
        CollectionAssert.Contains(repo.Output, "#01: review of PR #1: 2 finding(s), 0 at or above 80");
        StringAssert.Contains(repo.PlanText, "* [PR #1](https://github.com/example/repo/pull/1) — Parser (#01)\n  - Status: ⏳ Checks pending\n  - Code Review: ⚠ 2 issues found\n");
    }

    [TestMethod]
    public void A_review_with_no_finding_says_no_issues()
    {
        using var repo = WithReviewer(Writes(Sarif()), out var runner);

        Assert.IsEmpty(runner.SubmitIssue(), string.Join("\n", repo.Output));

        StringAssert.Contains(repo.PlanText, "  - Code Review: ✓ No issues\n");
    }

    [TestMethod]
    public void A_finding_the_template_format_cannot_hold_is_still_recorded_in_the_standard_format()
    {
        using var repo = WithReviewer(Writes(Sarif((90, "- missing null check", "src/Parser.cs", 2))), out var runner);

        Assert.AreEqual("review", runner.SubmitIssue().Single().Code);

        StringAssert.Contains(repo.PlanText, "* #01 — Parser — STOP: Code review found 1 critical issues (PR #1): - missing null check (score: 90, file: src/Parser.cs, line: 2) — Needs: Address critical issues before continuing\n");
    }

    [TestMethod]
    [DataRow("#!/bin/sh\nexit 1\n", "the reviewer exited with code 1")]
    [DataRow("#!/bin/sh\nexit 0\n", "the reviewer wrote no findings file")]
    [DataRow("#!/bin/sh\necho 'not json' > \"$4\"\n", "the reviewer's findings are not a SARIF log")]
    public void A_reviewer_that_gives_no_answer_is_a_soft_stop_never_a_pass(string script, string reason)
    {
        using var repo = WithReviewer(script, out var runner);

        var stop = runner.SubmitIssue().Single();

        Assert.AreEqual(("review", false), (stop.Code, stop.IsHard));
        StringAssert.Contains(stop.Reason, "code review did not finish for PR #1: " + reason);
        Assert.IsTrue(repo.IssuePullRequests[0]!["isDraft"]!.GetValue<bool>());
        Assert.IsFalse(repo.IssuePullRequests[0]!["autoMerge"]!.GetValue<bool>());
        StringAssert.Contains(repo.PlanText, "* #01 — Parser — Skipped: code review did not finish for PR #1: ");
    }
}

using System.Text.Json.Nodes;
using MilestonePlan.Workflow.StopConditions;
using MilestonePlan.Workflow.Tests.Support;

namespace MilestonePlan.Workflow.Tests;

/// <summary>SubmitIssue and ReconcileMilestone with real git (bare origin) and the fake gh.</summary>
[TestClass]
public sealed class SubmitIssueTests
{
    internal static WorkflowRepository StartIssueOne(string? plan = null, bool installGh = true)
    {
        var repo = new WorkflowRepository(installGh, plan);
        repo.Runner().RunNextIssue();
        repo.Git.Write("src/Parser.cs", "namespace App; public static class Parser { public static int Parse(string s) => s.Length; }\n");
        repo.Git.CommitAll("feat(m1): parser");
        return repo;
    }

    [TestMethod]
    public void Opens_the_PR_with_the_plan_title_and_the_spec_criteria_and_records_it()
    {
        using var repo = StartIssueOne();

        var stops = repo.Runner().SubmitIssue();

        Assert.IsEmpty(stops, string.Join("\n", repo.Output));
        Assert.IsTrue(repo.Git.RemoteHas("feat/m1-01-parser"), "feature branch pushed");
        var pr = repo.IssuePullRequests.Single()!;
        Assert.AreEqual("feat(m1): Parser (#01)", pr["title"]!.GetValue<string>());
        Assert.AreEqual("milestone/m1-core", pr["base"]!.GetValue<string>());
        Assert.AreEqual("feat/m1-01-parser", pr["head"]!.GetValue<string>());
        StringAssert.Contains(pr["body"]!.GetValue<string>(), "## Acceptance Criteria\n\n- [ ] Parser works\n- [ ] Tests cover Parser\n");
        CollectionAssert.AreEqual(new[] { "pr", "merge", "1", "--auto", "--squash", "--delete-branch" },
            repo.IssueGhCalls.Single(c => c[0] == "pr" && c[1] == "merge"));
        StringAssert.Contains(repo.PlanText, "### Open PRs (autopilot)\n\n* [PR #1](https://github.com/example/repo/pull/1) — Parser (#01)\n");
    }

    [TestMethod]
    public void A_PR_merged_at_once_is_recorded_as_done()
    {
        using var repo = StartIssueOne();
        repo.Gh.Configure(s => s["autoMergeMode"] = "immediate");

        repo.Runner().SubmitIssue();

        StringAssert.Contains(repo.PlanText, "* [x] #01 — Parser\n");
        StringAssert.Contains(repo.PlanText, "* **Current Issue:** #02\n");
        StringAssert.Contains(repo.PlanText, "### Open PRs (autopilot)\n\n* (none)\n");
    }

    [TestMethod]
    public void Auto_merge_refused_is_recorded_as_a_stop()
    {
        using var repo = StartIssueOne();
        repo.Gh.Configure(s => s["autoMergeMode"] = "refuse");

        var stops = repo.Runner().SubmitIssue();

        Assert.AreEqual("auto-merge", stops.Single().Code);
        StringAssert.Contains(repo.PlanText, "* #01 — Parser — STOP: auto-merge could not be enabled for PR #1:");
        StringAssert.Contains(repo.PlanText, "Auto merge is not allowed for this repository");
    }

    [TestMethod]
    public void A_secret_in_the_diff_stops_before_anything_is_pushed()
    {
        using var repo = StartIssueOne();
        repo.Git.Write("src/settings.json", "{ \"token\": \"ghp_abcdefghijklmnopqrstuvwxyz0123456789\" }\n");
        repo.Git.CommitAll("settings");

        var stops = repo.Runner().SubmitIssue();

        Assert.AreEqual("secret", stops[0].Code);
        Assert.IsFalse(repo.Git.RemoteHas("feat/m1-01-parser"), "nothing pushed");
        Assert.IsFalse(repo.IssueGhCalls.Any(c => c[0] == "pr" && c[1] != "list"), "no PR");
        StringAssert.Contains(repo.PlanText, "* #01 — Parser — STOP: a GitHub token was added");
        Assert.DoesNotContain("ghp_abc", repo.PlanText);
        Assert.IsFalse(repo.Output.Any(l => l.Contains("ghp_abc", StringComparison.Ordinal)));
    }

    [TestMethod]
    public void Nine_changed_files_through_git_is_a_soft_stop()
    {
        // Already changed on the branch: src/Parser.cs (the plan's edits are on the tracking branch); eight more make nine.
        using var repo = StartIssueOne();
        for (var i = 0; i < 8; i++)
        {
            repo.Git.Write($"src/F{i}.cs", $"class F{i} {{ }}\n");
        }

        repo.Git.CommitAll("many files");
        var stops = repo.Runner().SubmitIssue();

        Assert.AreEqual("9 files changed (more than 8)", stops.Single().Reason);
        StringAssert.Contains(repo.PlanText, "* #01 — Parser — Skipped: 9 files changed (more than 8)");
    }

    [TestMethod]
    public void A_failing_check_is_a_soft_stop_and_nothing_is_pushed()
    {
        using var repo = StartIssueOne();

        var stops = repo.Runner(checks: "true\ngit no-such-check").SubmitIssue();

        Assert.HasCount(1, stops, string.Join("\n", repo.Output));
        Assert.AreEqual(("checks-failed", StopKind.Soft), (stops.Single().Code, stops.Single().Kind));
        StringAssert.Contains(stops.Single().Reason, "git no-such-check failed (exit 1)");
        CollectionAssert.Contains(repo.Output, "Running checks: true");
        // The check's own output is in the log, line by line, after its command line and before the stop.
        var said = repo.Output.FindIndex(l => l.StartsWith("check> git: 'no-such-check' is not a git command", StringComparison.Ordinal));
        Assert.IsGreaterThan(repo.Output.IndexOf("Running checks: git no-such-check"), said, string.Join("\n", repo.Output));
        Assert.IsFalse(repo.Git.RemoteHas("feat/m1-01-parser"));
        StringAssert.Contains(repo.PlanText, "* #01 — Parser — Skipped: checks still fail:");
    }

    [TestMethod]
    public void Missing_gh_is_MP9001_and_nothing_is_pushed()
    {
        using var repo = StartIssueOne(installGh: false);
        var plan = repo.PlanText;

        var error = Assert.ThrowsExactly<WorkflowException>(() => repo.Runner().SubmitIssue());

        Assert.AreEqual("MP9001", error.Rule.Id);
        StringAssert.Contains(error.Message, "gh (the GitHub CLI) was not found on PATH");
        Assert.IsFalse(repo.Git.RemoteHas("feat/m1-01-parser"));
        Assert.AreEqual(plan, repo.PlanText);
    }

    [TestMethod]
    public void Unauthenticated_gh_is_MP9001_with_its_stderr()
    {
        using var repo = StartIssueOne();
        repo.Gh.Configure(s => s["authenticated"] = false);

        var error = Assert.ThrowsExactly<WorkflowException>(() => repo.Runner().SubmitIssue());

        StringAssert.Contains(error.Message, "You are not logged into any GitHub hosts");
    }

    [TestMethod]
    public void Hostile_titles_reach_gh_byte_for_byte()
    {
        const string title = "Fix \"quotes\"; $(rm -rf /) `ticks` & ünïcode — ok";
        var plan = WorkflowRepository.Plan.Replace("| #01 | 01-parser.md | Parser |", $"| #01 | 01-parser.md | {title.Replace("`", "\\`", StringComparison.Ordinal)} |", StringComparison.Ordinal);
        using var repo = StartIssueOne(plan);

        repo.Runner().SubmitIssue();

        var create = repo.IssueGhCalls.Single(c => c[0] == "pr" && c[1] == "create");
        var titleArgument = create[Array.IndexOf(create, "--title") + 1];
        Assert.AreEqual($"feat(m1): {title} (#01)", titleArgument);
        Assert.IsTrue(File.Exists(Path.Combine(repo.Git.Path_, "README.md")), "no shell ran `rm -rf /`");
    }

    [TestMethod]
    public void Reconcile_marks_a_merged_PR_done_and_lists_an_open_one()
    {
        using var repo = new WorkflowRepository();
        repo.Gh.Configure(s =>
        {
            s["nextNumber"] = 3;
            s["prs"] = new JsonArray(
                new JsonObject { ["number"] = 1, ["title"] = "feat(m1): Parser (#01)", ["body"] = "", ["base"] = "milestone/m1-core", ["head"] = "feat/m1-01-parser", ["state"] = "MERGED", ["autoMerge"] = false, ["mergedAt"] = "2026-11-23T10:00:00Z", ["url"] = "https://github.com/example/repo/pull/1" },
                new JsonObject { ["number"] = 2, ["title"] = "feat(m1): Docs (#03)", ["body"] = "", ["base"] = "milestone/m1-core", ["head"] = "feat/m1-03-docs", ["state"] = "OPEN", ["autoMerge"] = true, ["mergedAt"] = null, ["url"] = "https://github.com/example/repo/pull/2" });
        });

        var transition = repo.Runner().ReconcileMilestone();

        Assert.IsTrue(transition.HasChanges);
        StringAssert.Contains(repo.PlanText, "* [x] #01 — Parser\n");
        StringAssert.Contains(repo.PlanText, "* [PR #2](https://github.com/example/repo/pull/2) — Docs (#03)\n");
        StringAssert.Contains(repo.PlanText, "* **Current Issue:** #02\n");
        CollectionAssert.AreEqual(
            new[] { "pr", "list", "--base", "milestone/m1-core", "--state", "all", "--limit", "200", "--json", "number,title,state,headRefName,baseRefName,url,mergedAt,isDraft,createdAt,statusCheckRollup,mergeStateStatus,autoMergeRequest" },
            repo.IssueGhCalls.Single(c => c[1] == "list"));
    }

    [TestMethod]
    public void The_fake_rejects_flags_gh_does_not_have()
    {
        using var repo = new WorkflowRepository();
        var result = repo.Gh.Runner.Run("gh", ["pr", "create", "--base", "x", "--auto-merge"], repo.Git.Path_, TimeSpan.FromMinutes(1));
        Assert.AreEqual(1, result.ExitCode);
        StringAssert.StartsWith(result.StandardError, "unknown flag: --auto-merge");
    }
}

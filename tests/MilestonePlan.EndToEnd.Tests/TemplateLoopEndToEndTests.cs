namespace MilestonePlan.EndToEnd.Tests;

/// <summary>
/// The template's whole loop through the packed package (issue #22): a check the auto-fix repairs, a code reviewer
/// whose findings are minor (the PR merges) or critical (⛔, a draft, the findings commented), and the required reads
/// handed to the agent. Real git, a bare origin, the fake gh; the check, fix, reviewer and agent are small scripts.
/// </summary>
[TestClass]
public sealed class TemplateLoopEndToEndTests
{
    private const string Storage = "feat/m1-02-storage";

    [TestMethod]
    public void A_check_the_auto_fix_repairs_and_a_review_with_minor_findings_end_in_a_merge()
    {
        using var repo = RunMilestoneEndToEndTests.PublishedSample();
        using var gh = new FakeGhOnPath("""{ "autoMergeMode": "checks", "checks": "passing" }""");
        var check = RunMilestoneEndToEndTests.Script(gh, "grep -q formatted src/issue-#02.txt\n");
        var fix = RunMilestoneEndToEndTests.Script(gh, "echo formatted >> 'src/issue-#02.txt'\n");
        var reviewer = RunMilestoneEndToEndTests.Script(gh, "printf '{ \"version\": \"2.1.0\", \"runs\": [ { \"results\": [ { \"rank\": 20, \"message\": { \"text\": \"naming\" } } ] } ] }' > \"$MILESTONEPLAN_FINDINGS\"\n");

        var run = Loop(repo, gh, $"-p:MilestonePlanCheckCommand={check}", $"-p:MilestonePlanFixCommand={fix}", $"-p:MilestonePlanReviewCommand={reviewer}");

        Assert.AreEqual(0, run.ExitCode, run.Output);
        StringAssert.Contains(run.Output, "auto-fix committed; running the checks again", run.Output);
        StringAssert.Contains(run.Output, "#02: review of PR #", run.Output);
        Assert.AreEqual("MERGED", gh.PullRequestFrom(Storage)["state"]!.GetValue<string>());
        StringAssert.Contains(repo.TrackedPlanText, "[x] #02");
        StringAssert.Contains(run.Output, "1 finding(s), 0 at or above 80", run.Output);
        StringAssert.Contains(repo.Git("log", "--format=%s", "origin/milestone/m1-todo-api").Output, "feat(m1): SQLite storage");
    }

    [TestMethod]
    public void A_critical_review_finding_stops_the_issue_with_a_draft_and_a_comment()
    {
        using var repo = RunMilestoneEndToEndTests.PublishedSample();
        using var gh = new FakeGhOnPath("""{ "autoMergeMode": "checks", "checks": "passing" }""");
        var reviewer = RunMilestoneEndToEndTests.Script(gh,
            "printf '{ \"version\": \"2.1.0\", \"runs\": [ { \"results\": [ { \"rank\": 95, \"message\": { \"text\": \"SQL injection\" }, \"locations\": [ { \"physicalLocation\": { \"artifactLocation\": { \"uri\": \"src/Store.cs\" }, \"region\": { \"startLine\": 12 } } } ] } ] } ] }' > \"$MILESTONEPLAN_FINDINGS\"\n");

        var run = Loop(repo, gh, "-p:MilestonePlanCheckCommand=none", $"-p:MilestonePlanReviewCommand={reviewer}");

        Assert.AreEqual(0, run.ExitCode, run.Output);
        var pr = gh.PullRequestFrom(Storage);
        Assert.IsTrue(pr["isDraft"]!.GetValue<bool>(), pr.ToJsonString());
        Assert.IsFalse(pr["autoMerge"]!.GetValue<bool>());
        StringAssert.Contains(pr["comments"]!.AsArray().Single()!["body"]!.GetValue<string>(), "1. SQL injection (score: 95, file: src/Store.cs, line: 12)");
        StringAssert.Contains(repo.TrackedPlanText, "  - Reason: Code review found 1 critical issue (PR #");
        StringAssert.Contains(repo.TrackedPlanText, "    1. SQL injection (score: 95, file: src/Store.cs, line: 12)\n");
        Assert.IsFalse(repo.Git("ls-remote", "--heads", "origin", "refs/heads/feat/m1-03-endpoints").Output.Trim().Length > 0, "the dependent waits");
    }

    private static DotNet.Result Loop(ConsumerRepository repo, FakeGhOnPath gh, params string[] properties)
    {
        var agent = RunMilestoneEndToEndTests.Script(gh, "mkdir -p src\nprintf 'code\\n' > \"src/issue-$MILESTONEPLAN_ISSUE.txt\"\n");
        return DotNet.RunWith(gh.Environment_, repo.Path, ["msbuild", "-restore", "App/App.csproj", "-nologo", "-nodeReuse:false", "-t:RunMilestone",
            $"-p:MilestonePlanAgentCommand={agent}", "-p:MilestonePlanMergePollSeconds=1", "-p:MilestonePlanMergeTimeout=5", "-p:MilestonePlanMaxIssues=1", .. properties]);
    }
}

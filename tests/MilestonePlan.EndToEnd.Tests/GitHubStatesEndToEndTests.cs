using System.Diagnostics;

namespace MilestonePlan.EndToEnd.Tests;

/// <summary>
/// One test per row of docs/run-milestone.md's state table that GitHub decides, through the packed package: real git,
/// a bare origin, the fake gh behaving as GitHub does on its bad days (checks that take time or fail, a conflict, a
/// repository without auto-merge, a person closing a PR, deleting its branch, making it a draft). Each asserts the
/// plan text, the PR's draft state, which branches reached origin, and that the run did not wait out its ten-minute
/// merge timeout (a bound, not a speed measurement). The sample milestone is a chain: #02 → #03 → #04.
/// </summary>
[TestClass]
public sealed class GitHubStatesEndToEndTests
{
    private const string Storage = "feat/m1-02-storage";
    private static readonly TimeSpan Bound = TimeSpan.FromMinutes(5);

    [TestMethod]
    public void Checks_that_take_a_while_then_pass_merge_the_issue()
    {
        using var repo = RunMilestoneEndToEndTests.PublishedSample();
        using var gh = new FakeGhOnPath("""{ "autoMergeMode": "checks", "checkScenario": { "pendingLooks": 2, "outcome": "passing" } }""");

        // One issue is enough for the row (and keeps the suite's time down): pending, then passing, then merged.
        var run = Loop(repo, gh, maxIssues: 1);

        Assert.AreEqual(0, run.Result.ExitCode, run.Result.Output);
        Assert.IsLessThan(Bound, run.Elapsed);
        Assert.IsGreaterThan(2, gh.PullRequestFrom(Storage)["looks"]!.GetValue<int>(), "checks were pending at first, and looked at again");
        var plan = repo.TrackedPlanText;
        StringAssert.Contains(plan, "[x] #02", plan);

        StringAssert.Contains(plan, "### Open PRs (autopilot)\n\n* (none)\n");
        Assert.AreEqual("MERGED", gh.PullRequestFrom(Storage)["state"]!.GetValue<string>());
    }

    [TestMethod]
    public void Checks_that_fail_on_GitHub_skip_the_issue_at_once_leave_a_draft_and_its_dependents_wait()
    {
        using var repo = RunMilestoneEndToEndTests.PublishedSample();
        using var gh = new FakeGhOnPath("""{ "autoMergeMode": "checks", "checkScenario": { "pendingLooks": 1, "outcome": "failing" } }""");

        var run = Loop(repo, gh);

        Assert.AreEqual(0, run.Result.ExitCode, run.Result.Output);
        Assert.IsLessThan(Bound, run.Elapsed);
        var pr = gh.PullRequestFrom(Storage);
        var number = pr["number"]!.GetValue<int>();
        StringAssert.Contains(repo.TrackedPlanText, $"* #02 — SQLite storage — Skipped: checks fail on GitHub for PR #{number} (https://github.com/");
        StringAssert.Contains(repo.TrackedPlanText, "  - Status: ⚠ Failing\n");
        AssertDraftWithoutAutoMerge(pr);
        Assert.IsTrue(RemoteHas(repo, Storage), "the issue's branch was pushed");
        Assert.IsFalse(RemoteHas(repo, "feat/m1-03-endpoints"), "its dependent never started");
    }

    [TestMethod]
    public void A_conflict_skips_the_issue_and_leaves_a_draft()
    {
        using var repo = RunMilestoneEndToEndTests.PublishedSample();
        using var gh = new FakeGhOnPath("""{ "autoMergeMode": "checks", "checks": "passing", "conflictHeads": [ "feat/m1-02-storage" ] }""");

        var run = Loop(repo, gh);

        Assert.AreEqual(0, run.Result.ExitCode, run.Result.Output);
        Assert.IsLessThan(Bound, run.Elapsed);
        StringAssert.Contains(repo.TrackedPlanText, "* #02 — SQLite storage — Skipped: merge conflict: PR #");
        AssertDraftWithoutAutoMerge(gh.PullRequestFrom(Storage));
        Assert.IsFalse(RemoteHas(repo, "feat/m1-03-endpoints"));
    }

    [TestMethod]
    public void Auto_merge_refused_is_a_hard_stop_with_a_draft_and_a_second_run_never_touches_it()
    {
        using var repo = RunMilestoneEndToEndTests.PublishedSample();
        using var gh = new FakeGhOnPath("""{ "autoMergeMode": "refuse" }""");

        var first = Loop(repo, gh);
        var second = Loop(repo, gh);

        Assert.AreEqual(0, first.Result.ExitCode, first.Result.Output);
        Assert.IsLessThan(Bound, first.Elapsed + second.Elapsed);
        StringAssert.Contains(first.Result.Output, "Auto merge is not allowed for this repository");
        StringAssert.Contains(repo.TrackedPlanText, "* #02 — SQLite storage — STOP: auto-merge could not be enabled for PR #");
        var pr = gh.PullRequestFrom(Storage);
        AssertDraftWithoutAutoMerge(pr);
        var number = pr["number"]!.GetValue<int>().ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.AreEqual(1, gh.Calls.Count(c => c is ["pr", "merge", var n, ..] && n == number && c.Contains("--auto")), "auto-merge asked once in two runs");
        StringAssert.Contains(second.Result.Output, "RunMilestone: 0 issue(s) this run", second.Result.Output);
        // The loop's last edit validates: Current Issue says None, Blockers says why; no MP5xxx from its own edit.
        StringAssert.Contains(repo.TrackedPlanText, "* **Current Issue:** None\n");
        repo.Git("checkout", "--quiet", "chore/m1-plan-tracking");
        var build = repo.MsBuild("-t:Build");
        Assert.DoesNotContain("warning MP5", build.Output);
    }

    [TestMethod]
    public void A_PR_a_person_closes_is_a_hard_stop_with_its_link()
    {
        using var repo = RunMilestoneEndToEndTests.PublishedSample();
        using var gh = new FakeGhOnPath("""{ "autoMergeMode": "checks", "checks": "pending" }""");
        Assert.AreEqual(0, Loop(repo, gh, mergeTimeoutMinutes: 0).Result.ExitCode);
        var number = gh.PullRequestFrom(Storage)["number"]!.GetValue<int>();

        gh.Run(repo.Path, "fake", "close", number.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var reconcile = Target(repo, gh, "ReconcileMilestone");

        Assert.AreEqual(0, reconcile.ExitCode, reconcile.Output);
        StringAssert.Contains(repo.TrackedPlanText, $"* #02 — SQLite storage — STOP: PR #{number} was closed without merging (https://github.com/");
        StringAssert.Contains(repo.TrackedPlanText, "### Open PRs (autopilot)\n\n* (none)\n");
        Assert.AreEqual("CLOSED", gh.PullRequestFrom(Storage)["state"]!.GetValue<string>());
    }

    [TestMethod]
    public void A_PR_whose_branch_a_person_deleted_is_a_hard_stop_that_says_so()
    {
        using var repo = RunMilestoneEndToEndTests.PublishedSample();
        using var gh = new FakeGhOnPath("""{ "autoMergeMode": "checks", "checks": "pending" }""");
        Assert.AreEqual(0, Loop(repo, gh, mergeTimeoutMinutes: 0).Result.ExitCode);
        var number = gh.PullRequestFrom(Storage)["number"]!.GetValue<int>();

        gh.Run(repo.Path, "fake", "delete-branch", number.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var reconcile = Target(repo, gh, "ReconcileMilestone");

        Assert.AreEqual(0, reconcile.ExitCode, reconcile.Output);
        StringAssert.Contains(repo.TrackedPlanText, $"STOP: PR #{number} was closed without merging and its branch {Storage} was deleted");
        Assert.IsFalse(RemoteHas(repo, Storage));
    }

    [TestMethod]
    public void A_PR_a_person_made_a_draft_is_listed_and_not_waited_for()
    {
        using var repo = RunMilestoneEndToEndTests.PublishedSample();
        using var gh = new FakeGhOnPath("""{ "autoMergeMode": "checks", "checks": "pending" }""");
        Assert.AreEqual(0, Loop(repo, gh, mergeTimeoutMinutes: 0).Result.ExitCode);
        var number = gh.PullRequestFrom(Storage)["number"]!.GetValue<int>().ToString(System.Globalization.CultureInfo.InvariantCulture);
        gh.Run(repo.Path, "pr", "ready", number, "--undo");

        var again = Loop(repo, gh);

        Assert.AreEqual(0, again.Result.ExitCode, again.Result.Output);
        Assert.IsLessThan(Bound, again.Elapsed);
        Assert.DoesNotContain("merged after", again.Result.Output);
        Assert.AreEqual(1, gh.Calls.Count(c => c is ["pr", "merge", var n, ..] && n == number && c.Contains("--auto")), "auto-merge asked by the first submit only");
        StringAssert.Contains(repo.TrackedPlanText, $"* [PR #{number}](https://github.com/");
        Assert.DoesNotContain("Skipped: ", repo.TrackedPlanText.Substring(repo.TrackedPlanText.IndexOf("### Skipped", StringComparison.Ordinal)));
        Assert.IsTrue(gh.PullRequestFrom(Storage)["isDraft"]!.GetValue<bool>(), "still the person's draft");
    }

    [TestMethod]
    public void An_Open_PRs_entry_for_a_PR_GitHub_does_not_have_goes()
    {
        using var repo = RunMilestoneEndToEndTests.PublishedSample();
        using var gh = new FakeGhOnPath("""{ "autoMergeMode": "checks", "checks": "pending" }""");
        Assert.AreEqual(0, Loop(repo, gh, mergeTimeoutMinutes: 0).Result.ExitCode);
        StringAssert.Contains(repo.TrackedPlanText, "* [PR #");
        gh.Configure(s => s["prs"] = new System.Text.Json.Nodes.JsonArray(s["prs"]!.AsArray()
            .Where(p => p!["head"]!.GetValue<string>() != Storage).Select(p => p!.DeepClone()).ToArray()));

        var reconcile = Target(repo, gh, "ReconcileMilestone");

        Assert.AreEqual(0, reconcile.ExitCode, reconcile.Output);
        StringAssert.Contains(repo.TrackedPlanText, "### Open PRs (autopilot)\n\n* (none)\n");
    }

    [TestMethod]
    public void A_PR_without_auto_merge_gets_it_and_merges_when_its_checks_pass()
    {
        using var repo = RunMilestoneEndToEndTests.PublishedSample();
        using var gh = new FakeGhOnPath("""{ "autoMergeMode": "checks", "checks": "pending" }""");
        Assert.AreEqual(0, Loop(repo, gh, mergeTimeoutMinutes: 0, maxIssues: 1).Result.ExitCode);
        var number = gh.PullRequestFrom(Storage)["number"]!.GetValue<int>().ToString(System.Globalization.CultureInfo.InvariantCulture);
        gh.Run(repo.Path, "pr", "merge", number, "--disable-auto");
        gh.Configure(s => s["checks"] = "passing");

        var again = Loop(repo, gh, maxIssues: 1);

        Assert.AreEqual(0, again.Result.ExitCode, again.Result.Output);
        StringAssert.Contains(again.Result.Output, $"PR #{number} has no auto-merge yet; enabling it");
        Assert.AreEqual("MERGED", gh.PullRequestFrom(Storage)["state"]!.GetValue<string>());
        StringAssert.Contains(repo.TrackedPlanText, "[x] #02");
    }

    private static (DotNet.Result Result, TimeSpan Elapsed) Loop(ConsumerRepository repo, FakeGhOnPath gh, int mergeTimeoutMinutes = 10, int maxIssues = 0)
    {
        var agent = RunMilestoneEndToEndTests.Script(gh, "mkdir -p src\nprintf 'code\\n' > \"src/issue-$MILESTONEPLAN_ISSUE.txt\"\n");
        var clock = Stopwatch.StartNew();
        var result = DotNet.RunWith(gh.Environment_, repo.Path, "msbuild", "-restore", "App/App.csproj", "-nologo", "-nodeReuse:false",
            "-t:RunMilestone", $"-p:MilestonePlanAgentCommand={agent}", "-p:MilestonePlanCheckCommand=none", "-p:MilestonePlanMergePollSeconds=1",
            $"-p:MilestonePlanMergeTimeout={mergeTimeoutMinutes}", $"-p:MilestonePlanMaxIssues={maxIssues}");
        return (result, clock.Elapsed);
    }

    private static DotNet.Result Target(ConsumerRepository repo, FakeGhOnPath gh, string target) =>
        DotNet.RunWith(gh.Environment_, repo.Path, "msbuild", "-restore", "App/App.csproj", "-nologo", "-nodeReuse:false", "-t:" + target);

    private static bool RemoteHas(ConsumerRepository repo, string branch) =>
        repo.Git("ls-remote", "--heads", "origin", "refs/heads/" + branch).Output.Trim().Length > 0;

    private static void AssertDraftWithoutAutoMerge(System.Text.Json.Nodes.JsonObject pr)
    {
        Assert.IsTrue(pr["isDraft"]!.GetValue<bool>(), "left as a draft: " + pr.ToJsonString());
        Assert.IsFalse(pr["autoMerge"]!.GetValue<bool>(), "without auto-merge: " + pr.ToJsonString());
    }
}

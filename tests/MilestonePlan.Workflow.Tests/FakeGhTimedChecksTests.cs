using System.Diagnostics;
using MilestonePlan.Workflow.Tests.Support;

namespace MilestonePlan.Workflow.Tests;

/// <summary>
/// The fake's timed checks (`pendingSeconds`, for the loop benchmark in bench/): CI that takes a fixed time whatever the
/// client does. Looks do not move them; the clock does, and auto-merge then merges on time at the next gh call of any
/// kind. The clock is moved with `clockAdvanceSeconds`, so only the last test waits (about a second, on the real clock).
/// </summary>
[TestClass]
public sealed class FakeGhTimedChecksTests
{
    private const string Fields = "state,mergeStateStatus,statusCheckRollup";

    [TestMethod]
    public void Timed_checks_stay_pending_however_often_one_looks_and_the_PR_merges_on_time_without_a_look()
    {
        using var repo = new TempGitRepository();
        using var gh = new FakeGhEnvironment();
        gh.AutoMergeWhenChecksPass();
        gh.ChecksPassAfterSeconds(60);
        gh.ChecksFailAfterSeconds(60, head: "feat/b");
        gh.OpenPullRequest(repo, "feat/a", "Add a", ("a.txt", "a\n"));
        gh.OpenPullRequest(repo, "feat/b", "Add b", ("b.txt", "b\n"));
        Assert.IsTrue(gh.Gh(repo, "pr", "merge", "1", "--auto", "--squash").Succeeded);
        Assert.IsTrue(gh.Gh(repo, "pr", "merge", "2", "--auto", "--squash").Succeeded);

        var before = Enumerable.Range(0, 3).Select(_ => gh.View(repo, 1, Fields)).ToList();
        gh.AdvanceClock(61);
        var unrelated = gh.Gh(repo, "pr", "list", "--head", "feat/none", "--json", "number");

        CollectionAssert.AreEqual(new[] { "OPEN/BLOCKED/IN_PROGRESS" }, before.Select(v => $"{v.Text("state")}/{v.Text("mergeStateStatus")}/{v["statusCheckRollup"]![0]!.Text("status")}").Distinct().ToArray());
        Assert.AreEqual("[]\n", unrelated.StandardOutput, unrelated.Describe());
        Assert.AreEqual("MERGED", gh.PullRequest(1).Text("state"), "merged by the call after its time, which did not print it");
        Assert.AreEqual(3, gh.PullRequest(1)["looks"]!.GetValue<int>());
        CollectionAssert.AreEqual(new[] { "Add a (#1)", "initial commit" }, repo.OriginSubjects());
        var failed = gh.View(repo, 2, Fields);
        Assert.AreEqual(("OPEN", "FAILURE"), (failed.Text("state"), failed["statusCheckRollup"]![0]!.Text("conclusion")), "failing checks never merge");
    }

    [TestMethod]
    public void A_scenario_with_both_looks_and_seconds_is_refused()
    {
        using var repo = new TempGitRepository();
        using var gh = new FakeGhEnvironment();
        gh.Configure(s => s["checkScenario"] = new System.Text.Json.Nodes.JsonObject { ["pendingLooks"] = 1, ["pendingSeconds"] = 1 });
        gh.OpenPullRequest(repo, "feat/a", "Add a", ("a.txt", "a\n"));

        var view = gh.Gh(repo, "pr", "view", "1", "--json", "state");

        Assert.IsFalse(view.Succeeded);
        StringAssert.Contains(view.StandardError, "checkScenario is not a check scenario");
    }

    [TestMethod]
    public void Timed_checks_follow_the_real_clock()
    {
        using var repo = new TempGitRepository();
        using var gh = new FakeGhEnvironment();
        gh.AutoMergeWhenChecksPass();
        gh.ChecksPassAfterSeconds(1);
        var clock = Stopwatch.StartNew();
        gh.OpenPullRequest(repo, "feat/a", "Add a", ("a.txt", "a\n"));
        Assert.IsTrue(gh.Gh(repo, "pr", "merge", "1", "--auto", "--squash").Succeeded);

        // On a busy machine the second may be over already (then `--auto` merged at once); either way it is merged now.
        Thread.Sleep(TimeSpan.FromSeconds(Math.Max(0, 1.2 - clock.Elapsed.TotalSeconds)));

        Assert.AreEqual("MERGED", gh.View(repo, 1, "state").Text("state"));
        CollectionAssert.AreEqual(new[] { "Add a (#1)", "initial commit" }, repo.OriginSubjects());
    }
}

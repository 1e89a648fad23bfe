using MilestonePlan.Core.Model;
using MilestonePlan.Workflow.GitHub;
using MilestonePlan.Workflow.Tests.Support;

namespace MilestonePlan.Workflow.Tests;

/// <summary>
/// The fake's checks, seen the way a client sees them: through the exact JSON gh prints (cli/cli api/export_pr.go;
/// see tests/FakeGh/StatusCheckRollup.cs and PullRequestJson.cs for the sources), moving on with each look.
/// </summary>
[TestClass]
public sealed class FakeGhChecksTests
{
    private const string Fields = "statusCheckRollup,mergeStateStatus,isDraft,autoMergeRequest,state";

    [TestMethod]
    public void Pr_view_prints_one_compact_line_with_sorted_keys_and_the_shapes_gh_prints()
    {
        using var repo = new TempGitRepository();
        using var gh = new FakeGhEnvironment();
        gh.ChecksStayPending();
        gh.OpenPullRequest(repo, "feat/a", "A", ("a.txt", "a\n"));
        Assert.IsTrue(gh.Gh(repo, "pr", "merge", "1", "--auto", "--squash").Succeeded);

        var view = gh.Gh(repo, "pr", "view", "1", "--json", Fields);

        // Written with ' for " to stay readable.
        Assert.AreEqual(
            ("{'autoMergeRequest':{'authorEmail':null,'commitBody':null,'commitHeadline':null,'mergeMethod':'SQUASH','enabledAt':'2026-11-24T12:00:00Z',"
            + "'enabledBy':{'id':'MDQ6VXNlcjE=','is_bot':false,'login':'fake-user','name':'Fake User'}},'isDraft':false,'mergeStateStatus':'BLOCKED',"
            + "'state':'OPEN','statusCheckRollup':[{'__typename':'CheckRun','completedAt':'0001-01-01T00:00:00Z','conclusion':'',"
            + "'detailsUrl':'https://github.com/example/repo/actions/runs/1001/job/2001','name':'build','startedAt':'2026-11-24T12:00:00Z',"
            + "'status':'IN_PROGRESS','workflowName':'CI'}]}\n").Replace('\'', '"'),
            view.StandardOutput);
    }

    [TestMethod]
    public void A_commit_status_is_a_StatusContext_with_context_state_targetUrl_and_startedAt()
    {
        using var repo = new TempGitRepository();
        using var gh = new FakeGhEnvironment();
        gh.ChecksFailAfter(0, kind: CheckKind.StatusContext);
        gh.OpenPullRequest(repo, "feat/a", "A", ("a.txt", "a\n"));

        var view = gh.Gh(repo, "pr", "view", "1", "--json", "statusCheckRollup");

        Assert.AreEqual(
            ("{'statusCheckRollup':[{'__typename':'StatusContext','context':'ci/legacy','startedAt':'2026-11-24T12:00:00Z','state':'FAILURE',"
            + "'targetUrl':'https://ci.example.invalid/builds/1'}]}\n").Replace('\'', '"'),
            view.StandardOutput);
    }

    [TestMethod]
    public void No_checks_is_an_empty_rollup_and_a_clean_merge_state()
    {
        using var repo = new TempGitRepository();
        using var gh = new FakeGhEnvironment();
        gh.NoChecks();
        gh.OpenPullRequest(repo, "feat/a", "A", ("a.txt", "a\n"));

        var view = gh.Gh(repo, "pr", "view", "1", "--json", "statusCheckRollup,mergeStateStatus,mergeable");

        Assert.AreEqual("""{"mergeStateStatus":"CLEAN","mergeable":"MERGEABLE","statusCheckRollup":[]}""" + "\n", view.StandardOutput);
    }

    [TestMethod]
    public void Checks_stay_pending_for_the_first_K_looks_then_pass()
    {
        using var repo = new TempGitRepository();
        using var gh = new FakeGhEnvironment();
        gh.ChecksPassAfter(3);
        gh.OpenPullRequest(repo, "feat/a", "A", ("a.txt", "a\n"));

        var seen = Enumerable.Range(0, 5).Select(_ => gh.View(repo, 1, "statusCheckRollup,mergeStateStatus")).ToList();

        CollectionAssert.AreEqual(
            new[] { "IN_PROGRESS/", "IN_PROGRESS/", "IN_PROGRESS/", "COMPLETED/SUCCESS", "COMPLETED/SUCCESS" },
            seen.Select(v => v["statusCheckRollup"]![0]!.Text("status") + "/" + v["statusCheckRollup"]![0]!.Text("conclusion")).ToArray());
        CollectionAssert.AreEqual(new[] { "BLOCKED", "BLOCKED", "BLOCKED", "CLEAN", "CLEAN" }, seen.Select(v => v.Text("mergeStateStatus")).ToArray());
        Assert.AreEqual("2026-11-24T12:00:00Z", seen[^1]["statusCheckRollup"]![0]!.Text("completedAt"));
        Assert.AreEqual(5, gh.PullRequest(1)["looks"]!.GetValue<int>());
    }

    [TestMethod]
    public void A_pr_list_that_prints_the_PR_is_a_look_too_and_a_pr_merge_is_not()
    {
        using var repo = new TempGitRepository();
        using var gh = new FakeGhEnvironment();
        gh.ChecksPassAfter(2);
        gh.OpenPullRequest(repo, "feat/a", "A", ("a.txt", "a\n"));
        gh.OpenPullRequest(repo, "feat/b", "B", ("b.txt", "b\n"));

        gh.Gh(repo, "pr", "list", "--head", "feat/a", "--json", "number");
        gh.Gh(repo, "pr", "merge", "1", "--auto", "--squash");
        var list = gh.Gh(repo, "pr", "list", "--state", "all", "--json", "number,statusCheckRollup");

        Assert.IsTrue(list.Succeeded, list.Describe());
        var checks = System.Text.Json.Nodes.JsonNode.Parse(list.StandardOutput)!.AsArray()
            .Select(p => p!["number"] + ":" + p["statusCheckRollup"]![0]!.Text("status")).ToArray();
        CollectionAssert.AreEqual(new[] { "2:IN_PROGRESS", "1:IN_PROGRESS" }, checks, "#1's second look, #2's first");
        Assert.AreEqual("COMPLETED", gh.View(repo, 1, "statusCheckRollup")["statusCheckRollup"]![0]!.Text("status"), "#1's third look");
    }

    [TestMethod]
    [DataRow(0, CheckKind.CheckRun)]
    [DataRow(2, CheckKind.CheckRun)]
    [DataRow(2, CheckKind.StatusContext)]
    public void Checks_that_fail_fail_after_K_looks_and_stay_failed(int looks, CheckKind kind)
    {
        using var repo = new TempGitRepository();
        using var gh = new FakeGhEnvironment();
        gh.ChecksFailAfter(looks, kind: kind);
        gh.OpenPullRequest(repo, "feat/a", "A", ("a.txt", "a\n"));

        var seen = Enumerable.Range(0, looks + 2).Select(_ => gh.View(repo, 1, "statusCheckRollup")["statusCheckRollup"]![0]!).ToList();

        var failed = seen.Select(c => kind == CheckKind.CheckRun ? c.Text("conclusion") == "FAILURE" : c.Text("state") == "FAILURE").ToArray();
        CollectionAssert.AreEqual(Enumerable.Range(0, looks + 2).Select(i => i >= looks).ToArray(), failed);
    }

    [TestMethod]
    public void A_scenario_for_one_head_branch_leaves_the_other_PRs_to_the_default()
    {
        using var repo = new TempGitRepository();
        using var gh = new FakeGhEnvironment();
        gh.ChecksPassAfter(0);
        gh.ChecksFailAfter(0, head: "feat/b");
        gh.OpenPullRequest(repo, "feat/a", "A", ("a.txt", "a\n"));
        gh.OpenPullRequest(repo, "feat/b", "B", ("b.txt", "b\n"));

        Assert.AreEqual("SUCCESS", gh.View(repo, 1, "statusCheckRollup")["statusCheckRollup"]![0]!.Text("conclusion"));
        Assert.AreEqual("FAILURE", gh.View(repo, 2, "statusCheckRollup")["statusCheckRollup"]![0]!.Text("conclusion"));
    }

    [TestMethod]
    [DataRow(CheckKind.CheckRun)]
    [DataRow(CheckKind.StatusContext)]
    [DataRow(CheckKind.Both)]
    public void The_workflows_gh_client_reads_every_shape_as_pending_then_passing_or_failing(CheckKind kind)
    {
        using var repo = new TempGitRepository();
        using var gh = new FakeGhEnvironment();
        gh.ChecksPassAfter(1, kind: kind);
        gh.ChecksFailAfter(1, head: "feat/b", kind: kind);
        gh.OpenPullRequest(repo, "feat/a", "A", ("a.txt", "a\n"));
        gh.OpenPullRequest(repo, "feat/b", "B", ("b.txt", "b\n"));
        var client = new GhClient(gh.Runner, repo.Path_, TimeSpan.FromMinutes(1));

        var first = new[] { client.View(1).Checks, client.View(2).Checks };
        var second = new[] { client.View(1).Checks, client.View(2).Checks };

        CollectionAssert.AreEqual(new[] { CheckState.Pending, CheckState.Pending }, first);
        CollectionAssert.AreEqual(new[] { CheckState.Passing, CheckState.Failing }, second);
    }
}

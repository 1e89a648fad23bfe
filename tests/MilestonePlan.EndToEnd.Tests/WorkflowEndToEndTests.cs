namespace MilestonePlan.EndToEnd.Tests;

/// <summary>`dotnet msbuild -t:NextIssue` and `-t:RunNextIssue` in a consumer of the packed package, in a real git repository.</summary>
[TestClass]
public sealed class WorkflowEndToEndTests
{
    private static ConsumerRepository CommittedRepository()
    {
        var repo = new ConsumerRepository();
        repo.MakeSamplePlanClean();
        repo.AddProject("App");
        repo.PublishToOrigin();
        return repo;
    }

    private static DotNet.Result MsBuild(ConsumerRepository repo, params string[] arguments) => repo.MsBuild(arguments);

    [TestMethod]
    public void NextIssue_prints_the_choice_and_the_reasons_and_changes_nothing()
    {
        using var repo = CommittedRepository();
        var before = repo.Git("status", "--porcelain").Output + repo.Git("for-each-ref").Output;

        var result = MsBuild(repo, "-t:NextIssue");

        Assert.AreEqual(0, result.ExitCode, result.Output);
        StringAssert.Contains(result.Output, "m1: 1/4 done (docs/03-build-notes/m1/IMPLEMENTATION_PLAN.md)");
        StringAssert.Contains(result.Output, "Next issue: #02 SQLite storage (P0) → feat/m1-02-storage");
        StringAssert.Contains(result.Output, "#03 waits for #02");
        Assert.AreEqual(before, repo.Git("status", "--porcelain").Output + repo.Git("for-each-ref").Output);
    }

    [TestMethod]
    public void RunNextIssue_creates_the_base_and_feature_branches_and_updates_the_plan()
    {
        using var repo = CommittedRepository();

        var result = MsBuild(repo, "-t:RunNextIssue");

        Assert.AreEqual(0, result.ExitCode, result.Output);
        Assert.AreEqual("feat/m1-02-storage", repo.Git("symbolic-ref", "--short", "HEAD").Output.Trim());
        StringAssert.Contains(repo.Git("ls-remote", "--heads", "origin").Output, "refs/heads/milestone/m1-todo-api");
        StringAssert.Contains(repo.TrackedPlanText, "* **Current Issue:** #02");
        StringAssert.Contains(repo.Git("ls-remote", "--heads", "origin").Output, "refs/heads/chore/m1-plan-tracking");
        Assert.AreEqual(string.Empty, repo.Git("status", "--porcelain").Output, "the work tree is clean after the target");
        StringAssert.Contains(result.Output, "Spec: docs/03-build-notes/m1/02-storage.md");
        StringAssert.Contains(result.Output, "- [ ] Todos survive a restart");
    }

    [TestMethod]
    public void RunMilestone_dry_run_names_the_next_issue_and_the_agent_command_with_its_values_in_place()
    {
        using var repo = CommittedRepository();
        var before = repo.Git("status", "--porcelain").Output + repo.Git("for-each-ref").Output;

        var result = MsBuild(repo, "-t:RunMilestone", "-p:MilestonePlanDryRun=true", "-p:MilestonePlanAgentCommand=my-agent --spec {spec} \"{title}\"");

        Assert.AreEqual(0, result.ExitCode, result.Output);
        StringAssert.Contains(result.Output, "RunMilestone dry run: next #02 SQLite storage on feat/m1-02-storage (base milestone/m1-todo-api)");
        StringAssert.Contains(result.Output, "would run the agent: my-agent --spec docs/03-build-notes/m1/02-storage.md \"SQLite storage\"");
        Assert.AreEqual(before, repo.Git("status", "--porcelain").Output + repo.Git("for-each-ref").Output, "a dry run changes nothing");
    }

    [TestMethod]
    public void NextIssue_returns_the_next_issue_and_the_others_as_items_for_agents()
    {
        using var repo = CommittedRepository();

        var result = MsBuild(repo, "-t:NextIssue", "-getTargetResult:NextIssue");

        Assert.AreEqual(0, result.ExitCode, result.Output);
        var json = result.Output.Substring(result.Output.IndexOf('{'), result.Output.LastIndexOf('}') - result.Output.IndexOf('{') + 1);
        var target = System.Text.Json.JsonDocument.Parse(json).RootElement.GetProperty("TargetResults").GetProperty("NextIssue");
        Assert.AreEqual("Success", target.GetProperty("Result").GetString());
        var items = target.GetProperty("Items").EnumerateArray().ToList();
        var next = items.Single(i => i.GetProperty("Kind").GetString() == "Next");
        Assert.AreEqual("#02", next.GetProperty("Issue").GetString());
        Assert.AreEqual("SQLite storage", next.GetProperty("Title").GetString());
        Assert.AreEqual("feat/m1-02-storage", next.GetProperty("Branch").GetString());
        Assert.AreEqual("milestone/m1-todo-api", next.GetProperty("Base").GetString());
        Assert.AreEqual("docs/03-build-notes/m1/02-storage.md", next.GetProperty("Spec").GetString());
        Assert.IsTrue(items.Any(i => i.GetProperty("Kind").GetString() == "PassedOver" && i.GetProperty("Reason").GetString()!.Length > 0), json);
    }

    [TestMethod]
    public void A_workflow_target_run_on_a_solution_does_its_work_once()
    {
        using var repo = CommittedRepository();
        repo.AddProject("B");
        repo.AddProject("C");
        DotNet.Run(repo.Path, "new", "sln", "-n", "All", "--format", "sln");
        DotNet.Run(repo.Path, "sln", "All.sln", "add", "App/App.csproj", "B/B.csproj", "C/C.csproj");

        var result = DotNet.Run(repo.Path, "msbuild", "-restore", "All.sln", "-t:NextIssue", "-m:2", "-nologo", "-nodeReuse:false");

        Assert.AreEqual(0, result.ExitCode, result.Output);
        Assert.AreEqual(1, result.Lines.Count(l => l.Contains("Next issue: #02 SQLite storage", StringComparison.Ordinal)), result.Output);
    }

    [TestMethod]
    public void RunNextIssue_refuses_a_dirty_work_tree_with_MP9001()
    {
        using var repo = CommittedRepository();
        repo.Write("scratch.txt", "uncommitted");

        var result = MsBuild(repo, "-t:RunNextIssue");

        Assert.AreNotEqual(0, result.ExitCode, result.Output);
        StringAssert.Contains(result.Output, "error MP9001: Workflow stopped: the work tree has uncommitted changes");
        Assert.AreEqual("main", repo.Git("symbolic-ref", "--short", "HEAD").Output.Trim());
    }
}

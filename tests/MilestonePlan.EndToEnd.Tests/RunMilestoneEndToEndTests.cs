namespace MilestonePlan.EndToEnd.Tests;

/// <summary>
/// `dotnet msbuild -t:RunMilestone` through the packed package: real git, a bare origin, the fake gh merging for real
/// on it, and a scripted agent. The whole loop a user leaves alone.
/// </summary>
[TestClass]
public sealed class RunMilestoneEndToEndTests
{
    [TestMethod]
    public void RunMilestone_implements_merges_and_records_every_issue_and_the_result_builds_without_a_finding()
    {
        using var repo = PublishedSample();
        using var gh = new FakeGhOnPath("""{ "autoMergeMode": "onview" }""");
        var agent = Path.Combine(gh.Folder, "agent.sh");
        File.WriteAllText(agent, "#!/bin/sh\nmkdir -p src\nprintf 'code for %s\\n' \"$1\" > \"src/issue-$MILESTONEPLAN_ISSUE.txt\"\n");
        if (OperatingSystem.IsWindows())
        {
            Assert.Inconclusive("the scripted agent is a POSIX shell script");
        }

        else
        {
            File.SetUnixFileMode(agent, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        var run = DotNet.RunWith(gh.Environment_, repo.Path, "msbuild", "-restore", "App/App.csproj", "-nologo", "-nodeReuse:false",
            "-t:RunMilestone", "-getTargetResult:RunMilestone", $"-p:MilestonePlanAgentCommand={agent} {{title}}",
            "-p:MilestonePlanCheckCommand=none", "-p:MilestonePlanMergePollSeconds=1", "-p:MilestonePlanMergeTimeout=2");

        Assert.AreEqual(0, run.ExitCode, run.Output);
        var json = run.Output.Substring(run.Output.IndexOf('{'), run.Output.LastIndexOf('}') - run.Output.IndexOf('{') + 1);
        var items = System.Text.Json.JsonDocument.Parse(json).RootElement.GetProperty("TargetResults").GetProperty("RunMilestone")
            .GetProperty("Items").EnumerateArray().Where(i => i.GetProperty("Kind").GetString() == "Outcome").ToList();
        Assert.IsNotEmpty(items, run.Output);
        Assert.IsTrue(items.All(i => i.GetProperty("State").GetString() == "Done"), json);
        Assert.IsTrue(items.All(i => i.GetProperty("Url").GetString()!.StartsWith("https://github.com/", StringComparison.Ordinal)), json);

        // The base as a person pulls it: every issue's code, the plan marking them done, and a build with no finding.
        repo.Git("checkout", "--quiet", "milestone/m1-todo-api");
        repo.Git("pull", "--quiet", "--ff-only", "origin", "refs/heads/milestone/m1-todo-api");
        Assert.AreEqual(string.Empty, repo.Git("status", "--porcelain").Output.Trim());
        var plan = File.ReadAllText(repo.PlanPath);
        foreach (var item in items)
        {
            StringAssert.Contains(plan, $"[x] {item.GetProperty("Issue").GetString()}", plan);
        }

        var build = repo.MsBuild("-t:Build");
        Assert.AreEqual(0, build.ExitCode, build.Output);
        Assert.DoesNotContain("warning MP", build.Output);
        Assert.DoesNotContain("error MP", build.Output);
    }

    [TestMethod]
    public void RunMilestone_with_two_agents_works_in_work_trees_beside_the_repository_and_leaves_the_main_one_alone()
    {
        using var repo = PublishedSample();
        using var gh = new FakeGhOnPath("""{ "autoMergeMode": "onview" }""");
        var agent = Script(gh, "echo \"agent in $(pwd)\"\nmkdir -p src\nprintf 'code\\n' > \"src/issue-$MILESTONEPLAN_ISSUE.txt\"\n");
        var branch = repo.Git("rev-parse", "--abbrev-ref", "HEAD").Output.Trim();

        var run = DotNet.RunWith(gh.Environment_, repo.Path, "msbuild", "-restore", "App/App.csproj", "-nologo", "-nodeReuse:false",
            "-t:RunMilestone", $"-p:MilestonePlanAgentCommand={agent}", "-p:MilestonePlanCheckCommand=none",
            "-p:MilestonePlanMergePollSeconds=1", "-p:MilestonePlanMergeTimeout=2", "-p:MilestonePlanParallelAgents=2");

        Assert.AreEqual(0, run.ExitCode, run.Output);
        // The sample's #01 is done already: #02, #03 and #04 (a chain) each run in their own work tree.
        StringAssert.Contains(run.Output, "#02 agent> agent in " + repo.Path + ".worktrees/feat-m1-02-storage", run.Output);
        StringAssert.Contains(run.Output, "#04 agent> agent in " + repo.Path + ".worktrees/feat-m1-04-paging", run.Output);
        Assert.DoesNotContain(": Stopped", run.Output);
        Assert.DoesNotContain(": Skipped", run.Output);
        Assert.AreEqual(branch, repo.Git("rev-parse", "--abbrev-ref", "HEAD").Output.Trim(), "the main work tree stays on its branch");
        Assert.AreEqual(string.Empty, repo.Git("status", "--porcelain").Output.Trim(), "and clean");
        Assert.AreEqual(1, repo.Git("worktree", "list").Output.Trim().Split('\n').Length, "every work tree removed at its issue's end");
        Assert.IsFalse(Directory.Exists(repo.Path + ".worktrees"), "nothing left beside the repository");
        StringAssert.Contains(repo.TrackedPlanText, "[x] #04");
    }

    [TestMethod]
    public void An_agent_that_adds_a_migration_is_stopped_nothing_is_pushed_and_its_dependents_wait()
    {
        using var repo = PublishedSample();
        using var gh = new FakeGhOnPath("""{ "autoMergeMode": "onview" }""");
        var agent = Script(gh, "mkdir -p App/Migrations\nprintf '[Migration(\"1\")]\\npublic partial class Init : Migration { }\\n' > App/Migrations/Init.cs\n");

        var run = DotNet.RunWith(gh.Environment_, repo.Path, "msbuild", "-restore", "App/App.csproj", "-nologo", "-nodeReuse:false",
            "-t:RunMilestone", $"-p:MilestonePlanAgentCommand={agent}", "-p:MilestonePlanCheckCommand=none", "-p:MilestonePlanMergeTimeout=1");

        Assert.AreEqual(0, run.ExitCode, run.Output);
        StringAssert.Contains(run.Output, "#02 SQLite storage: Stopped", run.Output);
        StringAssert.Contains(run.Output, "waiting: #03", run.Output);
        Assert.AreEqual(string.Empty, repo.Git("ls-remote", "--heads", "origin", "refs/heads/feat/m1-02-storage").Output.Trim(), "never pushed");
        StringAssert.Contains(repo.TrackedPlanText, "#02 — SQLite storage — STOP:");
        Assert.AreEqual(string.Empty, repo.Git("status", "--porcelain").Output.Trim(), "the work tree is clean");
    }

    [TestMethod]
    public void A_run_limited_to_one_issue_and_run_again_finishes_with_one_PR_per_issue()
    {
        using var repo = PublishedSample();
        using var gh = new FakeGhOnPath("""{ "autoMergeMode": "onview" }""");
        var agent = Script(gh, "mkdir -p src\nprintf 'code\\n' > \"src/issue-$MILESTONEPLAN_ISSUE.txt\"\n");
        string[] loop = ["msbuild", "-restore", "App/App.csproj", "-nologo", "-nodeReuse:false", "-t:RunMilestone",
            $"-p:MilestonePlanAgentCommand={agent}", "-p:MilestonePlanCheckCommand=none", "-p:MilestonePlanMergePollSeconds=1", "-p:MilestonePlanMergeTimeout=2"];

        var first = DotNet.RunWith(gh.Environment_, repo.Path, [.. loop, "-p:MilestonePlanMaxIssues=1"]);
        var second = DotNet.RunWith(gh.Environment_, repo.Path, loop);
        var third = DotNet.RunWith(gh.Environment_, repo.Path, loop);

        Assert.AreEqual(0, first.ExitCode, first.Output);
        StringAssert.Contains(first.Output, "RunMilestone: 1 issue(s) this run");
        Assert.AreEqual(0, second.ExitCode, second.Output);
        StringAssert.Contains(third.Output, "RunMilestone: 0 issue(s) this run", third.Output);
        var heads = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(gh.Folder, "state.json"))).RootElement
            .GetProperty("prs").EnumerateArray().Select(p => p.GetProperty("head").GetString()!).Where(h => h.StartsWith("feat/", StringComparison.Ordinal)).ToList();
        Assert.IsNotEmpty(heads);
        Assert.AreEqual(heads.Count, heads.Distinct().Count(), "one PR per issue: " + string.Join(", ", heads));
    }

    /// <summary>The sample repository with its plan made clean, one project, pushed to a bare origin.</summary>
    internal static ConsumerRepository PublishedSample()
    {
        var repo = new ConsumerRepository();
        repo.MakeSamplePlanClean();
        repo.AddProject("App");
        repo.PublishToOrigin();
        return repo;
    }

    internal static string Script(FakeGhOnPath gh, string body)
    {
        var path = Path.Combine(gh.Folder, "agent-" + Guid.NewGuid().ToString("N")[..8] + ".sh");
        File.WriteAllText(path, "#!/bin/sh\n" + body);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        return path;
    }
}

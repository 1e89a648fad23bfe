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
        using var repo = new ConsumerRepository();
        repo.MakeSamplePlanClean();
        repo.AddProject("App");
        repo.PublishToOrigin();
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
}

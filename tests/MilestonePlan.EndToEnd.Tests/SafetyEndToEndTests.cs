namespace MilestonePlan.EndToEnd.Tests;

/// <summary>
/// The three exploits of the safety issue, through the packed package in a consumer repository with a real bare
/// origin: each now holds (docs/security.md).
/// </summary>
[TestClass]
public sealed class SafetyEndToEndTests
{
    private static ConsumerRepository CommittedRepository(Func<string, string>? editPlan = null)
    {
        var repo = new ConsumerRepository();
        repo.MakeSamplePlanClean();
        if (editPlan is not null)
        {
            File.WriteAllText(repo.PlanPath, editPlan(File.ReadAllText(repo.PlanPath)));
        }

        repo.AddProject("App");
        repo.PublishToOrigin();
        return repo;
    }

    private static DotNet.Result MsBuild(ConsumerRepository repo, params string[] arguments) =>
        repo.MsBuild(["-p:MilestonePlanCheckCommand=none", .. arguments]);

    [TestMethod]
    public void Exploit_1_a_plus_main_Milestone_Branch_never_force_pushes_main()
    {
        using var repo = CommittedRepository(plan => plan.Replace("**Milestone Branch:** `milestone/m1-todo-api`", "**Milestone Branch:** `+main`", StringComparison.Ordinal));
        // Another clone pushes to main: a force push of this clone's main would lose that commit.
        var other = Path.Combine(repo.Path, "..", Path.GetFileName(repo.Path) + "-other");
        DotNet.Exec("git", Path.GetDirectoryName(other)!, "clone", "-q", repo.Origin, other);
        File.WriteAllText(Path.Combine(other, "other.txt"), "someone else's work\n");
        DotNet.Exec("git", other, "-c", "user.name=O", "-c", "user.email=o@example.invalid", "add", "-A");
        DotNet.Exec("git", other, "-c", "user.name=O", "-c", "user.email=o@example.invalid", "commit", "-q", "-m", "other");
        DotNet.Exec("git", other, "push", "-q", "origin", "main");
        var originMain = DotNet.Exec("git", repo.Path, "ls-remote", "origin", "refs/heads/main").Output;

        var build = repo.Build("App/App.csproj");
        var run = MsBuild(repo, "-t:RunNextIssue");

        StringAssert.Contains(build.Output, "IMPLEMENTATION_PLAN.md(10,23,10,29): warning MP4003: Milestone Branch '+main' starts with '+'");
        Assert.AreNotEqual(0, run.ExitCode, run.Output);
        StringAssert.Contains(run.Output, "error MP4003: Milestone Branch '+main' starts with '+' (git would read it as a force push)");
        Assert.AreEqual(originMain, DotNet.Exec("git", repo.Path, "ls-remote", "origin", "refs/heads/main").Output, "origin/main unchanged");
        Assert.AreEqual("main", repo.Git("symbolic-ref", "--short", "HEAD").Output.Trim());
    }

    [TestMethod]
    public void Exploit_2_a_token_in_a_file_whose_name_has_a_space_is_a_stop_with_no_push_and_no_PR()
    {
        using var repo = CommittedRepository();
        Assert.AreEqual(0, MsBuild(repo, "-t:RunNextIssue").ExitCode);
        repo.Write("config/local settings.txt", "token = ghp_0123456789abcdefghijklmnopqrstuvwxyzAB\n");
        repo.Git("add", "-A");
        repo.Git("commit", "-q", "-m", "settings");

        var submit = MsBuild(repo, "-t:SubmitIssue");

        // gh is missing or logged out here: creating a PR would be an MP9001 error, so its absence shows none was asked
        // for; looking for an existing PR to turn into a draft is only a warning then.
        Assert.AreEqual(0, submit.ExitCode, submit.Output);
        StringAssert.Contains(submit.Output, "⛔ Needs Review (STOP): secret: a GitHub token was added (config/local settings.txt:1)");
        Assert.DoesNotContain("MP9001", submit.Output);
        Assert.DoesNotContain("ghp_0123", submit.Output);
        Assert.AreEqual(string.Empty, repo.Git("ls-remote", "--heads", "origin", "refs/heads/feat/m1-02-storage").Output.Trim(), "nothing pushed");
        StringAssert.Contains(repo.TrackedPlanText, "#02 — SQLite storage — STOP: a GitHub token was added");
    }

    [TestMethod]
    public void Exploit_3_an_Issue_File_outside_the_repository_is_never_read_published_or_written()
    {
        var secretName = "outside-" + Guid.NewGuid().ToString("N")[..8] + ".env";
        using var repo = CommittedRepository(plan => plan.Replace("| #02 | 02-storage.md |", $"| #02 | ../../../../{secretName} |", StringComparison.Ordinal));
        var outside = Path.Combine(Path.GetDirectoryName(repo.Path)!, secretName);
        File.WriteAllText(outside, "AWS_SECRET=do-not-publish\n");
        try
        {
            var build = repo.Build("App/App.csproj");
            var push = MsBuild(repo, "-t:PushIssues");

            StringAssert.Contains(build.Output, $"error MP2006: '../../../../{secretName}' leaves the repository; it is not read, published or written");
            Assert.AreNotEqual(0, push.ExitCode, push.Output);
            StringAssert.Contains(push.Output, $"error MP2006: #02: Issue File '../../../../{secretName}' leaves the repository");
            Assert.DoesNotContain("do-not-publish", push.Output);
            Assert.AreEqual("AWS_SECRET=do-not-publish\n", File.ReadAllText(outside), "nothing written into it");
        }
        finally
        {
            File.Delete(outside);
        }
    }
}

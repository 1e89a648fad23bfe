using MilestonePlan.Workflow.Tests.Support;

namespace MilestonePlan.Workflow.Tests.Safety;

/// <summary>
/// Issue #21: what `git push` publishes is every commit between the base and the branch, with its message. A secret
/// committed and deleted again (the net diff is clean) or written in a commit message stops the submit before any
/// push, is never printed, and a rerun does not push it either.
/// </summary>
[TestClass]
public sealed class PublishedHistoryTests
{
    private const string Token = "ghp_abcdefghijklmnopqrstuvwxyz0123456789";

    [TestMethod]
    public void A_token_committed_then_deleted_stops_the_submit_and_nothing_is_pushed()
    {
        using var repo = SubmitIssueTests.StartIssueOne();
        repo.Git.Write("src/settings.json", "{ \"token\": \"" + Token + "\" }\n");
        repo.Git.CommitAll("settings");
        repo.Git.Write("src/settings.json", "{ }\n");
        repo.Git.CommitAll("oops, no token");

        var stops = repo.Runner().SubmitIssue();

        var secret = stops.Single(s => s.Code == "secret");
        StringAssert.Contains(secret.Reason, "a GitHub token was added in commit ");
        Assert.AreEqual(("src/settings.json", 1), (secret.Path, secret.Line));
        AssertNothingPublished(repo);

        // A rerun refuses again: the history still holds it.
        Assert.IsTrue(repo.Runner().SubmitIssue().Any(s => s.Code == "secret"));
        AssertNothingPublished(repo);
    }

    [TestMethod]
    public void A_key_in_a_commit_message_stops_the_submit_and_is_never_printed()
    {
        using var repo = SubmitIssueTests.StartIssueOne();
        repo.Git.Write("src/Other.cs", "class Other { }\n");
        repo.Git.CommitAll("add Other\n\ndebug: token " + Token);

        var stops = repo.Runner().SubmitIssue();

        var secret = stops.Single(s => s.Code == "secret");
        StringAssert.Contains(secret.Reason, "is in the message of commit");
        AssertNothingPublished(repo);
    }

    [TestMethod]
    public void A_clean_history_of_several_commits_is_not_a_stop()
    {
        using var repo = SubmitIssueTests.StartIssueOne();
        repo.Git.Write("src/Other.cs", "class Other { }\n");
        repo.Git.CommitAll("add Other");

        var stops = repo.Runner().SubmitIssue();

        Assert.IsFalse(stops.Any(s => s.Code == "secret"), string.Join("; ", stops));
    }

    [TestMethod]
    public void RunMilestone_stops_an_agent_that_committed_a_token_and_deleted_it_and_never_pushes_or_prints_it()
    {
        using var repo = new WorkflowRepository();
        var agent = """
            #!/bin/sh
            mkdir -p src
            printf '{ "token": "TOKEN" }\n' > src/settings.json
            git add src/settings.json && git commit --quiet -m "settings"
            printf '{ }\n' > src/settings.json
            git add src/settings.json && git commit --quiet -m "no token after all"
            """.Replace("TOKEN", Token, StringComparison.Ordinal);

        var outcomes = ScriptedAgent.Loop(repo, agent, maxIssues: 1).RunMilestone();

        Assert.AreEqual("#01 Stopped", outcomes.Select(o => $"{o.Issue} {o.State}").Single(), string.Join("\n", repo.Output));
        StringAssert.Contains(repo.PlanText, "* #01 — Parser — STOP: a GitHub token was added in commit ");
        AssertNothingPublished(repo);
        Assert.DoesNotContain("ghp_abc", repo.Git.GitOrigin("log", "--all", "-p"), "origin never saw it");
    }

    private static void AssertNothingPublished(WorkflowRepository repo)
    {
        Assert.IsFalse(repo.Git.RemoteHas("feat/m1-01-parser"), "nothing pushed");
        Assert.IsFalse(repo.IssueGhCalls.Any(c => c[0] == "pr" && c[1] != "list"), "no PR");
        Assert.DoesNotContain("ghp_abc", repo.PlanText);
        Assert.IsFalse(repo.Output.Any(l => l.Contains("ghp_abc", StringComparison.Ordinal)), "never printed");
    }
}

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

    private static void AssertNothingPublished(WorkflowRepository repo)
    {
        Assert.IsFalse(repo.Git.RemoteHas("feat/m1-01-parser"), "nothing pushed");
        Assert.IsFalse(repo.IssueGhCalls.Any(c => c[0] == "pr" && c[1] != "list"), "no PR");
        Assert.DoesNotContain("ghp_abc", repo.PlanText);
        Assert.IsFalse(repo.Output.Any(l => l.Contains("ghp_abc", StringComparison.Ordinal)), "never printed");
    }
}

using MilestonePlan.Workflow.GitHub;
using MilestonePlan.Workflow.Tests.Support;

namespace MilestonePlan.Workflow.Tests.GitHub;

/// <summary>A PR's comments through GhClient and the fake gh: posted with `--body-file`, read back with `pr view --json comments`.</summary>
[TestClass]
public sealed class GhClientCommentTests
{
    [TestMethod]
    public void A_PR_comment_is_posted_from_a_body_file_and_its_body_is_read_back_exactly()
    {
        using var gh = new FakeGhEnvironment();
        var client = new GhClient(gh.Runner, gh.Folder, TimeSpan.FromMinutes(1));
        var (number, _) = client.CreatePullRequest("milestone/m1-core", "feat/m1-01-parser", "t", "b");
        const string body = "1. SQL built from user input ✓\n\n<!-- milestoneplan:review abc123 -->\n";

        Assert.IsEmpty(client.PullRequestComments(number), "none yet: gh prints an empty list");
        client.Comment(number, body);

        CollectionAssert.AreEqual(new[] { body }, client.PullRequestComments(number).ToArray());
        CollectionAssert.AreEqual(new[] { "pr", "view", "1", "--json", "comments" }, gh.Calls.Last());
        Assert.AreEqual(1, gh.Calls.Count(c => c is ["pr", "comment", "1", "--body-file", _]));
    }
}

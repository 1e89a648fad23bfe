using MilestonePlan.Workflow.Tests.Support;

namespace MilestonePlan.Workflow.Tests.Safety;

/// <summary>The issue's exploit 2 through SubmitIssue: a token in a file whose name holds a space is a stop; nothing is pushed or opened.</summary>
[TestClass]
public sealed class SubmitSafetyTests
{
    private const string Token = "ghp_0123456789abcdefghijklmnopqrstuvwxyzAB";

    [TestMethod]
    [DataRow("config/local settings.txt")]
    [DataRow("config/tab\tname.txt")]
    [DataRow("config/new\nline.txt")]
    [DataRow("-config.txt")]
    public void A_committed_token_stops_SubmitIssue_whatever_the_file_name(string name)
    {
        using var repo = new WorkflowRepository();
        repo.Runner().RunNextIssue();
        repo.Git.Write(name, $"github = {Token}\n");
        repo.Git.CommitAll("settings");

        var stops = repo.Runner().SubmitIssue();

        Assert.AreEqual("secret", stops[0].Code);
        Assert.AreEqual(name, stops[0].Path);
        Assert.IsFalse(repo.Git.RemoteHas("feat/m1-01-parser"), "nothing pushed");
        Assert.IsFalse(repo.Gh.Calls.Any(c => c[0] == "pr"), "no PR");
        Assert.DoesNotContain(Token, repo.PlanText);
        Assert.IsFalse(repo.Output.Any(l => l.Contains(Token, StringComparison.Ordinal)));
    }
}

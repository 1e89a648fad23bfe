using MilestonePlan.Workflow.Tests.Support;

namespace MilestonePlan.Workflow.Tests;

/// <summary>What the targets return to MSBuild (`-getTargetResult`): the names of docs/targets.md, with real values.</summary>
[TestClass]
public sealed class TargetItemsTests
{
    [TestMethod]
    public void NextIssue_returns_the_next_issue_with_its_branch_base_and_spec_and_why_each_other_waits()
    {
        using var repo = new WorkflowRepository();
        var runner = repo.Runner();

        runner.NextIssue();

        var next = runner.Items.Single(i => i.Metadata["Kind"] == "Next");
        Assert.AreEqual("#01", next.Identity);
        Assert.AreEqual(("Parser", "feat/m1-01-parser", "milestone/m1-core", "docs/03-build-notes/m1/01-parser.md"),
            (next.Metadata["Title"], next.Metadata["Branch"], next.Metadata["Base"], next.Metadata["Spec"]));
        var waiting = runner.Items.Where(i => i.Metadata["Kind"] == "PassedOver").Select(i => i.Identity).ToList();
        CollectionAssert.AreEqual(new[] { "#02", "#03" }, waiting);
        Assert.AreEqual(("0", "3", "#01"), (runner.Items[^1].Metadata["Done"], runner.Items[^1].Metadata["Total"], runner.Items[^1].Metadata["Next"]));
    }

    [TestMethod]
    public void SubmitIssue_returns_the_state_and_the_PR_number_and_url()
    {
        using var repo = new WorkflowRepository();
        repo.Runner().RunNextIssue();
        repo.Git.Write("src/Parser.cs", "namespace App; public static class Parser { }\n");
        repo.Git.CommitAll("parser");
        var runner = repo.Runner();

        runner.SubmitIssue();

        var item = runner.Items.Single();
        Assert.AreEqual(("Submitted", "PrOpen", "1", "https://github.com/example/repo/pull/1"),
            (item.Metadata["Kind"], item.Metadata["State"], item.Metadata["PullRequest"], item.Metadata["Url"]));
    }
}

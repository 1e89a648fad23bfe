namespace MilestonePlan.Tasks.Tests;

/// <summary>The workflow task's own part: the items it returns to MSBuild and the job summary of MilestoneStatus.</summary>
[TestClass]
public sealed class WorkflowTaskTests
{
    [TestMethod]
    public void NextIssue_returns_items_with_the_issue_as_identity_and_escaped_metadata()
    {
        var root = ValidateMilestonePlansTests.Repository();
        var task = new MilestoneWorkflow { BuildEngine = new RecordingBuildEngine(), Action = "NextIssue", ProjectDirectory = root };

        Assert.IsTrue(task.Execute());

        var next = task.Results.Single(r => r.GetMetadata("Kind") == "Next");
        Assert.AreEqual(("#01", "Parser", "feat/m1-01-parser"), (next.ItemSpec, next.GetMetadata("Title"), next.GetMetadata("Branch")));
        Directory.Delete(root, recursive: true);
    }

    [TestMethod]
    public void MilestoneStatus_appends_a_table_to_the_GitHub_job_summary()
    {
        var root = ValidateMilestonePlansTests.Repository();
        var summary = Path.Combine(root, "summary.md");
        File.WriteAllText(summary, "Earlier step\n");
        var task = new MilestoneWorkflow
        {
            BuildEngine = new RecordingBuildEngine(), Action = "MilestoneStatus", ProjectDirectory = root,
            Environment = name => name == "GITHUB_STEP_SUMMARY" ? summary : null,
        };

        Assert.IsTrue(task.Execute());

        var text = File.ReadAllText(summary);
        StringAssert.StartsWith(text, "Earlier step\n");
        StringAssert.Contains(text, "### MilestonePlan status");
        StringAssert.Contains(text, "| m1 | 0 | 0 | 0 | 1 | 0 | 0 | \\#01 |", "issue numbers are escaped, so GitHub does not link them to its own issues");
        Directory.Delete(root, recursive: true);
    }
}

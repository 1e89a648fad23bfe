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

    [TestMethod]
    public void Settings_come_from_the_global_properties_of_the_repository_project_and_a_bad_one_is_MP9001_before_anything_runs()
    {
        var root = ValidateMilestonePlansTests.Repository();
        var engine = new RecordingBuildEngine
        {
            GlobalProperties = new() { ["MilestonePlanRepositoryRoot"] = root, ["MilestonePlanAgentCommand"] = "myagent \"unclosed {issue}" },
        };
        var task = new MilestoneWorkflow { BuildEngine = engine, Action = "NextIssue", ProjectDirectory = root };

        Assert.IsFalse(task.Execute());

        var error = engine.Errors.Single();
        Assert.AreEqual("MP9001", error.Code);
        StringAssert.Contains(error.Message, "MilestonePlanAgentCommand has an unclosed double quote; nothing was run");
        Assert.IsEmpty(task.Results);
        Directory.Delete(root, recursive: true);
    }

    [TestMethod]
    public void Global_properties_are_read_unescaped_as_MSBuild_hands_them_to_a_task_parameter()
    {
        var root = ValidateMilestonePlansTests.Repository();
        var engine = new RecordingBuildEngine
        {
            // As MSBuild stores them: `;` is %3b, `'` is %27, `%` is %25.
            GlobalProperties = new() { ["MilestonePlanRepositoryRoot"] = root, ["MilestonePlanAgentCommand"] = "%27my agent%27 %25x {issue}%3b" },
        };
        var task = new MilestoneWorkflow { BuildEngine = engine, Action = "RunMilestone", ProjectDirectory = root, CheckCommand = "none" };

        Assert.IsFalse(task.Execute());

        StringAssert.Contains(engine.Errors.Single().Message, "MilestonePlanAgentCommand: 'my agent' was not found");
        Directory.Delete(root, recursive: true);
    }

    [TestMethod]
    public void A_setting_item_wins_over_the_task_parameter_of_the_same_meaning()
    {
        var root = ValidateMilestonePlansTests.Repository();
        var engine = new RecordingBuildEngine();
        var setting = new Microsoft.Build.Utilities.TaskItem("Milestone");
        setting.SetMetadata("Value", "m7");
        var task = new MilestoneWorkflow { BuildEngine = engine, Action = "NextIssue", ProjectDirectory = root, Milestone = "m1", Settings = [setting] };

        Assert.IsFalse(task.Execute());

        StringAssert.Contains(engine.Errors.Single().Message, "No plan for milestone m7");
        Directory.Delete(root, recursive: true);
    }
}

using MilestonePlan.Workflow.Actions;
using MilestonePlan.Workflow.Settings;
using MilestonePlan.Workflow.Tests.Support;

namespace MilestonePlan.Workflow.Tests;

/// <summary>
/// The settings are read once, before anything runs (issue #20): a value that cannot be used stops the target with
/// MP9001, and git, origin, GitHub and the plan are as they were. Real git, the fake gh.
/// </summary>
[TestClass]
public sealed class SettingsTests
{
    [TestMethod]
    public void An_unclosed_quote_in_the_agent_command_stops_before_anything_is_pushed_opened_or_recorded()
    {
        using var repo = new WorkflowRepository();
        var before = Snapshot(repo);

        var error = Assert.ThrowsExactly<WorkflowException>(() =>
            repo.Settings(new() { ["MilestonePlanAgentCommand"] = "myagent \"unclosed {issue}" }));

        Assert.AreEqual("MP9001", error.Rule.Id);
        StringAssert.Contains(error.Message, "MilestonePlanAgentCommand has an unclosed double quote; nothing was run");
        Assert.AreEqual(before, Snapshot(repo));
    }

    [TestMethod]
    public void An_agent_that_is_not_on_PATH_stops_RunMilestone_before_the_base_branch_is_pushed()
    {
        using var repo = new WorkflowRepository();
        var before = Snapshot(repo);
        var runner = new WorkflowRunner(repo.Settings(new()
        {
            ["MilestonePlanAgentCommand"] = "no-such-agent-4f1c --issue {issue}",
            ["MilestonePlanCheckCommand"] = "none",
        }), repo.Gh.Runner, repo.Output.Add);

        var error = Assert.ThrowsExactly<WorkflowException>(() => runner.RunMilestone());

        StringAssert.Contains(error.Message, "MilestonePlanAgentCommand: 'no-such-agent-4f1c' was not found");
        Assert.IsFalse(repo.Git.RemoteHas("milestone/m1-core"), "the base branch was not pushed");
        Assert.AreEqual(before, Snapshot(repo));
    }

    [TestMethod]
    public void A_check_that_is_not_on_PATH_stops_SubmitIssue_before_anything_is_pushed()
    {
        using var repo = new WorkflowRepository();
        repo.Runner().RunNextIssue();
        repo.Git.Write("src/Parser.cs", "namespace App; public static class Parser { }\n");
        repo.Git.CommitAll("work");
        var before = Snapshot(repo);

        var error = Assert.ThrowsExactly<WorkflowException>(() => repo.Runner(checks: "true\n'no-such-check 4f1c' --all").SubmitIssue());

        StringAssert.Contains(error.Message, "MilestonePlanCheckCommand: 'no-such-check 4f1c' was not found");
        Assert.IsFalse(repo.Git.RemoteHas("feat/m1-01-parser"));
        Assert.AreEqual(before, Snapshot(repo));
    }

    [TestMethod]
    public void An_unknown_milestone_stops_RunMilestone_before_anything_runs()
    {
        using var repo = new WorkflowRepository();
        var before = Snapshot(repo);
        var runner = new WorkflowRunner(repo.Settings(new()
        {
            ["Milestone"] = "m9", ["MilestonePlanAgentCommand"] = "true", ["MilestonePlanCheckCommand"] = "none",
        }), repo.Gh.Runner, repo.Output.Add);

        var error = Assert.ThrowsExactly<WorkflowException>(() => runner.RunMilestone());

        StringAssert.Contains(error.Message, "No plan for milestone m9");
        Assert.AreEqual(before, Snapshot(repo));
    }

    [TestMethod]
    [DataRow("MilestonePlanTimeoutSeconds", "-1", "MilestonePlanTimeoutSeconds must be a whole number, 0 or more, not '-1'")]
    [DataRow("MilestonePlanMergeTimeout", "ten", "MilestonePlanMergeTimeout must be a whole number, 0 or more, not 'ten'")]
    [DataRow("MilestonePlanDryRun", "maybe", "MilestonePlanDryRun must be true or false, not 'maybe'")]
    [DataRow("Milestone", "next", "'next' is not a milestone id (use m2, M2 or 2)")]
    [DataRow("MilestonePlanCheckCommand", "dotnet test --filter 'x", "MilestonePlanCheckCommand has an unclosed single quote")]
    public void A_value_that_cannot_be_used_is_MP9001_naming_the_setting(string setting, string value, string message)
    {
        var error = Assert.ThrowsExactly<WorkflowException>(() => WorkflowSettings.Parse("/repo", new Dictionary<string, string?> { [setting] = value }));

        Assert.AreEqual("MP9001", error.Rule.Id);
        StringAssert.Contains(error.Message, message + "; nothing was run");
    }

    [TestMethod]
    public void Check_commands_are_split_like_the_agent_command_one_per_line_and_none_is_no_check()
    {
        var context = WorkflowSettings.Parse("/repo", new Dictionary<string, string?>
        {
            ["MilestonePlanCheckCommand"] = "dotnet test --filter \"Category=Fast|Category=Unit\"\nnone\n  './tools/lint it.sh' a\\ b  ",
        });

        Assert.HasCount(2, context.Checks);
        CollectionAssert.AreEqual(new[] { "dotnet", "test", "--filter", "Category=Fast|Category=Unit" }, context.Checks[0].Arguments.Prepend(context.Checks[0].Program).ToArray());
        CollectionAssert.AreEqual(new[] { "./tools/lint it.sh", "a b" }, context.Checks[1].Arguments.Prepend(context.Checks[1].Program).ToArray());
    }

    [TestMethod]
    public void Empty_settings_give_the_documented_defaults()
    {
        var context = WorkflowSettings.Parse("/repo", new Dictionary<string, string?> { ["MilestonePlanTimeoutSeconds"] = " " });

        Assert.AreEqual(("docs/03-build-notes", null, false, 120.0, "dotnet test", null, 60.0, 30.0, 30.0, 0),
            (context.DocsRoot, context.Milestone, context.DryRun, context.Timeout.TotalSeconds, context.Checks.Single().Display, context.Agent,
                context.AgentTimeout.TotalMinutes, context.MergePollInterval.TotalSeconds, context.MergeTimeout.TotalMinutes, context.MaxIssues));
    }

    [TestMethod]
    public void The_workflow_validates_with_MilestonePlanNonSpecFiles_like_the_build()
    {
        using var repo = new WorkflowRepository();
        repo.Git.Write("docs/03-build-notes/m1/NOTES.md", "# Notes\n");

        var plain = Core.Validation.RepositoryValidator.Validate(Core.IO.DiskFileSystem.Instance, repo.Settings(new()).Validation);
        var configured = Core.Validation.RepositoryValidator.Validate(Core.IO.DiskFileSystem.Instance,
            repo.Settings(new() { ["MilestonePlanNonSpecFiles"] = "NOTES.md; other.md" }).Validation);

        Assert.IsTrue(plain.Diagnostics.Any(d => d.Id == "MP2002" && d.FilePath.EndsWith("NOTES.md", StringComparison.Ordinal)), string.Join("\n", plain.Diagnostics));
        Assert.IsFalse(configured.Diagnostics.Any(d => d.Id == "MP2002"), string.Join("\n", configured.Diagnostics));
    }

    /// <summary>Refs here and on origin, the work tree, HEAD, every gh call and the plan on every branch.</summary>
    private static string Snapshot(WorkflowRepository repo) =>
        repo.Git.Snapshot() + "\n" + string.Join("\n", repo.Gh.Calls.Select(c => string.Join(" ", c))) + "\n" + repo.DiskPlanText
        + "\n" + (repo.Gh.State["prs"]?.ToJsonString() ?? "no PRs");
}

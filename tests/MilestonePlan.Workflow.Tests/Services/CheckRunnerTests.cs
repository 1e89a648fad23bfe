using MilestonePlan.Workflow.Processes;
using MilestonePlan.Workflow.Services;
using MilestonePlan.Workflow.Settings;

namespace MilestonePlan.Workflow.Tests.Services;

/// <summary>The checks a run is composed with: run in order up to the first failure, or in a dry run only said.</summary>
[TestClass]
public sealed class CheckRunnerTests
{
    private static WorkflowContext Context(string checks) =>
        WorkflowSettings.Parse(Path.GetTempPath(), new Dictionary<string, string?> { ["MilestonePlanCheckCommand"] = checks });

    [TestMethod]
    public void Checks_run_in_order_and_the_first_failure_is_the_reason_the_rest_do_not_run()
    {
        var said = new List<string>();

        var reason = CheckRunner.Running(Context("git --version\ngit no-such-check\ngit --version"), new ProcessRunner(), said.Add).Run();

        StringAssert.StartsWith(reason, "git no-such-check failed (exit 1)");
        CollectionAssert.AreEqual(new[] { "Running checks: git --version", "Running checks: git no-such-check" },
            said.Where(l => l.StartsWith("Running checks:", StringComparison.Ordinal)).ToArray());
    }

    [TestMethod]
    public void A_dry_run_says_each_check_and_runs_none()
    {
        var said = new List<string>();

        var reason = CheckRunner.DryRun(Context("no-such-program-4f1c --all\n'two words' x"), said.Add).Run();

        Assert.IsNull(reason);
        CollectionAssert.AreEqual(new[] { "would run: no-such-program-4f1c --all", "would run: \"two words\" x" }, said.ToArray());
    }
}

using System.Collections;
using System.Text.Json;
using Microsoft.Build.Framework;

namespace MilestonePlan.Tasks.Tests;

/// <summary>The task's side of the build integration: the project stamp, the request to the repository project, the reports.</summary>
[TestClass]
public sealed class BuildIntegrationTaskTests
{
    private const string Plan = ValidateMilestonePlansTests.Plan;

    private static string Repository(string plan = Plan)
    {
        var root = Path.Combine(Path.GetTempPath(), "mp-build-" + Guid.NewGuid().ToString("N")[..10]);
        Directory.CreateDirectory(Path.Combine(root, ".git"));
        Directory.CreateDirectory(Path.Combine(root, "docs/03-build-notes/m1"));
        File.WriteAllText(Path.Combine(root, "docs/03-build-notes/m1/IMPLEMENTATION_PLAN.md"), plan);
        return root;
    }

    private static (ValidateMilestonePlans Task, RecordingBuildEngine Engine) Task(string root, Action<ValidateMilestonePlans>? configure = null)
    {
        var engine = new RecordingBuildEngine();
        var task = new ValidateMilestonePlans { BuildEngine = engine, ProjectDirectory = root, Environment = _ => null };
        configure?.Invoke(task);
        return (task, engine);
    }

    [TestMethod]
    public void Every_inherited_global_property_is_removed_but_MilestonePlan_ones()
    {
        var globals = new Dictionary<string, string>
        {
            ["TargetFramework"] = "net8.0", ["Configuration"] = "Debug", ["RuntimeIdentifier"] = "linux-x64", ["MilestonePlanSarifFile"] = "a.sarif",
        };

        Assert.AreEqual("Configuration;RuntimeIdentifier;TargetFramework", RepositoryRequest.PropertiesToRemove(globals));
        Assert.AreEqual(string.Empty, RepositoryRequest.PropertiesToRemove(null));
    }

    [TestMethod]
    public void The_task_reports_the_global_properties_of_its_build()
    {
        var root = Repository();
        var engine = new RecordingBuildEngine { GlobalProperties = new Dictionary<string, string> { ["TargetFramework"] = "net10.0" } };
        var task = new ValidateMilestonePlans { BuildEngine = engine, ProjectDirectory = root, CheckOnly = true, Environment = _ => null };

        Assert.IsTrue(task.Execute());

        Assert.AreEqual("TargetFramework", task.GlobalPropertiesToRemove);
        Directory.Delete(root, recursive: true);
    }

    [TestMethod]
    public void Without_a_stamp_the_repository_validation_runs_every_time_asked()
    {
        var root = Repository();
        var (first, firstEngine) = Task(root);
        var (second, secondEngine) = Task(root);

        Assert.IsTrue(first.Execute());
        Assert.IsTrue(second.Execute());

        Assert.HasCount(1, firstEngine.Warnings);
        Assert.HasCount(1, secondEngine.Warnings);
        Directory.Delete(root, recursive: true);
    }

    [TestMethod]
    public void Project_check_is_stale_until_the_validation_is_recorded_then_up_to_date()
    {
        var root = Repository();
        var stamp = Path.Combine(root, "App", "obj", "MilestonePlan.stamp");
        var (check, _) = Task(root, t => { t.CheckOnly = true; t.StampFile = stamp; });
        Assert.IsTrue(check.Execute());
        Assert.IsFalse(check.UpToDate);

        var (validation, _) = Task(root);
        Assert.IsTrue(validation.Execute());
        var (record, _) = Task(root, t => { t.RecordOnly = true; t.StampFile = stamp; t.ExtraInputs = validation.ExtraInputFiles; });
        Assert.IsTrue(record.Execute());

        var (again, engine) = Task(root, t => { t.CheckOnly = true; t.StampFile = stamp; });
        Assert.IsTrue(again.Execute());
        Assert.IsTrue(again.UpToDate);
        Assert.IsTrue(engine.Messages.Any(m => m.Message!.StartsWith("MilestonePlan: plans unchanged", StringComparison.Ordinal)));

        var (forced, _) = Task(root, t => { t.CheckOnly = true; t.StampFile = stamp; t.Force = true; });
        Assert.IsTrue(forced.Execute());
        Assert.IsFalse(forced.UpToDate, "Force (and Rebuild) ignores the stamp");
        Directory.Delete(root, recursive: true);
    }

    [TestMethod]
    public void Sarif_log_is_written_with_effective_severities_and_deleting_it_makes_the_check_stale()
    {
        var root = Repository();
        File.WriteAllText(Path.Combine(root, ".globalconfig"), "is_global = true\ndotnet_diagnostic.MP5001.severity = error\n");
        var (validation, engine) = Task(root, t => t.SarifFile = "out/plans.sarif");

        Assert.IsFalse(validation.Execute());

        var sarif = Path.Combine(root, "out", "plans.sarif");
        using (var document = JsonDocument.Parse(File.ReadAllText(sarif)))
        {
            var result = document.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray().Single();
            Assert.AreEqual(("MP5001", "error"), (result.GetProperty("ruleId").GetString(), result.GetProperty("level").GetString()));
            Assert.AreEqual(8, result.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("region").GetProperty("startLine").GetInt32());
        }

        Assert.HasCount(1, engine.Errors);
        Directory.Delete(root, recursive: true);
    }

    [TestMethod]
    public void Sarif_log_without_findings_has_an_empty_results_list_and_is_an_input_of_the_stamp()
    {
        var root = Repository(Plan.Replace("**Total Issues:** 5", "**Total Issues:** 1", StringComparison.Ordinal));
        var stamp = Path.Combine(root, "obj", "MilestonePlan.stamp");
        var (validation, engine) = Task(root, t => { t.SarifFile = "plans.sarif"; t.StampFile = stamp; });

        Assert.IsTrue(validation.Execute(), string.Join("\n", engine.Warnings.Select(w => w.Message)));
        var sarif = Path.Combine(root, "plans.sarif");
        using (var document = JsonDocument.Parse(File.ReadAllText(sarif)))
        {
            Assert.AreEqual(0, document.RootElement.GetProperty("runs")[0].GetProperty("results").GetArrayLength());
        }

        var (check, _) = Task(root, t => { t.CheckOnly = true; t.SarifFile = "plans.sarif"; t.StampFile = stamp; });
        Assert.IsTrue(check.Execute());
        Assert.IsTrue(check.UpToDate);

        File.Delete(sarif);
        var (stale, _) = Task(root, t => { t.CheckOnly = true; t.SarifFile = "plans.sarif"; t.StampFile = stamp; });
        Assert.IsTrue(stale.Execute());
        Assert.IsFalse(stale.UpToDate, "a deleted SARIF log is written again by the next build");
        Directory.Delete(root, recursive: true);
    }

    [TestMethod]
    public void Step_summary_is_appended_only_by_a_validation()
    {
        var root = Repository();
        var summary = Path.Combine(root, "summary.md");
        File.WriteAllText(summary, "Earlier step\n");
        string? Environment(string name) => name == "GITHUB_STEP_SUMMARY" ? summary : null;

        var (check, _) = Task(root, t => { t.CheckOnly = true; t.StampFile = Path.Combine(root, "obj", "s"); t.Environment = Environment; });
        Assert.IsTrue(check.Execute());
        Assert.AreEqual("Earlier step\n", File.ReadAllText(summary));

        var (validation, _) = Task(root, t => t.Environment = Environment);
        Assert.IsTrue(validation.Execute());
        var text = File.ReadAllText(summary);
        StringAssert.StartsWith(text, "Earlier step\n\n### MilestonePlan");
        StringAssert.Contains(text, "0 error(s), 1 warning(s)");
        StringAssert.Contains(text, "MP5001");
        Directory.Delete(root, recursive: true);
    }
}

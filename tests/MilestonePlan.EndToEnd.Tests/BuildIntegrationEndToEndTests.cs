using System.Text.Json;

namespace MilestonePlan.EndToEnd.Tests;

/// <summary>
/// How validation fits into `dotnet build` whatever the shape of the build: once per build, incremental state in the
/// build's own folders (no MilestonePlanStampFile override here, unlike <see cref="ConsumerRepository.Build"/>), nothing
/// when disabled, and the SARIF log and GitHub step summary.
/// </summary>
[TestClass]
public sealed class BuildIntegrationEndToEndTests
{
    private const string Validated = "MilestonePlan: validated ";
    private const string Skipped = "MilestonePlan: plans unchanged since the last validation; skipped";

    private static string Describe(DotNet.Result result) => $"exit {result.ExitCode}\n{result.Output}";

    /// <summary>The lines that show what happened (for the test log: `--logger "console;verbosity=detailed"`).</summary>
    private static DotNet.Result Show(string what, DotNet.Result result)
    {
        Console.WriteLine($"--- {what}: exit {result.ExitCode}");
        foreach (var line in result.Lines.Where(l => l.Contains("MP5001", StringComparison.Ordinal) || l.Contains("MilestonePlan: ", StringComparison.Ordinal)
            || l.Contains("MilestonePlan.Tasks.dll\"", StringComparison.Ordinal)))
        {
            Console.WriteLine(line.Trim());
        }

        return result;
    }

    /// <summary>`dotnet build` with the package's defaults (the stamp in the project's obj/).</summary>
    private static DotNet.Result Build(ConsumerRepository repo, params string[] arguments) =>
        Show("dotnet build " + string.Join(" ", arguments), DotNet.Run(repo.Path, ["build", .. arguments, "-nodeReuse:false"]));

    private static int Count(string text, string part)
    {
        var count = 0;
        for (var i = text.IndexOf(part, StringComparison.Ordinal); i >= 0; i = text.IndexOf(part, i + part.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }

    /// <summary>The sample plan with every problem fixed but one warning: MP5001 (Total Issues says 7) at line 12, column 19.</summary>
    private static ConsumerRepository WithPlantedWarning()
    {
        var repo = new ConsumerRepository();
        repo.MakeSamplePlanClean();
        File.WriteAllText(repo.PlanPath, File.ReadAllText(repo.PlanPath).Replace("**Total Issues:** 4", "**Total Issues:** 7", StringComparison.Ordinal));
        return repo;
    }

    /// <summary>One validation, and the warning printed once (plus its repetition in the build summary at the end).</summary>
    private static void AssertPrintedOnce(DotNet.Result result)
    {
        Assert.AreEqual(0, result.ExitCode, Describe(result));
        Assert.AreEqual(1, Count(result.Output, Validated), Describe(result));
        Assert.AreEqual(2, Count(result.Output, "warning MP5001"), Describe(result));
        Assert.HasCount(1, BuildOutput.Findings(result), Describe(result));
    }

    [TestMethod]
    public void Multi_targeting_project_prints_each_finding_once()
    {
        using var repo = WithPlantedWarning();
        repo.AddProject("App");
        repo.Write("App/App.csproj", File.ReadAllText(Path.Combine(repo.Path, "App/App.csproj"))
            .Replace("<TargetFramework>net10.0</TargetFramework>", "<TargetFrameworks>net8.0;net10.0</TargetFrameworks>", StringComparison.Ordinal));

        AssertPrintedOnce(Build(repo, "App/App.csproj", "-v:n"));
    }

    [TestMethod]
    public void Solution_of_two_projects_on_two_nodes_prints_each_finding_once()
    {
        using var repo = WithPlantedWarning();
        repo.AddProject("A");
        repo.AddProject("B");
        DotNet.Run(repo.Path, "new", "sln", "-n", "All", "--format", "sln");
        DotNet.Run(repo.Path, "sln", "All.sln", "add", "A/A.csproj", "B/B.csproj");

        AssertPrintedOnce(Build(repo, "All.sln", "-m:2", "-v:n"));
    }

    [TestMethod]
    public void Project_sdk_form_prints_each_finding_once()
    {
        using var repo = WithPlantedWarning();
        repo.Write("global.json", $$"""{ "msbuild-sdks": { "MilestonePlan": "{{Fixture.Version}}" } }""");
        repo.Write("plans.proj", "<Project Sdk=\"MilestonePlan\" />");

        AssertPrintedOnce(Build(repo, "plans.proj", "-v:n"));
        Assert.IsTrue(File.Exists(Path.Combine(repo.Path, "obj", "MilestonePlan.stamp")), "the SDK form keeps its stamp in obj/");
    }

    [TestMethod]
    public void No_op_build_skips_while_rebuild_and_clean_then_build_validate_again()
    {
        using var repo = WithPlantedWarning();
        repo.AddProject("App");
        var stamp = Path.Combine(repo.Path, "App", "obj", "Debug", "net10.0", "MilestonePlan.stamp");

        AssertPrintedOnce(Build(repo, "App/App.csproj", "-v:n"));
        Assert.IsTrue(File.Exists(stamp), "the stamp lives in the project's intermediate folder");

        var noOp = Build(repo, "App/App.csproj", "-v:detailed");
        StringAssert.Contains(noOp.Output, Skipped, Describe(noOp));
        Assert.AreEqual(0, Count(noOp.Output, Validated), Describe(noOp));

        AssertPrintedOnce(Build(repo, "App/App.csproj", "--no-incremental", "-v:n"));

        var clean = DotNet.Run(repo.Path, "clean", "App/App.csproj", "-nodeReuse:false");
        Assert.AreEqual(0, clean.ExitCode, Describe(clean));
        Assert.IsFalse(File.Exists(stamp), "Clean removes the stamp");
        AssertPrintedOnce(Build(repo, "App/App.csproj", "-v:n"));
    }

    [TestMethod]
    public void Disabled_package_loads_no_task_and_lists_no_file()
    {
        using var repo = WithPlantedWarning();
        repo.AddProject("App");

        // The control: an enabled build runs both tasks from the package's assembly.
        var enabled = Build(repo, "App/App.csproj", "-v:diag");
        StringAssert.Contains(enabled.Output, "Task \"ResolveMilestonePlanFiles\"", Describe(enabled));
        StringAssert.Contains(enabled.Output, "Task \"ValidateMilestonePlans\"", Describe(enabled));

        Assert.IsTrue(enabled.Lines.Any(LoadsTheTasks), Describe(enabled));

        var disabled = Build(repo, "App/App.csproj", "-v:diag", "-p:MilestonePlanEnabled=false");
        Assert.AreEqual(0, disabled.ExitCode, Describe(disabled));
        Assert.DoesNotContain("Task \"ResolveMilestonePlanFiles\"", disabled.Output);
        Assert.DoesNotContain("Task \"ValidateMilestonePlans\"", disabled.Output);
        Assert.IsFalse(disabled.Lines.Any(LoadsTheTasks), string.Join("\n", disabled.Lines.Where(LoadsTheTasks)));
        Assert.IsEmpty(BuildOutput.Findings(disabled), Describe(disabled));
    }

    [TestMethod]
    public void Sarif_file_holds_the_finding_at_its_place_and_stays_on_a_no_op_build()
    {
        using var repo = WithPlantedWarning();
        repo.AddProject("App");
        var sarif = Path.Combine(repo.Path, "App", "reports", "plans.sarif");

        var result = Build(repo, "App/App.csproj", "-p:MilestonePlanSarifFile=reports/plans.sarif");
        Assert.AreEqual(0, result.ExitCode, Describe(result));
        var finding = Results(sarif).Single();
        Assert.AreEqual("MP5001", finding.GetProperty("ruleId").GetString());
        Assert.AreEqual("warning", finding.GetProperty("level").GetString());
        var location = finding.GetProperty("locations")[0].GetProperty("physicalLocation");
        Assert.AreEqual("docs/03-build-notes/m1/IMPLEMENTATION_PLAN.md", location.GetProperty("artifactLocation").GetProperty("uri").GetString());
        Assert.AreEqual((12, 19), (location.GetProperty("region").GetProperty("startLine").GetInt32(), location.GetProperty("region").GetProperty("startColumn").GetInt32()));

        // Up to date: not validated, and the log of the last validation is left where it is.
        var written = File.GetLastWriteTimeUtc(sarif);
        var noOp = Build(repo, "App/App.csproj", "-p:MilestonePlanSarifFile=reports/plans.sarif", "-v:n");
        StringAssert.Contains(noOp.Output, Skipped, Describe(noOp));
        Assert.AreEqual(written, File.GetLastWriteTimeUtc(sarif));

        // Nothing found: a log with an empty results list, so a CI upload step always has a file.
        repo.MakeSamplePlanClean();
        File.WriteAllText(repo.PlanPath, File.ReadAllText(repo.PlanPath).Replace("**Total Issues:** 7", "**Total Issues:** 4", StringComparison.Ordinal));
        var clean = Build(repo, "App/App.csproj", "-p:MilestonePlanSarifFile=reports/plans.sarif");
        Assert.AreEqual(0, clean.ExitCode, Describe(clean));
        Assert.IsEmpty(Results(sarif), File.ReadAllText(sarif));
    }

    [TestMethod]
    public void Step_summary_is_appended_when_GITHUB_STEP_SUMMARY_names_a_file()
    {
        using var repo = WithPlantedWarning();
        repo.AddProject("App");
        var summary = Path.Combine(repo.Path, "..", Path.GetFileName(repo.Path) + "-summary.md");
        File.WriteAllText(summary, "Earlier step\n");

        // `env` sets the variable for the dotnet process only (DotNet.Exec adds the private NuGet cache).
        var result = DotNet.Exec("env", repo.Path, "GITHUB_STEP_SUMMARY=" + summary, "dotnet", "build", "App/App.csproj", "-nodeReuse:false");
        Assert.AreEqual(0, result.ExitCode, Describe(result));

        var text = File.ReadAllText(summary);
        File.Delete(summary);
        StringAssert.StartsWith(text, "Earlier step\n");
        Assert.AreEqual(1, Count(text, "### MilestonePlan"), text);
        StringAssert.Contains(text, "0 error(s), 1 warning(s)", text);
        StringAssert.Contains(text, "MP5001", text);
    }

    /// <summary>MSBuild's line for a task taken from an assembly: `Using "X" task from assembly ".../MilestonePlan.Tasks.dll".`</summary>
    private static bool LoadsTheTasks(string line) =>
        line.Contains("task from assembly", StringComparison.Ordinal) && line.Contains("MilestonePlan.Tasks.dll", StringComparison.Ordinal);

    private static List<JsonElement> Results(string sarif)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(sarif));
        return document.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray().Select(r => r.Clone()).ToList();
    }
}

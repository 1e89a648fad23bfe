namespace MilestonePlan.EndToEnd.Tests;

/// <summary>`dotnet build` of real consumers of the packed package.</summary>
[TestClass]
public sealed class ValidationEndToEndTests
{
    private static string Describe(DotNet.Result result) => $"exit {result.ExitCode}\n{result.Output}";

    [TestMethod]
    public void Broken_plan_reports_exact_positions_and_fails_the_build()
    {
        using var repo = new ConsumerRepository();
        repo.AddProject("App");
        var result = repo.Build("App/App.csproj");

        Assert.AreNotEqual(0, result.ExitCode, Describe(result));
        var findings = BuildOutput.Findings(result);
        var plan = repo.PlanPath;
        CollectionAssert.AreEquivalent(
            new[]
            {
                $"{plan}(12,19) warning MP5001",
                $"{plan}(32,9) error MP2001",
                $"{plan}(33,43) error MP3001",
                $"{plan}(37,1) warning MP5002",
                $"{plan}(58,22) warning MP5004",
                $"{Path.Combine(repo.Path, "docs/03-build-notes/m1/04-paging.md")}(6,1) warning MP2005",
            },
            findings.Select(f => $"{f.File}({f.Line},{f.Column}) {f.Severity} {f.Id}").ToArray(),
            Describe(result));
        Assert.AreEqual("#04 depends on #09, which is not in this plan", findings.Single(f => f.Id == "MP3001").Message);
    }

    [TestMethod]
    public void Clean_plan_builds_without_findings_and_output_has_no_package_assembly()
    {
        using var repo = new ConsumerRepository();
        repo.MakeSamplePlanClean();
        repo.AddProject("App");
        var result = repo.Build("App/App.csproj");

        Assert.AreEqual(0, result.ExitCode, Describe(result));
        Assert.IsEmpty(BuildOutput.Findings(result), Describe(result));
        var output = Path.Combine(repo.Path, "App", "bin");
        var assemblies = Directory.GetFiles(output, "*.dll", SearchOption.AllDirectories).Select(Path.GetFileName).ToList();
        CollectionAssert.Contains(assemblies, "App.dll");
        Assert.IsFalse(assemblies.Any(a => a!.StartsWith("MilestonePlan", StringComparison.Ordinal) || a.StartsWith("Markdig", StringComparison.Ordinal)
            || a.StartsWith("YamlDotNet", StringComparison.Ordinal)), string.Join(", ", assemblies));
    }

    [TestMethod]
    public void Severity_follows_NoWarn_warnaserror_and_editorconfig()
    {
        using var repo = new ConsumerRepository();
        repo.MakeSamplePlanClean();
        File.WriteAllText(repo.PlanPath, File.ReadAllText(repo.PlanPath).Replace("**Total Issues:** 4", "**Total Issues:** 7", StringComparison.Ordinal)
            .Replace("* **Current Issue:** #02", "* **Current Issue:** #01", StringComparison.Ordinal));
        repo.AddProject("App", "<NoWarn>$(NoWarn);MP5004</NoWarn>");
        repo.Write(".editorconfig", "root = true\n\n[*.md]\ndotnet_diagnostic.MP5001.severity = error\n");

        var result = repo.Build("App/App.csproj");
        var findings = BuildOutput.Findings(result);
        Assert.AreEqual("error", findings.Single(f => f.Id == "MP5001").Severity, Describe(result));
        Assert.IsFalse(findings.Any(f => f.Id == "MP5004"), Describe(result));
        Assert.AreNotEqual(0, result.ExitCode);

        repo.Write(".editorconfig", "root = true\n\n[*.md]\ndotnet_diagnostic.MP5001.severity = none\n");
        var silenced = repo.Build("App/App.csproj");
        Assert.AreEqual(0, silenced.ExitCode, Describe(silenced));
        Assert.IsEmpty(BuildOutput.Findings(silenced), Describe(silenced));

        repo.Write(".editorconfig", "root = true\n");
        var promoted = repo.Build("App/App.csproj", "-warnaserror");
        Assert.AreNotEqual(0, promoted.ExitCode, Describe(promoted));
        Assert.AreEqual("error", BuildOutput.Findings(promoted).Single(f => f.Id == "MP5001").Severity, Describe(promoted));
    }

    [TestMethod]
    public void TreatWarningsAsErrors_applies_to_plan_findings()
    {
        using var repo = new ConsumerRepository();
        repo.MakeSamplePlanClean();
        File.WriteAllText(repo.PlanPath, File.ReadAllText(repo.PlanPath).Replace("**Total Issues:** 4", "**Total Issues:** 7", StringComparison.Ordinal));
        repo.AddProject("App", "<TreatWarningsAsErrors>true</TreatWarningsAsErrors>");
        var result = repo.Build("App/App.csproj");
        Assert.AreNotEqual(0, result.ExitCode, Describe(result));
        Assert.AreEqual("error", BuildOutput.Findings(result).Single(f => f.Id == "MP5001").Severity, Describe(result));
    }

    [TestMethod]
    public void Second_build_without_changes_skips_validation_and_a_change_revalidates()
    {
        using var repo = new ConsumerRepository();
        repo.MakeSamplePlanClean();
        File.WriteAllText(repo.PlanPath, File.ReadAllText(repo.PlanPath).Replace("**Total Issues:** 4", "**Total Issues:** 7", StringComparison.Ordinal));
        repo.AddProject("App");

        var first = repo.Build("App/App.csproj", "-v:n");
        Assert.HasCount(1, BuildOutput.Findings(first).Where(f => f.Id == "MP5001").ToList(), Describe(first));

        var second = repo.Build("App/App.csproj", "-v:n");
        StringAssert.Contains(second.Output, "MilestonePlan: plans unchanged since the last validation; skipped");
        Assert.IsEmpty(BuildOutput.Findings(second), Describe(second));

        File.WriteAllText(repo.PlanPath, File.ReadAllText(repo.PlanPath).Replace("**Total Issues:** 7", "**Total Issues:** 8", StringComparison.Ordinal));
        var third = repo.Build("App/App.csproj", "-v:n");
        StringAssert.Contains(BuildOutput.Findings(third).Single(f => f.Id == "MP5001").Message, "says 8");
    }

    [TestMethod]
    public void Solution_of_three_projects_prints_each_finding_once()
    {
        using var repo = new ConsumerRepository();
        repo.MakeSamplePlanClean();
        File.WriteAllText(repo.PlanPath, File.ReadAllText(repo.PlanPath).Replace("**Total Issues:** 4", "**Total Issues:** 7", StringComparison.Ordinal));
        foreach (var name in new[] { "A", "B", "C" })
        {
            repo.AddProject(name);
        }

        DotNet.Run(repo.Path, "new", "sln", "-n", "All", "--format", "sln");
        DotNet.Run(repo.Path, "sln", "All.sln", "add", "A/A.csproj", "B/B.csproj", "C/C.csproj");
        var result = repo.Build("All.sln");

        Assert.AreEqual(0, result.ExitCode, Describe(result));
        var findings = BuildOutput.Findings(result).Where(f => f.Id == "MP5001").ToList();
        Assert.HasCount(1, findings, Describe(result));
    }

    [TestMethod]
    public void Solution_with_plan_errors_reports_each_error_once_across_nodes()
    {
        using var repo = new ConsumerRepository();
        foreach (var name in new[] { "A", "B", "C" })
        {
            repo.AddProject(name);
        }

        DotNet.Run(repo.Path, "new", "sln", "-n", "All", "--format", "sln");
        DotNet.Run(repo.Path, "sln", "All.sln", "add", "A/A.csproj", "B/B.csproj", "C/C.csproj");
        var result = repo.Build("All.sln", "-m:2");

        Assert.AreNotEqual(0, result.ExitCode, Describe(result));
        Assert.HasCount(1, BuildOutput.Findings(result).Where(f => f.Id == "MP3001").ToList(), Describe(result));
    }

    [TestMethod]
    public void Project_sdk_form_validates_a_repository_without_dotnet_code()
    {
        using var repo = new ConsumerRepository();
        repo.Write("global.json", $$"""{ "msbuild-sdks": { "MilestonePlan": "{{Fixture.Version}}" } }""");
        repo.Write("plans.proj", "<Project Sdk=\"MilestonePlan\" />");
        var result = repo.Build("plans.proj");

        Assert.AreNotEqual(0, result.ExitCode, Describe(result));
        var findings = BuildOutput.Findings(result);
        Assert.IsTrue(findings.Any(f => f.Id == "MP3001" && f.Line == 33 && f.Column == 43), Describe(result));
    }
}

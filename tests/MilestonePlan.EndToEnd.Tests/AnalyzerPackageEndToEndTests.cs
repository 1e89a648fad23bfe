using System.Text.RegularExpressions;

namespace MilestonePlan.EndToEnd.Tests;

/// <summary>
/// The analyzer as a C# and a Visual Basic project get it from the packed package (issue #24: it used to sit under
/// analyzers/dotnet/cs/, which NuGet gives to C# alone): the compiler is handed it once, with its dependencies from the
/// same folder, and with the task switched off it reports the sample plan's problems at their positions. F# has no
/// Roslyn analyzers: an F# project gets the task.
/// </summary>
[TestClass]
public sealed partial class AnalyzerPackageEndToEndTests
{
    /// <summary>What the package's analyzers/dotnet/ folder hands the compiler: the analyzer and what it loads.</summary>
    private static readonly string[] AnalyzerFolder = ["Markdig.dll", "MilestonePlan.Analyzers.dll", "MilestonePlan.Core.dll", "YamlDotNet.dll"];

    private static string Describe(DotNet.Result result) => $"exit {result.ExitCode}\n{result.Output}";

    /// <summary>An `/analyzer:` argument of the csc or vbc command line that MSBuild logs at normal verbosity.</summary>
    [GeneratedRegex(@"[/-]analyzer:(?:""(?<path>[^""]+)""|(?<path>\S+))")]
    private static partial Regex AnalyzerArgument();

    [TestMethod]
    [DataRow("cs")]
    [DataRow("vb")]
    public void Compiler_gets_the_analyzer_once_and_it_reports_at_the_same_positions(string language)
    {
        using var repo = new ConsumerRepository();
        var project = repo.AddProject("App", language: language);

        // MilestonePlanAnalyzerEnabled is the documented analyzer-only switch (what an IDE design-time build sets):
        // the task stays off, so every finding below comes from the analyzer inside the compiler.
        var result = repo.Build(project, "-v:n", "-p:MilestonePlanAnalyzerEnabled=true");

        var fromPackage = result.Lines.SelectMany(l => AnalyzerArgument().Matches(l))
            .Select(m => m.Groups["path"].Value)
            .Where(p => p.Contains(Path.Combine("milestoneplan", Fixture.Version.ToLowerInvariant()), StringComparison.OrdinalIgnoreCase))
            .ToList();
        CollectionAssert.AreEqual(AnalyzerFolder, fromPackage.Select(Path.GetFileName).Order(StringComparer.Ordinal).ToArray(), Describe(result));
        Assert.IsTrue(fromPackage.All(p => Path.GetDirectoryName(p)!.EndsWith(Path.Combine("analyzers", "dotnet"), StringComparison.Ordinal)),
            string.Join("\n", fromPackage));

        var findings = BuildOutput.Findings(result).Select(f => $"{Path.GetFileName(f.File)}({f.Line},{f.Column}) {f.Severity} {f.Id}").ToList();
        CollectionAssert.AreEquivalent(
            new[]
            {
                "IMPLEMENTATION_PLAN.md(12,19) warning MP5001",
                "IMPLEMENTATION_PLAN.md(33,43) error MP3001",
                "IMPLEMENTATION_PLAN.md(37,1) warning MP5002",
                "IMPLEMENTATION_PLAN.md(58,22) warning MP5004",
                "04-paging.md(6,1) warning MP2005",
            },
            findings,
            Describe(result));
        Assert.AreNotEqual(0, result.ExitCode, "MP3001 is an error: the compilation fails");
        Assert.DoesNotContain("MilestonePlan: validated", result.Output);
    }

    [TestMethod]
    public void FSharp_project_gets_the_build_task()
    {
        using var repo = new ConsumerRepository();
        repo.AddProject("App", language: "fs");

        // F# compiles without Roslyn, so the task is what reports there (the README says so).
        var result = repo.Build("App/App.fsproj", "-v:n");

        Assert.AreNotEqual(0, result.ExitCode, Describe(result));
        StringAssert.Contains(result.Output, "MilestonePlan: validated", Describe(result));
        Assert.IsTrue(BuildOutput.Findings(result).Any(f => f.Id == "MP3001" && (f.Line, f.Column) == (33, 43)), Describe(result));
    }
}

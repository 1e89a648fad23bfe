using System.IO.Compression;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace MilestonePlan.EndToEnd.Tests;

/// <summary>
/// The packed .nupkg and .snupkg as NuGet reads them (issue #24): the folders NuGet hands to MSBuild and Roslyn and
/// nothing in lib/, no dependency for the consumer, the repository metadata, a package page README whose links work
/// there, and a pdb in the symbol package for each of our assemblies. Reads the package <see cref="Fixture"/> packed.
/// </summary>
[TestClass]
public sealed partial class PackageLayoutTests
{
    private const string ProjectUrl = "https://github.com/milestoneplan/milestoneplan";

    private static string PackageFile(string extension) => Path.Combine(Fixture.Feed, $"MilestonePlan.{Fixture.Version}.{extension}");

    private static List<string> Entries(string extension)
    {
        using var zip = ZipFile.OpenRead(PackageFile(extension));
        return zip.Entries.Select(e => e.FullName).ToList();
    }

    private static string Read(string entry)
    {
        using var zip = ZipFile.OpenRead(PackageFile("nupkg"));
        using var reader = new StreamReader(zip.GetEntry(entry)!.Open());
        return reader.ReadToEnd();
    }

    private static List<string> Under(List<string> entries, string folder) =>
        entries.Where(e => e.StartsWith(folder, StringComparison.Ordinal)).Select(e => e[folder.Length..]).Order(StringComparer.Ordinal).ToList();

    [TestMethod]
    public void Package_has_the_folders_NuGet_reads_and_nothing_in_lib()
    {
        var entries = Entries("nupkg");

        // NuGet's own files (_rels, package/, [Content_Types].xml, the nuspec) aside, every top-level folder is one
        // MSBuild, Roslyn or a reader uses; lib/, ref/ or contentFiles/ would reach the consumer's output.
        var folders = entries.Where(e => e.Contains('/', StringComparison.Ordinal) && !e.StartsWith("_rels/", StringComparison.Ordinal)
                && !e.StartsWith("package/", StringComparison.Ordinal))
            .Select(e => e[..e.IndexOf('/', StringComparison.Ordinal)]).Distinct().ToList();
        CollectionAssert.AreEquivalent(new[] { "analyzers", "build", "buildTransitive", "docs", "Sdk", "tasks" }, folders, string.Join("\n", entries));

        // Every Roslyn language gets the analyzer (no cs/ or vb/ folder), with what it loads; the compiler brings Roslyn.
        CollectionAssert.AreEqual(
            new[] { "Markdig.dll", "MilestonePlan.Analyzers.dll", "MilestonePlan.Analyzers.pdb", "MilestonePlan.Core.dll", "MilestonePlan.Core.pdb", "YamlDotNet.dll" },
            Under(entries, "analyzers/dotnet/"));
        foreach (var folder in new[] { "build/", "buildTransitive/" })
        {
            CollectionAssert.IsSubsetOf(new[] { "MilestonePlan.props", "MilestonePlan.targets" }, Under(entries, folder), folder);
        }

        CollectionAssert.AreEqual(new[] { "Sdk.props", "Sdk.targets" }, Under(entries, "Sdk/"));

        // Both MSBuild runtimes; MSBuild brings Microsoft.Build*, and only .NET's load context reads a .deps.json.
        CollectionAssert.IsSubsetOf(new[] { "MilestonePlan.Tasks.dll", "MilestonePlan.Tasks.deps.json" }, Under(entries, "tasks/net8.0/"));
        CollectionAssert.Contains(Under(entries, "tasks/net472/"), "MilestonePlan.Tasks.dll");
        Assert.IsFalse(entries.Any(e => e.StartsWith("tasks/", StringComparison.Ordinal) && Path.GetFileName(e).StartsWith("Microsoft.Build", StringComparison.Ordinal)),
            string.Join("\n", entries));
        Assert.IsFalse(entries.Any(e => e.StartsWith("tasks/net472/", StringComparison.Ordinal) && e.EndsWith(".deps.json", StringComparison.Ordinal)),
            string.Join("\n", entries));
    }

    [TestMethod]
    public void Nuspec_is_a_development_dependency_without_dependencies_and_names_the_repository()
    {
        var nuspec = XDocument.Parse(Read("MilestonePlan.nuspec"));
        var metadata = nuspec.Root!.Elements().Single(e => e.Name.LocalName == "metadata");
        string? Value(string name) => metadata.Elements().SingleOrDefault(e => e.Name.LocalName == name)?.Value;

        Assert.AreEqual("true", Value("developmentDependency"));
        Assert.IsNull(metadata.Elements().SingleOrDefault(e => e.Name.LocalName == "dependencies"), nuspec.ToString());
        Assert.AreEqual(ProjectUrl, Value("projectUrl"));
        var repository = metadata.Elements().Single(e => e.Name.LocalName == "repository");
        Assert.AreEqual(ProjectUrl, repository.Attribute("url")?.Value);
        Assert.AreEqual("git", repository.Attribute("type")?.Value);
        Assert.AreEqual("README.md", Value("readme"));

        // The rule pages the diagnostics link to are the repository's (the URL's other home, in the engine).
        var descriptor = File.ReadAllText(Path.Combine(Fixture.Repository, "src", "MilestonePlan.Core", "Diagnostics", "DiagnosticDescriptor.cs"));
        StringAssert.Contains(descriptor, $"\"{ProjectUrl}/blob/main/docs/rules/\"");
    }

    /// <summary>A Markdown link target: `[text](target)`.</summary>
    [GeneratedRegex(@"\]\((?<target>[^)\s]+)\)")]
    private static partial Regex LinkTarget();

    [TestMethod]
    public void Package_page_readme_links_only_absolute_addresses()
    {
        var readme = Read("README.md");
        var targets = LinkTarget().Matches(readme).Select(m => m.Groups["target"].Value).ToList();

        // The repository README links docs/ relatively; nuget.org shows the packed copy, where only absolute links work.
        Assert.IsTrue(targets.Count >= 5, string.Join("\n", targets));
        var relative = targets.Where(t => !t.StartsWith("https://", StringComparison.Ordinal) && !t.StartsWith('#')).ToList();
        Assert.IsEmpty(relative, string.Join("\n", relative));
        CollectionAssert.Contains(targets, $"{ProjectUrl}/blob/main/docs/rules/");
        StringAssert.StartsWith(readme, "# MilestonePlan");
    }

    [TestMethod]
    public void Symbol_package_has_a_portable_pdb_beside_each_of_our_assemblies()
    {
        var ours = Entries("nupkg").Where(e => Path.GetFileName(e).StartsWith("MilestonePlan.", StringComparison.Ordinal) && e.EndsWith(".dll", StringComparison.Ordinal))
            .Select(e => Path.ChangeExtension(e, ".pdb")).Order(StringComparer.Ordinal).ToList();
        var pdbs = Entries("snupkg").Where(e => e.EndsWith(".pdb", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList();

        // Core in both task folders and the analyzer's, Workflow and Tasks in both, the analyzer: 8 in all.
        Assert.HasCount(8, ours, string.Join("\n", ours));
        CollectionAssert.AreEqual(ours, pdbs);
        using var zip = ZipFile.OpenRead(PackageFile("snupkg"));
        foreach (var pdb in pdbs)
        {
            using var stream = zip.GetEntry(pdb)!.Open();
            var signature = new byte[4];
            stream.ReadExactly(signature);
            Assert.AreEqual("BSJB", System.Text.Encoding.ASCII.GetString(signature), $"{pdb} is a portable pdb (the metadata signature)");
        }
    }
}

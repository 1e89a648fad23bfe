namespace MilestonePlan.EndToEnd.Tests;

/// <summary>
/// Packs the package once per test run into a temporary folder feed, with a unique version; consumers restore
/// with a private NuGet cache: a stale cached copy of the same version is the classic false green.
/// </summary>
[TestClass]
public static class Fixture
{
    public static string Root { get; } = Path.Combine(Path.GetTempPath(), "milestoneplan-e2e-" + Guid.NewGuid().ToString("N")[..8]);

    public static string Feed => Path.Combine(Root, "feed");

    public static string PackagesFolder => Path.Combine(Root, "packages");

    public static string Version { get; } = "1.0.0-e2e." + DateTime.UtcNow.ToString("yyyyMMddHHmmss");

    public static string Repository { get; } = FindRepository();

    [AssemblyInitialize]
    public static void Pack(TestContext context)
    {
        Directory.CreateDirectory(Feed);
        var result = DotNet.RunInRepository(Repository, "pack", "nuget/MilestonePlan.Package.csproj", "-o", Feed, "-c", "Release",
            $"-p:MilestonePlanVersion={Version}", "-nodeReuse:false");
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException("dotnet pack failed:\n" + result.Output);
        }
    }

    [AssemblyCleanup]
    public static void Cleanup()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static string FindRepository()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "MilestonePlan.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("repository not found");
    }
}

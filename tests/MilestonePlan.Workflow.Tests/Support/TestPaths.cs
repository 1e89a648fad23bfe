namespace MilestonePlan.Workflow.Tests.Support;

/// <summary>The repository root, found from the test binaries (the folder holding MilestonePlan.sln).</summary>
internal static class TestPaths
{
    public static string Root { get; } = FindRoot();

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "MilestonePlan.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("MilestonePlan.sln not found above " + AppContext.BaseDirectory);
    }
}

namespace MilestonePlan.LoopBench;

/// <summary>
/// The MilestonePlan package the consumer repositories build with, in a folder feed: packed from this repository's
/// sources with a version of its own (so no NuGet cache can hand back an older copy), or one packed before.
/// </summary>
internal sealed record PackageFeed(string Folder, string Version, string PackagesFolder)
{
    public static PackageFeed Pack(string root, string repository)
    {
        var feed = new PackageFeed(Path.Combine(root, "feed"), "1.0.0-bench." + DateTime.UtcNow.ToString("yyyyMMddHHmmss"), Packages(root));
        var pack = Exec.Run("dotnet", repository, ["pack", "nuget/MilestonePlan.Package.csproj", "-o", feed.Folder, "-c", "Release",
            $"-p:MilestonePlanVersion={feed.Version}", "-nodeReuse:false", "-v:q", "-nologo"]);
        return pack.Succeeded ? feed : throw new InvalidOperationException("dotnet pack failed:\n" + pack.Output);
    }

    public static PackageFeed Existing(string root, string folder, string version) =>
        File.Exists(Path.Combine(folder, $"MilestonePlan.{version}.nupkg")) ? new PackageFeed(folder, version, Packages(root))
        : throw new ArgumentException($"{folder} has no MilestonePlan.{version}.nupkg");

    /// <summary>A NuGet cache of the bench's own, deleted with it, so the bench's versions never reach the user's cache.</summary>
    private static string Packages(string root) => Path.Combine(root, "packages");
}

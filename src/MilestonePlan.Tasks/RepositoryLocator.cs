namespace MilestonePlan.Tasks;

/// <summary>Finds the repository root: the nearest folder above the project holding `.git` (folder or file).</summary>
internal static class RepositoryLocator
{
    public static string Find(string startDirectory)
    {
        for (var dir = new DirectoryInfo(startDirectory); dir is not null; dir = dir.Parent)
        {
            var git = Path.Combine(dir.FullName, ".git");
            if (Directory.Exists(git) || File.Exists(git))
            {
                return dir.FullName;
            }
        }

        return Path.GetFullPath(startDirectory);
    }
}

namespace MilestonePlan.Core.IO;

/// <summary>
/// A file view that asks the disk once per path, for one validation run, whether a path is a symbolic link. Every
/// spec and link is checked from the repository root down (RepositoryPath.Check), so the folders on the way are shared
/// by hundreds of files; without this a 40-milestone tree spent as long on those checks as on reading the files.
/// </summary>
internal sealed class LinkCheckCache(IFileSystemView inner) : IFileSystemView
{
    private readonly Dictionary<string, bool?> links = new(StringComparer.Ordinal);

    public bool IsComplete => inner.IsComplete;

    public FileText Read(string path, long maxBytes) => inner.Read(path, maxBytes);

    public bool? FileExists(string path) => inner.FileExists(path);

    public bool? DirectoryExists(string path) => inner.DirectoryExists(path);

    public IEnumerable<string> EnumerateFiles(string directory, bool recursive) => inner.EnumerateFiles(directory, recursive);

    public bool? IsSymbolicLink(string path)
    {
        if (!links.TryGetValue(path, out var answer))
        {
            links[path] = answer = inner.IsSymbolicLink(path);
        }

        return answer;
    }
}

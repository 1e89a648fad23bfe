namespace MilestonePlan.Core.IO;

/// <summary>
/// A file view that asks the disk once per path, for one validation run, whether a path is a symbolic link. Every
/// spec and link is checked from the repository root down (RepositoryPath.Check), so the folders on the way are shared
/// by hundreds of files; without this a 40-milestone tree spent as long on those checks as on reading the files.
/// </summary>
internal sealed class LinkCheckCache(IFileSystemView inner) : IFileSystemView
{
    private readonly Dictionary<string, bool?> links = new(StringComparer.Ordinal);

    // The last folder whose every folder from the repository root down was found not to be a link: the specs of a
    // plan share their folder, so each spec after the first is asked about only itself.
    private string? safeFolder;

    /// <summary>True when the first <paramref name="length"/> characters of <paramref name="path"/> are the last folder marked safe.</summary>
    public bool IsSafeFolder(string path, int length) =>
        safeFolder is { } known && known.Length == length && string.CompareOrdinal(known, 0, path, 0, length) == 0;

    public void MarkSafeFolder(string path, int length)
    {
        if (!IsSafeFolder(path, length))
        {
            safeFolder = path.Substring(0, length);
        }
    }

    public bool IsComplete => inner.IsComplete;

    public FileText Read(string path, long maxBytes) => inner.Read(path, maxBytes);

    public bool? FileExists(string path) => inner.FileExists(path);

    public bool? DirectoryExists(string path) => inner.DirectoryExists(path);

    public IEnumerable<string> EnumerateFiles(string directory, bool recursive) => inner.EnumerateFiles(directory, recursive);

    /// <summary>
    /// Asks about a file without remembering the answer. A file is asked about once or twice per run, while the
    /// folders above it are shared; remembering every spec's path kept them all alive until the run ended, and the
    /// collector copied them on each collection of the run.
    /// </summary>
    public bool? IsSymbolicLinkOnce(string path) => links.TryGetValue(path, out var answer) ? answer : inner.IsSymbolicLink(path);

    public bool? IsSymbolicLink(string path)
    {
        if (!links.TryGetValue(path, out var answer))
        {
            links[path] = answer = inner.IsSymbolicLink(path);
        }

        return answer;
    }
}

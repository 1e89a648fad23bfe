namespace MilestonePlan.Core.IO;

/// <summary>
/// Files held in memory: the analyzer's AdditionalFiles, and tests. When not complete, a file it does not
/// hold is "unknown" rather than "missing", so rules that need the disk stay silent instead of guessing.
/// </summary>
internal sealed class InMemoryFileSystem : IFileSystemView
{
    private readonly Dictionary<string, string> files;
    private readonly Dictionary<string, List<string>> byDirectory = new(StringComparer.Ordinal);

    public InMemoryFileSystem(IEnumerable<KeyValuePair<string, string>> files, bool isComplete)
    {
        this.files = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in files)
        {
            this.files[Normalize(pair.Key)] = pair.Value;
        }

        foreach (var path in this.files.Keys.OrderBy(k => k, StringComparer.Ordinal))
        {
            var slash = path.LastIndexOf('/');
            var directory = slash <= 0 ? "/" : path.Substring(0, slash);
            if (!byDirectory.TryGetValue(directory, out var list))
            {
                byDirectory[directory] = list = [];
            }

            list.Add(path);
        }

        IsComplete = isComplete;
    }

    public bool IsComplete { get; }

    public FileText Read(string path, long maxBytes) =>
        !files.TryGetValue(Normalize(path), out var text) ? FileText.Missing
        : text.Length > maxBytes ? FileText.TooLargeFile(text.Length, maxBytes)
        : FileText.Of(text);

    /// <summary>An in-memory view holds no links.</summary>
    public bool? IsSymbolicLink(string path) => false;

    public bool? FileExists(string path) =>
        files.ContainsKey(Normalize(path)) ? true : IsComplete ? false : null;

    public bool? DirectoryExists(string path)
    {
        var prefix = Normalize(path).TrimEnd('/') + "/";
        return files.Keys.Any(k => k.StartsWith(prefix, StringComparison.Ordinal)) ? true : IsComplete ? false : null;
    }

    public IEnumerable<string> EnumerateFiles(string directory, bool recursive)
    {
        if (!recursive)
        {
            return byDirectory.TryGetValue(Normalize(directory).TrimEnd('/'), out var list) ? list : [];
        }

        var prefix = Normalize(directory).TrimEnd('/') + "/";
        return files.Keys
            .Where(k => k.StartsWith(prefix, StringComparison.Ordinal) && (recursive || k.IndexOf('/', prefix.Length) < 0))
            .OrderBy(k => k, StringComparer.Ordinal)
            .ToList();
    }

    private static string Normalize(string path) =>
        IsNormal(path) ? path : Path.GetFullPath(path).Replace('\\', '/');

    /// <summary>Already a full path with forward slashes and no `.`/`..` segments: skip the costly GetFullPath.</summary>
    private static bool IsNormal(string path) =>
        path.Length > 0 && path[0] == '/' && path.IndexOf('\\') < 0 && path.IndexOf("/.", StringComparison.Ordinal) < 0
        && path.IndexOf("//", StringComparison.Ordinal) < 0;
}

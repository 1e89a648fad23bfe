namespace MilestonePlan.Core.IO;

/// <summary>
/// Files held in memory: the analyzer's AdditionalFiles, and tests. When not complete, a file it does not
/// hold is "unknown" rather than "missing", so rules that need the disk stay silent instead of guessing.
/// </summary>
internal sealed class InMemoryFileSystem : IFileSystemView
{
    private readonly Dictionary<string, string> files;
    private readonly Dictionary<string, List<string>> byDirectory = new(StringComparer.Ordinal);

    // Every path in ordinal order: the files under a folder are one contiguous run of it, found by binary search
    // (the analyzer and the benchmarks list the docs tree on every validation).
    private readonly string[] sorted;

    public InMemoryFileSystem(IEnumerable<KeyValuePair<string, string>> files, bool isComplete)
    {
        this.files = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in files)
        {
            this.files[Normalize(pair.Key)] = pair.Value;
        }

        sorted = this.files.Keys.ToArray();
        Array.Sort(sorted, StringComparer.Ordinal);
        foreach (var path in sorted)
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
        return Under(prefix).Count > 0 ? true : IsComplete ? false : null;
    }

    public IEnumerable<string> EnumerateFiles(string directory, bool recursive)
    {
        if (!recursive)
        {
            return byDirectory.TryGetValue(Normalize(directory).TrimEnd('/'), out var list) ? list : [];
        }

        return Under(Normalize(directory).TrimEnd('/') + "/");
    }

    /// <summary>The paths starting with <paramref name="prefix"/>, in ordinal order.</summary>
    private ArraySegment<string> Under(string prefix)
    {
        // Ordinal order puts every path starting with the prefix right after the place the prefix itself would take.
        var first = Array.BinarySearch(sorted, prefix, StringComparer.Ordinal);
        first = first >= 0 ? first : ~first;
        var end = first;
        while (end < sorted.Length && sorted[end].StartsWith(prefix, StringComparison.Ordinal))
        {
            end++;
        }

        return new ArraySegment<string>(sorted, first, end - first);
    }

    private static string Normalize(string path) =>
        IsNormal(path) ? path : Path.GetFullPath(path).Replace('\\', '/');

    /// <summary>Already a full path with forward slashes and no `.`/`..` segments: skip the costly GetFullPath.</summary>
    private static bool IsNormal(string path) =>
        path.Length > 0 && path[0] == '/' && path.IndexOf('\\') < 0 && path.IndexOf("/.", StringComparison.Ordinal) < 0
        && path.IndexOf("//", StringComparison.Ordinal) < 0;
}

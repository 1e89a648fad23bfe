namespace MilestonePlan.Core.IO;

/// <summary>A path taken from a plan, a spec or a property: where it resolves, or why it is refused.</summary>
internal sealed record PathResolution(string? FullPath, string? Problem)
{
    public bool IsInside => FullPath is not null;
}

/// <summary>
/// The one owner of "where does a path from untrusted text point". Every path a plan, spec or property names (Issue
/// Files, links, generated files, written plans) resolves inside the repository root after `..` and symbolic links,
/// or is refused: nothing outside the repository is ever read, published or written (PRODUCT.md section 7).
/// </summary>
internal static class RepositoryPath
{
    private static readonly char[] Separators = ['/', '\\'];

    private static readonly StringComparison PathComparison =
        Path.DirectorySeparatorChar == '\\' ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;

    /// <summary>
    /// Resolves <paramref name="relative"/> against <paramref name="folder"/> (a leading '/' means the repository root, as
    /// in a Markdown link). Refused: control characters, drive letters, UNC and device paths, and anything that leaves
    /// <paramref name="repositoryRoot"/>. Symbolic links are checked by <see cref="Check"/>, which needs the disk.
    /// </summary>
    public static PathResolution Resolve(string repositoryRoot, string folder, string relative)
    {
        if (string.IsNullOrWhiteSpace(relative))
        {
            return new PathResolution(null, "is empty");
        }

        for (var i = 0; i < relative.Length; i++)
        {
            var c = relative[i];
            if (char.IsHighSurrogate(c) && i + 1 < relative.Length && char.IsLowSurrogate(relative[i + 1]))
            {
                i++;
            }
            else if (char.IsControl(c) || char.IsSurrogate(c) || c is '"' or '<' or '>' or '|' or ':' or '*' or '?')
            {
                return new PathResolution(null, "holds a character no portable path may hold");
            }
        }

        var portable = relative.Replace('\\', '/');
        if (portable.StartsWith("//", StringComparison.Ordinal) || portable.StartsWith("~", StringComparison.Ordinal))
        {
            return new PathResolution(null, "is an absolute path; paths in plans are relative to the plan or the repository");
        }

        string root;
        string full;
        try
        {
            root = FullRoot(repositoryRoot);
            var start = portable.StartsWith("/", StringComparison.Ordinal) ? root : FullFolder(folder);
            full = IsPlainFileName(portable)
                ? start.Length > 0 && start[start.Length - 1] == '/' ? start + portable : start + "/" + portable
                : Path.GetFullPath(Path.Combine(start, portable.TrimStart('/')));
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            return new PathResolution(null, "is not a valid path");
        }

        return IsUnder(root, full) ? new PathResolution(full, null) : new PathResolution(null, "leaves the repository");
    }

    /// <summary>
    /// A name Unix's GetFullPath would return unchanged after a full folder and one '/': ASCII letters, digits, `-`, `_`
    /// and `.`, not starting with `.` (so no `.` or `..` segment). The usual Issue File (`03-parser.md`); it skips
    /// GetFullPath, which was a tenth of the time spent locating specs. Windows keeps GetFullPath for every name (it
    /// also trims trailing dots and knows device names).
    /// </summary>
    private static bool IsPlainFileName(string name)
    {
        if (Path.DirectorySeparatorChar != '/' || name.Length == 0 || name[0] == '.')
        {
            return false;
        }

        foreach (var c in name)
        {
            if (!(c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '-' or '_' or '.'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// <paramref name="fullPath"/> is inside <paramref name="repositoryRoot"/> and no folder or file on the way from the
    /// root to it is a symbolic link (a link can point anywhere, and git stores links as they are). Null when it is safe.
    /// </summary>
    public static string? Check(IFileSystemView files, string repositoryRoot, string fullPath)
    {
        var root = FullRoot(repositoryRoot);
        if (!IsUnder(root, fullPath))
        {
            return "leaves the repository";
        }

        if (IsPlainBelow(root, fullPath))
        {
            // The common case: each folder on the way is a prefix of the path itself, no splitting needed. The folders of
            // the last safe folder were asked in this run already (the cache would give the same answers).
            var parent = fullPath.LastIndexOf(Path.DirectorySeparatorChar);
            var cache = files as LinkCheckCache;
            var from = cache is not null && parent > root.Length && cache.IsSafeFolder(fullPath, parent) ? parent + 1 : root.Length + 1;
            for (var end = from; end < fullPath.Length; end++)
            {
                if (fullPath[end] == Path.DirectorySeparatorChar && files.IsSymbolicLink(fullPath.Substring(0, end)) == true)
                {
                    return "goes through a symbolic link";
                }
            }

            if ((cache is not null ? cache.IsSymbolicLinkOnce(fullPath) : files.IsSymbolicLink(fullPath)) == true)
            {
                return "goes through a symbolic link";
            }

            if (cache is not null && parent > root.Length)
            {
                cache.MarkSafeFolder(fullPath, parent);
            }

            return null;
        }

        var current = root;
        foreach (var part in fullPath.Substring(root.Length).Split(Separators, StringSplitOptions.RemoveEmptyEntries))
        {
            current = current + Path.DirectorySeparatorChar + part;
            if (files.IsSymbolicLink(current) == true)
            {
                return "goes through a symbolic link";
            }
        }

        return null;
    }

    /// <summary>
    /// <paramref name="fullPath"/> continues <paramref name="root"/> with one separator and then names separated by single
    /// <see cref="Path.DirectorySeparatorChar"/>s, no other separator and no trailing one: the folders the general loop of
    /// <see cref="Check"/> builds are then exactly the prefixes of <paramref name="fullPath"/> ending before a separator.
    /// </summary>
    private static bool IsPlainBelow(string root, string fullPath)
    {
        if (fullPath.Length <= root.Length + 1 || fullPath[root.Length] != Path.DirectorySeparatorChar
            || string.CompareOrdinal(fullPath, 0, root, 0, root.Length) != 0)
        {
            return false;
        }

        var previousSeparator = true;
        for (var i = root.Length + 1; i < fullPath.Length; i++)
        {
            var c = fullPath[i];
            var separator = c is '/' or '\\';
            if (separator && (previousSeparator || c != Path.DirectorySeparatorChar))
            {
                return false;
            }

            previousSeparator = separator;
        }

        return !previousSeparator;
    }

    // The full forms of the last root and folder asked for: every spec of a plan repeats both (fully qualified inputs
    // only: a relative one, or a Windows drive-relative one, depends on the current directory).
    [ThreadStatic]
    private static (string Input, string Full)? lastRoot;

    [ThreadStatic]
    private static (string Input, string Full)? lastFolder;

    private static string FullRoot(string repositoryRoot) => Memo(ref lastRoot, repositoryRoot, p => Path.GetFullPath(p).TrimEnd('/', '\\'));

    private static string FullFolder(string folder) => Memo(ref lastFolder, folder, Path.GetFullPath);

    private static string Memo(ref (string Input, string Full)? last, string input, Func<string, string> compute)
    {
        if (last is { } known && string.Equals(known.Input, input, StringComparison.Ordinal))
        {
            return known.Full;
        }

        var full = compute(input);
        if (IsFullyQualified(input))
        {
            last = (input, full);
        }

        return full;
    }

    private static bool IsFullyQualified(string path) => Path.DirectorySeparatorChar == '/'
        ? path.StartsWith("/", StringComparison.Ordinal)
        : (path.Length >= 3 && path[1] == ':' && path[2] is '\\' or '/') || path.StartsWith(@"\\", StringComparison.Ordinal);

    /// <summary><see cref="Resolve"/> and then <see cref="Check"/>: the path a reader or writer may use.</summary>
    public static PathResolution ResolveOnDisk(IFileSystemView files, string repositoryRoot, string folder, string relative)
    {
        var resolved = Resolve(repositoryRoot, folder, relative);
        return resolved.FullPath is { } full && Check(files, repositoryRoot, full) is { } problem ? new PathResolution(null, problem) : resolved;
    }

    /// <summary>True when <paramref name="full"/> is <paramref name="root"/> or below it.</summary>
    public static bool IsUnder(string root, string full)
    {
        root = root.TrimEnd('/', '\\');
        return full.Length > root.Length
            ? full.StartsWith(root, PathComparison) && full[root.Length] is '/' or '\\'
            : string.Equals(full, root, PathComparison);
    }
}

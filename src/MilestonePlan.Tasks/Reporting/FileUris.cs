namespace MilestonePlan.Tasks.Reporting;

/// <summary>
/// File paths as the URIs SARIF wants: relative to the repository root where possible (so a log made on a build
/// agent still points at the right file in a viewer), absolute <c>file:</c> URIs otherwise.
/// </summary>
internal static class FileUris
{
    private static readonly bool IsWindows = Path.DirectorySeparatorChar == '\\';

    private static StringComparison PathComparison => IsWindows ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;

    /// <summary>The root as an absolute <c>file:</c> URI ending in '/', the form <c>originalUriBaseIds</c> requires.</summary>
    public static string RootUri(string repositoryRoot)
    {
        var uri = Absolute(Path.GetFullPath(repositoryRoot));
        return uri.EndsWith("/", StringComparison.Ordinal) ? uri : uri + "/";
    }

    /// <summary>
    /// The percent-encoded path of <paramref name="filePath"/> relative to the root with forward slashes, or null when
    /// the file is not inside the root (then the caller uses <see cref="Absolute"/>).
    /// </summary>
    public static string? Relative(string filePath, string repositoryRoot)
    {
        var relative = RelativePath(filePath, repositoryRoot);
        return relative is null ? null : EscapeSegments(relative.Split('/'), firstIsDrive: false);
    }

    /// <summary>The path of <paramref name="filePath"/> relative to the root with forward slashes, not escaped; null when outside the root.</summary>
    public static string? RelativePath(string filePath, string repositoryRoot)
    {
        var root = Path.GetFullPath(repositoryRoot).TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);
        var full = Path.GetFullPath(filePath);

        // Prefix with a separator so that /repo-other is not taken to be inside /repo.
        var prefix = root + Path.DirectorySeparatorChar;
        if (!full.StartsWith(prefix, PathComparison) || full.Length == prefix.Length)
        {
            return null;
        }

        return full.Substring(prefix.Length).Replace(Path.DirectorySeparatorChar, '/');
    }

    /// <summary>An absolute <c>file:</c> URI (<c>file:///home/x</c>, <c>file:///C:/x</c>, <c>file://server/share/x</c>).</summary>
    public static string Absolute(string filePath)
    {
        var full = Path.GetFullPath(filePath);
        if (IsWindows && full.StartsWith(@"\\", StringComparison.Ordinal))
        {
            // UNC: the server is the URI's authority.
            var parts = full.Substring(2).Split('\\', '/');
            return "file://" + Uri.EscapeDataString(ReportText.ScrubSurrogates(parts[0])) + "/" + EscapeSegments(parts.Skip(1).ToArray(), firstIsDrive: false);
        }

        var segments = full.Split(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);
        if (!IsWindows)
        {
            // "/a/b" splits into "", "a", "b": the empty first segment becomes the slash after file://.
            return "file://" + EscapeSegments(segments, firstIsDrive: false);
        }

        return "file:///" + EscapeSegments(segments, firstIsDrive: true);
    }

    private static string EscapeSegments(IReadOnlyList<string> segments, bool firstIsDrive)
    {
        var escaped = new string[segments.Count];
        for (var i = 0; i < segments.Count; i++)
        {
            // A drive letter keeps its colon (file:///C:/...); everywhere else EscapeDataString leaves only the unreserved characters.
            escaped[i] = i == 0 && firstIsDrive ? segments[i] : Uri.EscapeDataString(ReportText.ScrubSurrogates(segments[i]));
        }

        return string.Join("/", escaped);
    }
}

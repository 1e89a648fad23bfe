namespace MilestonePlan.Core.IO;

/// <summary>
/// The only way rules see files. The MSBuild task fills it from disk; the Roslyn analyzer, which may
/// not touch the disk (RS1035), fills it from AdditionalFiles and answers "unknown" for the rest.
/// Paths are full paths; implementations compare them case-sensitively only where the OS does.
/// </summary>
internal interface IFileSystemView
{
    /// <summary>
    /// Text of the file with any byte order mark removed; or, without reading it, why not: missing, unreadable, or
    /// over <paramref name="maxBytes"/>. Never blocks on a FIFO and never reads a device without end.
    /// </summary>
    FileText Read(string path, long maxBytes);

    /// <summary>True when <paramref name="path"/> is a symbolic link (or junction); null when this view cannot tell.</summary>
    bool? IsSymbolicLink(string path);

    /// <summary>True or false when known; null when this view cannot tell (rules then stay silent).</summary>
    bool? FileExists(string path);

    /// <summary>True or false when known; null when this view cannot tell.</summary>
    bool? DirectoryExists(string path);

    /// <summary>Files directly inside <paramref name="directory"/> (or below it, when recursive) that this view knows of.</summary>
    IEnumerable<string> EnumerateFiles(string directory, bool recursive);

    /// <summary>True when <see cref="EnumerateFiles"/> lists everything (a disk), so absence is evidence.</summary>
    bool IsComplete { get; }
}

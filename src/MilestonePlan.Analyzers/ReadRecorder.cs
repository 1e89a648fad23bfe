using System.Collections.Concurrent;
using MilestonePlan.Core.IO;

namespace MilestonePlan.Analyzers;

/// <summary>
/// A view that remembers every file the engine read while validating one plan: a later compilation may reuse the
/// findings when those files and the set of paths are unchanged. Recorded here rather than taken from the engine's
/// FilesRead, so a rule that reads a new kind of file can never be missed.
/// </summary>
internal sealed class ReadRecorder(IFileSystemView inner) : IFileSystemView
{
    private readonly ConcurrentDictionary<string, bool> read = new(StringComparer.Ordinal);

    public IEnumerable<string> FilesRead => read.Keys;

    public bool IsComplete => inner.IsComplete;

    FileText IFileSystemView.Read(string path, long maxBytes)
    {
        read[CompilationTexts.Normalize(path)] = true;
        return inner.Read(path, maxBytes);
    }

    public bool? IsSymbolicLink(string path) => inner.IsSymbolicLink(path);

    public bool? FileExists(string path) => inner.FileExists(path);

    public bool? DirectoryExists(string path) => inner.DirectoryExists(path);

    public IEnumerable<string> EnumerateFiles(string directory, bool recursive) => inner.EnumerateFiles(directory, recursive);
}

namespace MilestonePlan.Core.IO;

/// <summary>The real file system, for the MSBuild task and the command line. Never throws: unreadable is null.</summary>
public sealed class DiskFileSystem : IFileSystemView
{
    public static DiskFileSystem Instance { get; } = new();

    public bool IsComplete => true;

    public string? ReadAllText(string path)
    {
        try
        {
            // File.ReadAllText detects and drops a UTF-8/UTF-16 BOM, so positions count from the first character.
            return File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return null;
        }
    }

    public bool? FileExists(string path) => File.Exists(path);

    public bool? DirectoryExists(string path) => Directory.Exists(path);

    public IEnumerable<string> EnumerateFiles(string directory, bool recursive)
    {
        if (!Directory.Exists(directory))
        {
            return [];
        }

        try
        {
            return Directory.GetFiles(directory, "*", recursive ? SearchOption.AllDirectories : SearchOption.TopDirectoryOnly);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return [];
        }
    }
}

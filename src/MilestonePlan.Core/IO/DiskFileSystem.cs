namespace MilestonePlan.Core.IO;

/// <summary>The real file system, for the MSBuild task and the command line. Never throws: unreadable is null.</summary>
internal sealed class DiskFileSystem : IFileSystemView
{
    public static DiskFileSystem Instance { get; } = new();

    public bool IsComplete => true;

    public FileText Read(string path, long maxBytes)
    {
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists)
            {
                return FileText.Missing;
            }

            if ((info.Attributes & FileAttributes.ReparsePoint) != 0)
            {
                return new FileText(null, "is a symbolic link; only regular files are read");
            }

            // A FIFO, a device or a /proc file reports no length: it is never opened (a FIFO would block, /dev/zero never ends).
            if (info.Length == 0)
            {
                return FileText.Of(string.Empty);
            }

            if (info.Length > maxBytes)
            {
                return TooLarge(info.Length, maxBytes);
            }

            var bytes = new byte[(int)info.Length + 1];
            var count = 0;
            using (var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1, FileOptions.None))
            {
                int read;
                while (count < bytes.Length && (read = stream.Read(bytes, count, bytes.Length - count)) > 0)
                {
                    count += read;
                }
            }

            if (count > info.Length)
            {
                return TooLarge(count, maxBytes);
            }

            // As File.ReadAllText: a UTF-8/UTF-16/UTF-32 byte order mark is honoured and dropped, UTF-8 otherwise.
            using var reader = new StreamReader(new MemoryStream(bytes, 0, count), new System.Text.UTF8Encoding(false), detectEncodingFromByteOrderMarks: true);
            return FileText.Of(reader.ReadToEnd());
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return FileText.Missing;
        }
    }

    public bool? IsSymbolicLink(string path)
    {
        try
        {
            // The link itself (lstat), so a dangling link or a link to a folder counts too.
            return (File.GetAttributes(path) & FileAttributes.ReparsePoint) != 0;
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return false;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return null;
        }
    }

    private static FileText TooLarge(long size, long maxBytes) => FileText.TooLargeFile(size, maxBytes);

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

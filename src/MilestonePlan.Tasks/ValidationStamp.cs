using System.Security.Cryptography;
using System.Text;

namespace MilestonePlan.Tasks;

/// <summary>
/// Remembers the last clean validation a project saw: a fingerprint of the inputs, kept in a file (by default in the
/// project's obj/, so Clean removes it) beside a lock file. When the fingerprint has not changed the plans are not
/// validated again, which is what keeps a no-op build fast.
/// </summary>
internal sealed class ValidationStamp(string path)
{
    public string Path { get; } = path;

    /// <summary>SHA-256 over the options and each input file's path, length and last write time.</summary>
    public static string Fingerprint(IEnumerable<string> options, IEnumerable<string> files)
    {
        var builder = new StringBuilder();
        foreach (var option in options)
        {
            builder.Append(option).Append('\n');
        }

        foreach (var file in files.Distinct(StringComparer.Ordinal).OrderBy(f => f, StringComparer.Ordinal))
        {
            var info = new FileInfo(file);
            builder.Append(file).Append('|');
            builder.Append(info.Exists ? $"{info.Length}|{info.LastWriteTimeUtc.Ticks}" : "missing").Append('\n');
        }

        return Hash(builder.ToString());
    }

    /// <summary>The fingerprint and extra inputs of the last clean run, or null.</summary>
    public (string Fingerprint, IReadOnlyList<string> ExtraInputs)? Read()
    {
        try
        {
            if (!File.Exists(Path))
            {
                return null;
            }

            var lines = File.ReadAllLines(Path);
            return lines.Length == 0 ? null : (lines[0], lines.Skip(1).Where(l => l.Length > 0).ToList());
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }

    public void Write(string fingerprint, IEnumerable<string> extraInputs)
    {
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
        var temporary = Path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        File.WriteAllLines(temporary, new[] { fingerprint }.Concat(extraInputs));
        if (File.Exists(Path))
        {
            File.Delete(Path);
        }

        File.Move(temporary, Path);
    }

    public void Delete()
    {
        try
        {
            File.Delete(Path);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    /// <summary>An exclusive lock beside the stamp, so parallel nodes validate one at a time and the second sees the first's stamp.</summary>
    public IDisposable Lock(TimeSpan timeout)
    {
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            try
            {
                return new FileStream(Path + ".lock", FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose);
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                Thread.Sleep(50);
            }
        }
    }

    private static string Hash(string text)
    {
        using var sha = SHA256.Create();
        return string.Concat(sha.ComputeHash(Encoding.UTF8.GetBytes(text)).Select(b => b.ToString("x2")));
    }
}

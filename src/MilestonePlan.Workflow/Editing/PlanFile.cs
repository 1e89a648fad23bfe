using System.Reflection;
using System.Text;
using MilestonePlan.Core.Editing;

namespace MilestonePlan.Workflow.Editing;

/// <summary>
/// A plan (or spec) read once and written back safely. The bytes are kept as read; an edit changes only the edited
/// lines (every other byte, the BOM and each line's own ending stay as they were); the write is atomic (a temporary
/// file beside the plan, then a rename over it); and it refuses (MP9002), changing nothing, when the file changed on
/// disk since it was read, is read-only, or cannot be written.
/// </summary>
internal sealed class PlanFile
{
    // Strict both ways: a file that is not UTF-8 is refused rather than rewritten with replacement characters, and a
    // text that cannot be encoded is refused rather than written with '?'.
    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private static readonly byte[] Bom = [0xEF, 0xBB, 0xBF];

    private byte[] original;

    private PlanFile(string path, byte[] bytes, bool bom, string text)
    {
        Path = path;
        original = bytes;
        HasBom = bom;
        Text = text;
    }

    public string Path { get; }

    /// <summary>The file starts with a UTF-8 byte order mark (kept on write).</summary>
    public bool HasBom { get; }

    /// <summary>The text without the BOM, line endings as they are.</summary>
    public string Text { get; private set; }

    /// <summary>The lines with their own endings (LF, CRLF, CR, or none on a last line without one).</summary>
    public TextLines Lines => TextLines.Split(Text);

    /// <summary>The file's size in bytes when it was read (or last written).</summary>
    public long Length => original.Length;

    /// <summary>
    /// Reads a regular file of at most <paramref name="maxBytes"/>: a symbolic link is refused (a write through it would
    /// land wherever it points), and so is a file over the cap, before any byte is read.
    /// </summary>
    public static PlanFile Read(string path, long maxBytes = Core.IO.FileLimits.DefaultMaxPlanBytes)
    {
        byte[] bytes;
        try
        {
            RefuseLink(path);
            var length = new FileInfo(path).Length;
            if (length > maxBytes)
            {
                throw WorkflowException.Write($"{path} is {length:N0} bytes; files over {maxBytes:N0} bytes are not read (nothing was changed)");
            }

            // No length: a FIFO or a device, never opened (it could block or never end).
            bytes = length == 0 ? [] : File.ReadAllBytes(path);
            if (bytes.Length > maxBytes)
            {
                throw WorkflowException.Write($"{path} grew past {maxBytes:N0} bytes while it was read (nothing was changed)");
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            throw WorkflowException.Write($"{path} cannot be read: {e.Message}");
        }

        var bom = bytes.Length >= 3 && bytes[0] == Bom[0] && bytes[1] == Bom[1] && bytes[2] == Bom[2];
        try
        {
            return new PlanFile(path, bytes, bom, Strict.GetString(bytes, bom ? 3 : 0, bytes.Length - (bom ? 3 : 0)));
        }
        catch (DecoderFallbackException)
        {
            throw WorkflowException.Write($"{path} is not valid UTF-8; it is left as it is");
        }
    }

    /// <summary>The text after <paramref name="edits"/> (1-based line numbers of <see cref="Text"/>); nothing is written.</summary>
    public string Apply(IEnumerable<LineEdit> edits) => Lines.Apply(edits);

    /// <summary>What writing <paramref name="newText"/> would change, as a readable diff (empty when nothing); nothing is written.</summary>
    public string Preview(string newText) => TextDiff.Render(Path, Text, newText);

    /// <summary>
    /// Writes <paramref name="text"/> (plus the BOM the file had) if the file still holds exactly what was read; nothing
    /// changes otherwise. Afterwards this object describes the new content, so a second edit can follow.
    /// </summary>
    public void Write(string text)
    {
        byte[] bytes;
        try
        {
            var body = Strict.GetBytes(text);
            bytes = HasBom ? [.. Bom, .. body] : body;
        }
        catch (EncoderFallbackException e)
        {
            throw WorkflowException.Write($"{Path} was not written: the new text is not valid Unicode ({e.Message})");
        }

        if (bytes.AsSpan().SequenceEqual(original))
        {
            EnsureUnchanged();
            return;
        }

        EnsureUnchanged();
        EnsureWritable();
        RefuseLink(Path);
        var temporary = TemporaryPath(Path);
        try
        {
            WriteDurably(temporary, bytes);
            UnixMode.Copy(Path, temporary);
            // Checked again at the last moment: the window in which another writer's change could be lost is the
            // rename alone.
            EnsureUnchanged();
            File.Replace(temporary, Path, destinationBackupFileName: null);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or PlatformNotSupportedException or NotSupportedException)
        {
            throw WorkflowException.Write($"{Path} cannot be written: {e.Message}; nothing was changed");
        }
        finally
        {
            TryDelete(temporary);
        }

        original = bytes;
        Text = text;
    }

    /// <summary>
    /// Creates a new file with <paramref name="text"/> (UTF-8, no BOM), atomically: written beside it, then moved into
    /// place; refused (MP9002) when anything, a symbolic link included, is already at <paramref name="path"/>.
    /// </summary>
    public static void Create(string path, string text)
    {
        var temporary = TemporaryPath(path);
        try
        {
            if (File.Exists(path) || Directory.Exists(path) || IsLink(path))
            {
                throw WorkflowException.Write($"{path} already exists; nothing was written");
            }

            WriteDurably(temporary, Strict.GetBytes(text));
            // File.Move never overwrites: a file or link that appeared meanwhile makes it fail rather than be replaced.
            File.Move(temporary, path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or EncoderFallbackException)
        {
            throw WorkflowException.Write($"{path} cannot be written: {e.Message}; nothing was changed");
        }
        finally
        {
            TryDelete(temporary);
        }
    }

    private static void RefuseLink(string path)
    {
        if (IsLink(path))
        {
            throw WorkflowException.Write($"{path} is a symbolic link; the workflow never reads or writes through one (nothing was changed)");
        }
    }

    private static bool IsLink(string path) => Core.IO.DiskFileSystem.Instance.IsSymbolicLink(path) == true;

    private void EnsureUnchanged()
    {
        byte[] current;
        try
        {
            current = File.ReadAllBytes(Path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw WorkflowException.Write($"{Path} cannot be read back before writing ({e.Message}); nothing was written");
        }

        if (!current.AsSpan().SequenceEqual(original))
        {
            throw WorkflowException.Write($"{Path} changed on disk since it was read; nothing was written (run the target again)");
        }
    }

    private void EnsureWritable()
    {
        // Checked by attribute, not by trying: root (CI containers) could write a read-only file, and the user made
        // it read-only for a reason. The rename would also replace it regardless of its own permissions.
        if ((File.GetAttributes(Path) & FileAttributes.ReadOnly) != 0)
        {
            throw WorkflowException.Write($"{Path} is read-only; nothing was written");
        }
    }

    /// <summary>Beside the plan, so the rename stays within one file system and is atomic.</summary>
    private static string TemporaryPath(string path)
    {
        var folder = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path)) ?? ".";
        return System.IO.Path.Combine(folder, "." + System.IO.Path.GetFileName(path) + ".milestoneplan-" + Guid.NewGuid().ToString("N").Substring(0, 12) + ".tmp");
    }

    private static void WriteDurably(string path, byte[] bytes)
    {
        using var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 4096, FileOptions.WriteThrough);
        stream.Write(bytes, 0, bytes.Length);
        stream.Flush(flushToDisk: true);
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Best effort: a leftover temporary file is harmless, and the real error is already on its way.
        }
    }

    /// <summary>
    /// The rename gives the plan the temporary file's permissions; the plan's own are copied first. The API exists
    /// from .NET 7 on (MSBuild on .NET 8+); on .NET Framework (Windows) File.Replace keeps the attributes itself.
    /// </summary>
    private static class UnixMode
    {
        private static readonly MethodInfo? Get = typeof(File).GetMethod("GetUnixFileMode", [typeof(string)]);
        private static readonly MethodInfo? Set = Get is null ? null : typeof(File).GetMethod("SetUnixFileMode", [typeof(string), Get.ReturnType]);

        public static void Copy(string from, string to)
        {
            if (Get is null || Set is null || System.Runtime.InteropServices.RuntimeInformation.IsOSPlatform(System.Runtime.InteropServices.OSPlatform.Windows))
            {
                return;
            }

            try
            {
                Set.Invoke(null, [to, Get.Invoke(null, [from])]);
            }
            catch (TargetInvocationException e) when (e.InnerException is IOException or UnauthorizedAccessException)
            {
                // The default permissions are a reasonable second best; the content is what matters.
            }
        }
    }
}

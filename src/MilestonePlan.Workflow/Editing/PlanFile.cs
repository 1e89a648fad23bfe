using System.Text;

namespace MilestonePlan.Workflow.Editing;

/// <summary>
/// A plan read once and written back safely: the same BOM and bytes outside the edited lines, an atomic replace,
/// and a refusal (MP9002) when the file changed on disk since it was read or cannot be written.
/// </summary>
public sealed class PlanFile
{
    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private readonly byte[] original;

    private PlanFile(string path, byte[] bytes, bool bom, string text)
    {
        Path = path;
        original = bytes;
        HasBom = bom;
        Text = text;
    }

    public string Path { get; }

    public bool HasBom { get; }

    /// <summary>The text without the BOM, line endings as they are.</summary>
    public string Text { get; }

    public static PlanFile Read(string path)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw WorkflowException.Write($"{path} cannot be read: {e.Message}");
        }

        var bom = bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF;
        try
        {
            return new PlanFile(path, bytes, bom, Strict.GetString(bytes, bom ? 3 : 0, bytes.Length - (bom ? 3 : 0)));
        }
        catch (DecoderFallbackException)
        {
            throw WorkflowException.Write($"{path} is not valid UTF-8; it is left as it is");
        }
    }

    /// <summary>Writes <paramref name="text"/> if the file still holds what was read; nothing changes otherwise.</summary>
    public void Write(string text)
    {
        byte[] current;
        try
        {
            current = File.ReadAllBytes(Path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw WorkflowException.Write($"{Path} cannot be read back before writing: {e.Message}");
        }

        if (!current.AsSpan().SequenceEqual(original))
        {
            throw WorkflowException.Write($"{Path} changed on disk since it was read; nothing was written (run the target again)");
        }

        if ((File.GetAttributes(Path) & FileAttributes.ReadOnly) != 0)
        {
            throw WorkflowException.Write($"{Path} is read-only; nothing was written");
        }

        var body = Strict.GetBytes(text);
        var bytes = HasBom ? [0xEF, 0xBB, 0xBF, .. body] : body;
        var temporary = Path + ".milestoneplan-" + Guid.NewGuid().ToString("N") + ".tmp";
        try
        {
            // Written beside the plan, then renamed over it: a reader never sees half a plan.
            File.WriteAllBytes(temporary, bytes);
            File.Replace(temporary, Path, destinationBackupFileName: null);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw WorkflowException.Write($"{Path} cannot be written: {e.Message}; nothing was changed");
        }
        finally
        {
            try
            {
                File.Delete(temporary);
            }
            catch (IOException)
            {
            }
        }
    }
}

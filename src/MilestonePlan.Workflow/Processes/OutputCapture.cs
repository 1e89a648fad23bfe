using System.Text;

namespace MilestonePlan.Workflow.Processes;

/// <summary>
/// Copies one of a child's output streams into memory as raw bytes, decoded only at the end: line endings and a
/// leading byte order mark stay exactly as the program wrote them (`git show` of a CRLF file is that file), and what
/// was read so far is still there when the program is killed.
/// </summary>
internal sealed class OutputCapture
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);

    private readonly MemoryStream buffer = new();
    private readonly LineSplitter? lines;
    private readonly Task pump;

    /// <summary>What a streamed capture keeps of its stream, from the start: enough for the first line of an error.</summary>
    public const int StreamedKeptBytes = 4096;

    /// <param name="lines">
    /// When given, the output is split into lines for it as it arrives, and only its first <see cref="StreamedKeptBytes"/>
    /// bytes are kept here.
    /// </param>
    public OutputCapture(Stream stream, OutputLines? lines = null)
    {
        this.lines = lines is null ? null : new LineSplitter(lines);
        pump = Task.Run(() => Pump(stream));
    }

    /// <summary>Waits up to <paramref name="timeout"/> for the end of the stream; false when it did not come.</summary>
    public bool WaitForEnd(TimeSpan timeout)
    {
        return pump.Wait(timeout);
    }

    public string Text()
    {
        lock (buffer)
        {
            return Utf8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
        }
    }

    private async Task Pump(Stream stream)
    {
        var chunk = new byte[16 * 1024];
        try
        {
            int read;
            while ((read = await stream.ReadAsync(chunk, 0, chunk.Length).ConfigureAwait(false)) > 0)
            {
                lines?.Write(chunk, read);
                lock (buffer)
                {
                    var keep = lines is null ? read : (int)Math.Min(read, Math.Max(0, StreamedKeptBytes - buffer.Length));
                    buffer.Write(chunk, 0, keep);
                }
            }
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException)
        {
            // The pipe broke, or the runner gave up waiting and disposed the process: what was read is kept.
        }

        lines?.End();
    }
}

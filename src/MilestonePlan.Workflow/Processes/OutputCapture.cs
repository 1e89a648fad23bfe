using System.Text;

namespace MilestonePlan.Workflow.Processes;

/// <summary>
/// Copies one of a child's output streams into memory as raw bytes, decoded only at the end: line endings and a
/// leading byte order mark stay exactly as the program wrote them (`git show` of a CRLF file is that file), and what
/// was read so far is still there when the program is killed.
/// </summary>
internal sealed class OutputCapture
{
    /// <summary>How every program's output is decoded, kept or streamed: UTF-8, invalid bytes as U+FFFD.</summary>
    internal static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);

    private readonly MemoryStream buffer = new();
    private readonly LineSplitter? lines;
    private readonly long limit;
    private readonly Action onOverflow;
    private readonly Task pump;

    /// <summary>What a streamed capture keeps of its stream, from the start: enough for the first line of an error.</summary>
    public const int StreamedKeptBytes = 4096;

    /// <param name="lines">
    /// When given, the output is split into lines for it as it arrives, and only its first <see cref="StreamedKeptBytes"/>
    /// bytes are kept here.
    /// </param>
    /// <param name="limit">At most this many bytes are kept; one more and <paramref name="onOverflow"/> runs (once).</param>
    public OutputCapture(Stream stream, OutputLines? lines = null, long limit = long.MaxValue, Action? onOverflow = null)
    {
        this.lines = lines is null ? null : new LineSplitter(lines);
        this.limit = limit;
        this.onOverflow = onOverflow ?? (() => { });
        pump = Task.Run(() => Pump(stream));
    }

    /// <summary>The stream held more than the limit: what is kept is its start.</summary>
    public bool Overflowed { get; private set; }

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
                bool overflowNow;
                lock (buffer)
                {
                    var keep = lines is null ? read : (int)Math.Min(read, Math.Max(0, StreamedKeptBytes - buffer.Length));
                    var room = Math.Max(0, limit - buffer.Length);
                    overflowNow = !Overflowed && keep > room;
                    buffer.Write(chunk, 0, (int)Math.Min(keep, room));
                    Overflowed |= overflowNow;
                }

                if (overflowNow)
                {
                    // Reading on (and dropping) lets the program's writes fail once it is ended, instead of blocking it.
                    onOverflow();
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

using System.Text;

namespace MilestonePlan.Workflow.Processes;

/// <summary>
/// Turns one pipe's bytes into lines: UTF-8 decoded across reads (a character split between two reads stays whole),
/// `\n` or `\r\n` ends a line, and a line longer than <see cref="OutputLines.MaxLineLength"/> is handed on in pieces
/// (never splitting a surrogate pair), so a program writing without a line break holds no more than that in memory.
/// </summary>
internal sealed class LineSplitter(OutputLines target)
{
    private readonly Decoder decoder = OutputCapture.Utf8.GetDecoder();
    private readonly StringBuilder pending = new();
    private char[] chars = [];

    public void Write(byte[] bytes, int count) => Decode(bytes, count, flush: false);

    /// <summary>The end of the stream: what is left is the last line.</summary>
    public void End()
    {
        Decode([], 0, flush: true);
        if (pending.Length > 0)
        {
            Emit();
        }
    }

    private void Decode(byte[] bytes, int count, bool flush)
    {
        var needed = decoder.GetCharCount(bytes, 0, count, flush);
        if (chars.Length < needed)
        {
            chars = new char[needed];
        }

        var decoded = decoder.GetChars(bytes, 0, count, chars, 0, flush);
        for (var i = 0; i < decoded; i++)
        {
            var c = chars[i];
            if (c == '\n')
            {
                if (pending.Length > 0 && pending[pending.Length - 1] == '\r')
                {
                    pending.Length--;
                }

                Emit();
                continue;
            }

            pending.Append(c);
            if (pending.Length >= OutputLines.MaxLineLength && !char.IsHighSurrogate(c))
            {
                Emit();
            }
        }
    }

    private void Emit()
    {
        target.Add(pending.ToString());
        pending.Clear();
    }
}

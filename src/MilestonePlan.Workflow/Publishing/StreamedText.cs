
namespace MilestonePlan.Workflow.Publishing;

/// <summary>
/// A program's output on its way into the build log a line at a time (the agent, the checks). Each line is redacted
/// as <see cref="PublishedText.Log"/> does; a private key has no marker on its body lines, so from a line that opens
/// a private key block to the line that closes it every line is redacted whole (to the end of the output when none
/// closes it). Blank lines are left out.
/// </summary>
internal sealed class StreamedText(string prefix, Action<string> say)
{
    private const string KeyLine = "[redacted: private key block]";

    private bool insideKey;

    public void Line(string line)
    {
        if (insideKey)
        {
            insideKey = !SecretScanner.ClosesPrivateKey(line);
            say(prefix + KeyLine);
            return;
        }

        if (line.Trim().Length == 0)
        {
            return;
        }

        insideKey = SecretScanner.OpensPrivateKey(line);
        say(prefix + PublishedText.Log(line));
    }
}

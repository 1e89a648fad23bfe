using System.Text;

namespace MilestonePlan.Workflow.Publishing;

/// <summary>
/// Text from untrusted sources (git and gh stderr, check output, file names, spec text) on its way into a plan line
/// or the build log: secrets redacted, and, for a plan line, no line break or control character that would let it
/// write a second line (a fake entry) into the plan.
/// </summary>
internal static class PublishedText
{
    /// <summary>One line for a plan entry: redacted, control characters shown as escapes, at most <paramref name="maxLength"/> characters.</summary>
    public static string PlanLine(string text, int maxLength = 300)
    {
        // Redacted before escaping (a secret is found whole) and after (escaping can join text into a new match);
        // shortened last, so a secret is never cut into a piece the scanner no longer recognises.
        var line = SecretScanner.Redact(OneLine(SecretScanner.Redact(text)));
        return line.Length > maxLength
            ? SecretScanner.Redact(line.Substring(0, char.IsHighSurrogate(line[maxLength - 1]) ? maxLength - 1 : maxLength)) + "…"
            : line;
    }

    private static string OneLine(string redacted)
    {
        var builder = new StringBuilder(redacted.Length);
        for (var i = 0; i < redacted.Length; i++)
        {
            var c = redacted[i];
            if (char.IsHighSurrogate(c) && i + 1 < redacted.Length && char.IsLowSurrogate(redacted[i + 1]))
            {
                builder.Append(c).Append(redacted[++i]);
                continue;
            }

            builder.Append(c switch
            {
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                _ when char.IsControl(c) || c is '\u2028' or '\u2029' => $"\\u{(int)c:x4}",
                _ when char.IsSurrogate(c) => "\ufffd",
                _ => c.ToString(),
            });
        }

        return builder.ToString();
    }

    /// <summary>For the build log: redacted; line breaks kept (stderr is multi-line), other control characters escaped.</summary>
    public static string Log(string text)
    {
        var redacted = SecretScanner.Redact(text);
        var builder = new StringBuilder(redacted.Length);
        foreach (var c in redacted)
        {
            builder.Append(c is '\n' or '\t' || !char.IsControl(c) ? c.ToString() : c == '\r' ? string.Empty : $"\\u{(int)c:x4}");
        }

        return SecretScanner.Redact(builder.ToString());
    }
}

using System.Text;

namespace MilestonePlan.Tasks.Reporting;

/// <summary>Text from plans and specs is untrusted: these helpers make it safe to put into a report.</summary>
internal static class ReportText
{
    /// <summary>
    /// Replaces unpaired UTF-16 surrogates with U+FFFD. Utf8JsonWriter and Uri.EscapeDataString both throw on them,
    /// and one odd byte in a plan must not cost the whole report.
    /// </summary>
    public static string ScrubSurrogates(string text)
    {
        StringBuilder? builder = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var paired = char.IsHighSurrogate(c) ? i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])
                : !char.IsLowSurrogate(c) || (i > 0 && char.IsHighSurrogate(text[i - 1]));
            if (paired)
            {
                builder?.Append(c);
                continue;
            }

            builder ??= new StringBuilder(text, 0, i, text.Length);
            builder.Append('\uFFFD');
        }

        return builder?.ToString() ?? text;
    }
}

using MilestonePlan.Core.Model;
namespace MilestonePlan.Core.Parsing;

/// <summary>
/// The grammar of a tracking entry, written down once (docs/configuration.md, "Tracking entries"):
/// <code>
/// entry   := [checkbox] number [" (plan #N)"] separator title [suffix]
/// number  := "#" digits | "**#" digits "**"
/// separator := the first dash (—, –, -) or colon after the number
/// suffix  := status glyph (✅ ⛔ ⏭️ 🔄 ⬜ ✓) ... | " — " status words (Done, STOP:, Skipped:, Needs Review) ...
///          | " — " or " " PR reference ("[PR #n](url)", "(PR #n)", "PR #n") ...
/// </code>
/// A title is compared whole against the table's title, so a title holding " — ", " - ", ":", quotes, parentheses or
/// emoji is never cut: the entry names the title when its text after the separator starts with the table's title and
/// whatever follows is a suffix (or nothing).
/// </summary>
internal static class TrackingEntryGrammar
{
    private static readonly string[] Glyphs = ["✅", "⛔", "⏭", "🔄", "⬜", "✓", "✔", "☑", "🛑", "🚧", "⏳"];

    private static readonly string[] SuffixWords = ["done", "stop", "stopped", "skipped", "needs review", "blocked", "merged", "complete", "in progress"];

    /// <summary>The text after the number (and a `(plan #N)` note) and the first separator; null when the line starts with no number.</summary>
    public static string? AfterNumber(string line)
    {
        var text = line.TrimStart();
        var i = 0;
        while (i < text.Length && text[i] is '*' or '`' or ' ')
        {
            i++;
        }

        if (i >= text.Length || text[i] != '#')
        {
            return null;
        }

        i++;
        var digits = AsciiNumber.CountDigits(text, i);
        if (digits == 0)
        {
            return null;
        }

        i += digits;
        while (i < text.Length && text[i] is '*' or '`')
        {
            i++;
        }

        // `**#207** (plan #04) — Title`: the note that maps a GitHub number to the plan's is not part of the title.
        var rest = text.Substring(i).TrimStart();
        if (rest.StartsWith("(plan", StringComparison.OrdinalIgnoreCase) && rest.IndexOf(')') is var close and > 0)
        {
            rest = rest.Substring(close + 1).TrimStart();
        }

        if (rest.Length > 0 && rest[0] is '—' or '–' or '-' or ':')
        {
            rest = rest.Substring(1);
        }

        return rest.Trim();
    }

    /// <summary>A checklist entry names the table's title: its title part equals it, or its text names it whole.</summary>
    public static bool NamesTitle(TrackingEntry entry, string title) =>
        entry.Title is not { } written || TextMatching.SameTitle(written.Text, title) || NamesTitle(entry.Line.Text, title);

    /// <summary>True when the entry's text names <paramref name="title"/> whole, followed by nothing or by a suffix.</summary>
    public static bool NamesTitle(string line, string title)
    {
        if (AfterNumber(line) is not { } rest)
        {
            return false;
        }

        var wanted = Normalize(title);
        var have = Normalize(rest);
        if (wanted.Length == 0)
        {
            return true;
        }

        if (!have.StartsWith(wanted, StringComparison.OrdinalIgnoreCase))
        {
            return TextMatching.SameTitle(rest, title);
        }

        return IsSuffix(have.Substring(wanted.Length));
    }

    /// <summary>What may follow a title: nothing, a status, a PR reference, or a separator before one of them.</summary>
    public static bool IsSuffix(string text)
    {
        var rest = text.Trim().TrimEnd('.').Trim();
        if (rest.Length == 0)
        {
            return true;
        }

        if (rest[0] is '—' or '–' or '-' or ':' or '|')
        {
            // After a separator anything goes (a reason, a note); a separator glued to the title is another title.
            return text.Length > 0 && char.IsWhiteSpace(text[0]);
        }

        var lower = rest.ToLowerInvariant();
        return Glyphs.Any(g => rest.StartsWith(g, StringComparison.Ordinal))
            || lower.StartsWith("(pr", StringComparison.Ordinal) || lower.StartsWith("[pr", StringComparison.Ordinal)
            || lower.StartsWith("pr #", StringComparison.Ordinal) || lower.StartsWith("(#", StringComparison.Ordinal)
            || SuffixWords.Any(w => lower.StartsWith(w, StringComparison.Ordinal));
    }

    // En dashes and curly quotes are what editors turn dashes and quotes into; they do not make another title.
    private static string Normalize(string text) =>
        InlineText.Normalize(text).Replace('–', '—').Replace('“', '"').Replace('”', '"').Replace('‘', '\'').Replace('’', '\'')
            .Trim().Trim('"', '\'', '`', '*', ' ');
}

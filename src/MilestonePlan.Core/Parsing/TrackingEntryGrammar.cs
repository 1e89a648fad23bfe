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
    private static readonly char[] TitleDecoration = ['"', '\'', '`', '*', ' '];

    private static readonly string[] Glyphs = ["✅", "⛔", "⏭", "🔄", "⬜", "✓", "✔", "☑", "🛑", "🚧", "⏳"];

    private static readonly string[] SuffixWords = ["done", "stop", "stopped", "skipped", "needs review", "blocked", "merged", "complete", "in progress"];

    /// <summary>The text after the number (and a `(plan #N)` note) and the separators; null when the line names no number.</summary>
    public static string? AfterNumber(string line) => TitleStart(line) is { } start ? line.Substring(start).Trim() : null;

    /// <summary>
    /// Where the title begins in an entry such as `**#207** (plan #04) — Title ✅`: after the first `#` and its digits,
    /// the emphasis around them, the note that maps a GitHub number to the plan's, and the separators. Null when
    /// the text holds no `#` followed by a digit. The one reading of "number, then title" for every tracking format.
    /// </summary>
    public static int? TitleStart(string text)
    {
        var hash = text.IndexOf('#');
        while (hash >= 0 && AsciiNumber.CountDigits(text, hash + 1) == 0)
        {
            hash = text.IndexOf('#', hash + 1);
        }

        if (hash < 0)
        {
            return null;
        }

        var i = hash + 1 + AsciiNumber.CountDigits(text, hash + 1);
        i = Skip(text, i, c => c is '*' or '`' || char.IsWhiteSpace(c));
        if (string.Compare(text, i, "(plan", 0, 5, StringComparison.OrdinalIgnoreCase) == 0 && text.IndexOf(')', i) is var close and > 0)
        {
            i = close + 1;
        }

        return Skip(text, i, c => char.IsWhiteSpace(c) || c is '—' or '–' or '-' or ':' or '*' or '|');
    }

    private static int Skip(string text, int i, Func<char, bool> skipped)
    {
        while (i < text.Length && skipped(text[i]))
        {
            i++;
        }

        return i;
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
            .Trim().Trim(TitleDecoration);
}

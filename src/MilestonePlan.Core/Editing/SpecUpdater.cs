using MilestonePlan.Core.Model;
using MilestonePlan.Core.Parsing;

namespace MilestonePlan.Core.Editing;

/// <summary>
/// Writes `github_issue: N` into an issue spec's front matter, surgically, or refuses. The front matter is YAML, so
/// the line it edits is a YAML line (which also ends at U+0085, U+2028 and U+2029); the edit is placed by the offset
/// the reader gave the key, never by a line number of another line model. The result is read back: the front matter
/// must parse, hold `github_issue: N` and every other value as before, and the rest of the spec must read the same.
/// </summary>
internal static class SpecUpdater
{
    private const string Key = "github_issue";

    /// <summary>The spec's text with `github_issue: N` (unchanged when it already says so).</summary>
    /// <exception cref="EditRefusedException">No placement reads back as intended; nothing is to be written.</exception>
    public static string SetGitHubIssue(string path, string text, int number)
    {
        var value = number.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var bom = text.StartsWith("\uFEFF", StringComparison.Ordinal) ? "\uFEFF" : string.Empty;
        var source = text.Substring(bom.Length);
        var spec = SpecParser.Parse(path, text);
        if (spec.ReadError is { } unreadable)
        {
            throw new EditRefusedException(path, unreadable.Span.Line, "the spec cannot be read");
        }

        if (spec.FrontMatterError is { } error)
        {
            throw new EditRefusedException(path, error.Span.Line, "its front matter does not read as YAML (MP2005); fix it first");
        }

        if (spec.Get(Key) is { Scalar: { } existing } && existing.Trim() == value)
        {
            return text;
        }

        var map = new SourceMap(source);
        var failure = "no place for it was found";
        var line = spec.FrontMatterSpan?.Line ?? 1;
        foreach (var candidate in Candidates(spec, map, value))
        {
            if (candidate is null)
            {
                continue;
            }

            line = map.LineOf(Math.Min(candidate.Value.At, Math.Max(source.Length - 1, 0)));
            var edited = bom + candidate.Value.Text;
            if (ReadBack(path, spec, SpecParser.Parse(path, edited), value) is not { } why)
            {
                return edited;
            }

            failure = why;
        }

        throw new EditRefusedException(path, line, $"`{Key}: {value}` cannot be written so that the front matter reads back ({failure})");
    }

    /// <summary>Where the line can go, best first: the existing key's YAML line, after the title's, at the top of the front matter.</summary>
    private static IEnumerable<(string Text, int At)?> Candidates(IssueSpec spec, SourceMap map, string value)
    {
        var source = map.Text;
        if (spec.Get(Key) is { } existing)
        {
            var at = Offset(map, existing.Span);
            var colon = source.IndexOf(':', at);
            var end = YamlLineEnd(source, at);
            yield return colon < 0 || colon >= end ? null : (source.Substring(0, colon + 1) + " " + value + source.Substring(end), at);
            yield break;
        }

        var line = $"{Key}: {value}";
        if (spec.FrontMatterSpan is not { } block)
        {
            var ending = FirstEnding(source);
            yield return ("---" + ending + line + ending + "---" + ending + ending + source, 0);
            yield break;
        }

        var fenceEnd = map.LineEnd(block.Line);
        var fenceBreak = LineBreaks.Markdown.BreakAt(source, Math.Min(fenceEnd, source.Length - 1));
        var newline = fenceEnd < source.Length && fenceBreak > 0 ? source.Substring(fenceEnd, fenceBreak) : "\n";
        if (spec.Get("title") is { } title)
        {
            var end = YamlLineEnd(source, Offset(map, title.Span));
            var breakLength = end < source.Length ? LineBreaks.Yaml.BreakAt(source, end) : 0;
            var after = end + breakLength;
            // The new line ends like the title's line, unless that is a break Markdig does not count (U+2028 ...).
            var ending = breakLength > 0 && LineBreaks.Markdown.BreakAt(source, end) == breakLength ? source.Substring(end, breakLength) : newline;
            yield return breakLength == 0 ? null : (source.Substring(0, after) + line + ending + source.Substring(after), after);
        }

        var top = fenceEnd + fenceBreak;
        yield return (source.Substring(0, top) + line + newline + source.Substring(top), top);
    }

    /// <summary>Null when <paramref name="after"/> reads as <paramref name="before"/> plus `github_issue: N`; else what differs.</summary>
    private static string? ReadBack(string path, IssueSpec before, IssueSpec after, string value)
    {
        if (after.ReadError is not null || after.FrontMatterError is not null)
        {
            return "the front matter would no longer read as YAML";
        }

        if (after.Get(Key)?.Scalar?.Trim() != value)
        {
            return $"{Key} would read back as '{after.Get(Key)?.Scalar}'";
        }

        foreach (var pair in before.FrontMatter)
        {
            if (string.Equals(pair.Key, Key, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            if (after.Get(pair.Key) is not { } now || now.Scalar != pair.Value.Scalar
                || !(now.Items ?? []).SequenceEqual(pair.Value.Items ?? []))
            {
                return $"'{pair.Key}' would change";
            }
        }

        if (after.FrontMatter.Count != before.FrontMatter.Count + (before.Get(Key) is null ? 1 : 0))
        {
            return "a key would appear or vanish";
        }

        return Same(before.Title, after.Title) && Same(before.DoneDefinition, after.DoneDefinition) && Same(before.AcceptanceCriteria, after.AcceptanceCriteria)
            && before.AcceptanceItems.Select(i => i.Text).SequenceEqual(after.AcceptanceItems.Select(i => i.Text))
            ? null
            : "the spec below the front matter would read differently";
    }

    private static bool Same(TextCell? a, TextCell? b) => a?.Text == b?.Text;

    private static int Offset(SourceMap map, Diagnostics.SourceSpan span) => Math.Min(map.LineStart(span.Line) + span.Column - 1, map.Text.Length);

    /// <summary>Where the YAML line holding <paramref name="at"/> ends (before its break).</summary>
    private static int YamlLineEnd(string text, int at)
    {
        var i = at;
        while (i < text.Length && LineBreaks.Yaml.BreakAt(text, i) == 0)
        {
            i++;
        }

        return i;
    }

    private static string FirstEnding(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (LineBreaks.Markdown.BreakAt(text, i) is var length and > 0)
            {
                return text.Substring(i, length);
            }
        }

        return "\n";
    }
}

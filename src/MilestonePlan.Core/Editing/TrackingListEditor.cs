using MilestonePlan.Core.Model;

namespace MilestonePlan.Core.Editing;

/// <summary>
/// Adds and removes entries of a tracking list (Completed Issues, Open PRs, Blocked, Skipped) as line edits: an
/// entry with its nested lines, a `(none)` placeholder replaced or restored, the list's own bullet kept.
/// </summary>
internal sealed class TrackingListEditor(TextLines lines)
{
    private static readonly HashSet<string> NonePlaceholders = new(StringComparer.OrdinalIgnoreCase)
    {
        "(none)", "none", "none yet", "*none yet*", "-", "—", "_none_", "*none*",
    };

    /// <summary>
    /// The entries of each list (by its heading's line) already removed, and the lists added to, by this editor's
    /// earlier calls: one transition may remove several entries of a list in several calls (a reconcile that finds
    /// three PRs merged), and only when none is left does the list become `(none)`.
    /// </summary>
    private readonly Dictionary<int, HashSet<int>> removed = [];

    private readonly HashSet<int> addedTo = [];

    /// <summary><paramref name="text"/> as a new entry of the list, with <paramref name="nested"/> lines under it.</summary>
    public IEnumerable<LineEdit> Add(TrackingList list, string text, string why, IReadOnlyList<string> nested)
    {
        addedTo.Add(list.Heading.Span.Line);
        var placeholder = list.Entries.FirstOrDefault(e => e.IssueCandidates.Count == 0 && NonePlaceholders.Contains(e.Line.Text.Trim()));
        if (placeholder is not null)
        {
            var line = lines[placeholder.Line.Span.Line];
            var indent = Indent(line);
            return [new LineEdit(placeholder.Line.Span.Line, LineEditKind.Replace, [indent + Bullet(line) + text.Substring(1), .. nested.Select(n => indent + n)], why)];
        }

        var named = list.Entries.Where(e => e.IssueCandidates.Count > 0).ToList();
        if (named.Count > 0)
        {
            var entryLine = named.Max(e => e.Line.Span.Line);
            return [LineEdit.InsertAfter(EntryEnd(entryLine), [Bullet(lines[entryLine]) + text.Substring(1), .. nested], why)];
        }

        return [LineEdit.InsertAfter(list.Heading.Span.Line, [string.Empty, text, .. nested], why)];
    }

    /// <summary>
    /// <paramref name="entries"/> (of <paramref name="list"/>) removed with their nested lines; the last entry of a list
    /// becomes `(none)`, as the template writes an empty list.
    /// </summary>
    public IEnumerable<LineEdit> Remove(TrackingList list, IReadOnlyList<TrackingEntry> entries, string why)
    {
        if (!removed.TryGetValue(list.Heading.Span.Line, out var gone))
        {
            removed[list.Heading.Span.Line] = gone = [];
        }

        gone.UnionWith(entries.Select(e => e.Line.Span.Line));
        var remaining = addedTo.Contains(list.Heading.Span.Line) ? 1
            : list.Entries.Count(e => e.IssueCandidates.Count > 0 && !gone.Contains(e.Line.Span.Line));
        for (var i = 0; i < entries.Count; i++)
        {
            var line = entries[i].Line.Span.Line;
            if (remaining == 0 && i == 0)
            {
                var text = lines[line];
                yield return LineEdit.Replace(line, Indent(text) + Bullet(text) + " (none)", why);
            }
            else
            {
                yield return LineEdit.Delete(line, why);
            }

            // The entry's nested lines (Status, Created, Reason, Findings ...) go with it.
            for (var nested = line + 1; nested <= EntryEnd(line); nested++)
            {
                yield return LineEdit.Delete(nested, why);
            }
        }
    }

    /// <summary>
    /// <paramref name="entry"/>'s line (and what is nested under it) replaced by <paramref name="text"/>, in the entry's own
    /// bullet, with <paramref name="nested"/> lines (if any) under it at the entry's indentation.
    /// </summary>
    public IEnumerable<LineEdit> Replace(TrackingEntry entry, string text, string why, IReadOnlyList<string>? nested = null)
    {
        var line = entry.Line.Span.Line;
        var current = lines[line];
        var indent = Indent(current);
        return new[] { new LineEdit(line, LineEditKind.Replace, [indent + Bullet(current) + text.Substring(1), .. (nested ?? []).Select(n => indent + n)], why) }
            .Concat(Enumerable.Range(line + 1, EntryEnd(line) - line).Select(n => LineEdit.Delete(n, why)));
    }

    /// <summary>The last line of the entry starting at <paramref name="line"/>: its more indented lines below belong to it.</summary>
    public int EntryEnd(int line)
    {
        var indent = Indentation(lines[line]);
        var end = line;
        while (end + 1 <= lines.Count && lines[end + 1].Trim().Length > 0 && Indentation(lines[end + 1]) > indent)
        {
            end++;
        }

        return end;
    }

    /// <summary>The line's list bullet (`-`, `*` or `+`), `*` when it has none.</summary>
    public static char Bullet(string line) => line.TrimStart() is { Length: > 0 } t && t[0] is '-' or '*' or '+' ? t[0] : '*';

    public static string Indent(string line) => line.Substring(0, line.Length - line.TrimStart().Length);

    private static int Indentation(string line) => line.Length - line.TrimStart(' ', '\t').Length;
}

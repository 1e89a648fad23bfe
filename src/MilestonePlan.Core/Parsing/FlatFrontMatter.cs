using MilestonePlan.Core.Model;

namespace MilestonePlan.Core.Parsing;

/// <summary>
/// The fast path for the front matter real specs have: one `key: value` per line, values plain, simply quoted,
/// or a one-line flow list (`labels: ["a", "b"]`). Anything else — comments, escapes, block lists, nesting,
/// anchors — returns false and YamlDotNet reads it. Every spec is read on every validation, and YamlDotNet's
/// scanner costs more than Markdig's parse of the whole spec; a property test checks both readers agree.
/// </summary>
internal static class FlatFrontMatter
{
    private static readonly char[] Brackets = ['[', ']', '{', '}'];

    public static bool TryRead(string yaml, int firstLine, Dictionary<string, FrontMatterValue> values)
    {
        var read = new List<(string Key, FrontMatterValue Value)>();
        var lines = yaml.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd('\r');
            if (line.Trim().Length == 0)
            {
                continue;
            }

            var colon = line.IndexOf(':');
            if (colon <= 0 || !IsKey(line, colon) || (colon + 1 < line.Length && line[colon + 1] != ' '))
            {
                return false;
            }

            var key = line.Substring(0, colon);
            var raw = line.Substring(colon + 1).Trim();
            var lineNumber = firstLine + i;
            var end = line.TrimEnd().Length;
            var span = new Diagnostics.SourceSpan(lineNumber, 1, lineNumber, Math.Max(1, end));
            if (raw.Length == 0)
            {
                read.Add((key, new FrontMatterValue(string.Empty, null, span)));
            }
            else if (raw[0] == '[')
            {
                if (raw[raw.Length - 1] != ']' || !TryList(raw.Substring(1, raw.Length - 2), out var items))
                {
                    return false;
                }

                read.Add((key, new FrontMatterValue(null, items, span)));
            }
            else if (TryScalar(raw, out var scalar))
            {
                read.Add((key, new FrontMatterValue(scalar, null, span)));
            }
            else
            {
                return false;
            }
        }

        if (read.Select(r => r.Key).Distinct(StringComparer.OrdinalIgnoreCase).Count() != read.Count)
        {
            return false;
        }

        foreach (var (key, value) in read)
        {
            values[key] = value;
        }

        return true;
    }

    private static bool IsKey(string line, int colon)
    {
        if (!char.IsLetter(line[0]) && line[0] != '_')
        {
            return false;
        }

        for (var i = 1; i < colon; i++)
        {
            if (!char.IsLetterOrDigit(line[i]) && line[i] is not ('_' or '-'))
            {
                return false;
            }
        }

        return true;
    }

    private static bool TryList(string inner, out List<string> items)
    {
        items = [];
        if (inner.Trim().Length == 0)
        {
            return true;
        }

        foreach (var part in inner.Split(','))
        {
            var item = part.Trim();
            if (item.Length == 0 || item.IndexOfAny(Brackets) >= 0 || !TryScalar(item, out var value))
            {
                return false;
            }

            items.Add(value);
        }

        return true;
    }

    /// <summary>A plain scalar, `"text"` without escapes, or `'text'` without doubled quotes.</summary>
    private static bool TryScalar(string raw, out string value)
    {
        value = raw;
        var first = raw[0];
        if (first is '"' or '\'')
        {
            if (raw.Length < 2 || raw[raw.Length - 1] != first)
            {
                return false;
            }

            value = raw.Substring(1, raw.Length - 2);
            return value.IndexOf(first) < 0 && value.IndexOf('\\') < 0;
        }

        // Characters that start YAML syntax, or a comment or a nested map inside the value, are YamlDotNet's job.
        return "-?:,[]{}#&*!|>%@`".IndexOf(first) < 0 && raw.IndexOf(" #", StringComparison.Ordinal) < 0
            && raw.IndexOf(": ", StringComparison.Ordinal) < 0 && !raw.EndsWith(":", StringComparison.Ordinal)
            && raw.IndexOf('\t') < 0;
    }
}

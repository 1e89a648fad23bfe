using MilestonePlan.Core.Model;

namespace MilestonePlan.Core.Parsing;

/// <summary>
/// The fast path for the front matter real specs have: one `key: value` per line, values plain, simply quoted,
/// or a one-line flow list (`labels: ["a", "b"]`). Anything else — comments, escapes, block lists, nesting,
/// anchors — returns false and YamlDotNet reads it. Every spec is read on every validation, and YamlDotNet's
/// scanner costs more than Markdig's parse of the whole spec; a property test checks both readers agree.
/// </summary>
/// <remarks>
/// It reads the spec's own text by offsets: the only strings it makes are the keys and values it returns (this ran
/// for 600 specs per validation of the benchmark tree and was a tenth of its allocation when it split lines).
/// </remarks>
internal static class FlatFrontMatter
{
    public static bool TryRead(string yaml, int firstLine, Dictionary<string, FrontMatterValue> values) =>
        TryRead(yaml, 0, yaml.Length, firstLine, values);

    /// <summary>
    /// Reads the YAML lines of [<paramref name="start"/>, <paramref name="end"/>) of <paramref name="text"/>, the first
    /// being line <paramref name="firstLine"/> of the file, into <paramref name="values"/> (which must be empty; it is
    /// left empty when this path declines).
    /// </summary>
    public static bool TryRead(string text, int start, int end, int firstLine, Dictionary<string, FrontMatterValue> values)
    {
        if (HasYamlOnlyBreak(text, start, end))
        {
            return false;
        }

        var lineNumber = firstLine;
        for (var lineStart = start; lineStart <= end; lineNumber++)
        {
            var newline = lineStart < end ? text.IndexOf('\n', lineStart, end - lineStart) : -1;
            var lineEnd = newline < 0 ? end : newline;
            if (!TryLine(text, lineStart, lineEnd, lineNumber, values))
            {
                values.Clear();
                return false;
            }

            lineStart = lineEnd + 1;
        }

        return true;
    }

    /// <summary>
    /// A line break this path does not count (it splits at `\n`): a lone `\r`, or U+0085, U+2028, U+2029, which YAML
    /// reads as line breaks. YamlDotNet reads such front matter, and its positions are mapped to the file's lines.
    /// </summary>
    private static bool HasYamlOnlyBreak(string text, int start, int end)
    {
        for (var i = start; i < end; i++)
        {
            var c = text[i];
            if (c is '\u0085' or '\u2028' or '\u2029' || (c == '\r' && (i + 1 >= text.Length || text[i + 1] != '\n')))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>One line [<paramref name="start"/>, <paramref name="end"/>): blank, or a new key with a value this path takes.</summary>
    private static bool TryLine(string text, int start, int end, int lineNumber, Dictionary<string, FrontMatterValue> values)
    {
        while (end > start && text[end - 1] == '\r')
        {
            end--;
        }

        var last = end - 1;
        while (last >= start && char.IsWhiteSpace(text[last]))
        {
            last--;
        }

        if (last < start || IsBlank(text, start, last))
        {
            return true;
        }

        var colon = text.IndexOf(':', start, end - start);
        if (colon <= start || !IsKey(text, start, colon) || (colon + 1 < end && text[colon + 1] != ' '))
        {
            return false;
        }

        var key = text.Substring(start, colon - start);
        if (values.ContainsKey(key))
        {
            // A repeated key is YamlDotNet's to judge.
            return false;
        }

        var rawStart = colon + 1;
        while (rawStart <= last && char.IsWhiteSpace(text[rawStart]))
        {
            rawStart++;
        }

        var span = new Diagnostics.SourceSpan(lineNumber, 1, lineNumber, Math.Max(1, last - start + 1));
        if (rawStart > last)
        {
            values[key] = new FrontMatterValue(string.Empty, null, span);
            return true;
        }

        if (text[rawStart] == '[')
        {
            if (text[last] != ']' || last == rawStart || !TryList(text, rawStart + 1, last - 1, out var items))
            {
                return false;
            }

            values[key] = new FrontMatterValue(null, items, span);
            return true;
        }

        if (!TryScalar(text, rawStart, last, out var scalar))
        {
            return false;
        }

        values[key] = new FrontMatterValue(scalar, null, span);
        return true;
    }

    private static bool IsBlank(string text, int start, int last)
    {
        for (var i = start; i <= last; i++)
        {
            if (!char.IsWhiteSpace(text[i]))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsKey(string text, int start, int colon)
    {
        if (!char.IsLetter(text[start]) && text[start] != '_')
        {
            return false;
        }

        for (var i = start + 1; i < colon; i++)
        {
            if (!char.IsLetterOrDigit(text[i]) && text[i] is not ('_' or '-'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The items of a flow list whose inside is [<paramref name="first"/>, <paramref name="last"/>].</summary>
    private static bool TryList(string text, int first, int last, out List<string> items)
    {
        items = [];
        if (IsBlank(text, first, last))
        {
            return true;
        }

        for (var partStart = first; partStart <= last + 1;)
        {
            var comma = partStart <= last ? text.IndexOf(',', partStart, last - partStart + 1) : -1;
            var partEnd = comma < 0 ? last : comma - 1;
            var itemStart = partStart;
            var itemLast = partEnd;
            while (itemStart <= itemLast && char.IsWhiteSpace(text[itemStart]))
            {
                itemStart++;
            }

            while (itemLast >= itemStart && char.IsWhiteSpace(text[itemLast]))
            {
                itemLast--;
            }

            if (itemLast < itemStart || HasBracket(text, itemStart, itemLast) || !TryScalar(text, itemStart, itemLast, out var value))
            {
                return false;
            }

            items.Add(value);
            partStart = partEnd + 2;
        }

        return true;
    }

    private static bool HasBracket(string text, int first, int last)
    {
        for (var i = first; i <= last; i++)
        {
            if (text[i] is '[' or ']' or '{' or '}')
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>[<paramref name="first"/>, <paramref name="last"/>] (trimmed) as a plain scalar, `"text"` without escapes, or `'text'` without doubled quotes.</summary>
    private static bool TryScalar(string text, int first, int last, out string value)
    {
        value = string.Empty;
        var open = text[first];
        if (open is '"' or '\'')
        {
            if (last == first || text[last] != open)
            {
                return false;
            }

            for (var i = first + 1; i < last; i++)
            {
                if (text[i] == open || text[i] == '\\')
                {
                    return false;
                }
            }

            value = text.Substring(first + 1, last - first - 1);
            return true;
        }

        // Characters that start YAML syntax, or a comment or a nested map inside the value, are YamlDotNet's job.
        if ("-?:,[]{}#&*!|>%@`".IndexOf(open) >= 0 || text[last] == ':')
        {
            return false;
        }

        for (var i = first; i <= last; i++)
        {
            var c = text[i];
            if (c == '\t' || (i < last && ((c == ' ' && text[i + 1] == '#') || (c == ':' && text[i + 1] == ' '))))
            {
                return false;
            }
        }

        value = text.Substring(first, last - first + 1);
        return true;
    }
}

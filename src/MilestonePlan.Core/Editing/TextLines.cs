using System.Text;

namespace MilestonePlan.Core.Editing;

/// <summary>A text split into lines that remember their own ending, so edits can leave every other byte alone.</summary>
internal sealed class TextLines
{
    private TextLines(IReadOnlyList<(string Content, string Ending)> lines) => Lines = lines;

    public IReadOnlyList<(string Content, string Ending)> Lines { get; }

    public int Count => Lines.Count;

    /// <summary>Content of a 1-based line, without its ending.</summary>
    public string this[int line] => Lines[line - 1].Content;

    public static TextLines Split(string text)
    {
        var lines = new List<(string, string)>();
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] is '\n' or '\r')
            {
                var ending = text[i] == '\r' && i + 1 < text.Length && text[i + 1] == '\n' ? "\r\n" : text[i].ToString();
                lines.Add((text.Substring(start, i - start), ending));
                i += ending.Length - 1;
                start = i + 1;
            }
        }

        if (start < text.Length || lines.Count == 0)
        {
            lines.Add((text.Substring(start), string.Empty));
        }

        return new TextLines(lines);
    }

    /// <summary>Applies edits (by original line numbers) and joins the result with each line's own ending.</summary>
    public string Apply(IEnumerable<LineEdit> edits)
    {
        var byLine = edits.GroupBy(e => e.Line).ToDictionary(g => g.Key, g => g.ToList());
        var builder = new StringBuilder();
        var defaultEnding = Lines.Select(l => l.Ending).FirstOrDefault(e => e.Length > 0) ?? "\n";
        void Emit(IEnumerable<string> text, string ending)
        {
            foreach (var line in text)
            {
                builder.Append(line).Append(ending);
            }
        }

        // A byte order mark marks the file, not its first line: lines inserted at the top go after it, or the
        // file would start with text and carry a stray U+FEFF in the middle.
        var movedBom = byLine.ContainsKey(0) && Lines.Count > 0 && Lines[0].Content.StartsWith("\uFEFF", StringComparison.Ordinal);
        if (byLine.TryGetValue(0, out var top))
        {
            if (movedBom)
            {
                builder.Append('\uFEFF');
            }

            Emit(top.SelectMany(e => e.Text), defaultEnding);
        }

        for (var i = 1; i <= Lines.Count; i++)
        {
            var (content, ending) = Lines[i - 1];
            static string WithoutBom(string s) => s.StartsWith("\uFEFF", StringComparison.Ordinal) ? s.Substring(1) : s;
            if (i == 1 && movedBom)
            {
                content = WithoutBom(content);
            }
            var edits1 = byLine.TryGetValue(i, out var list) ? list : [];
            var replaced = edits1.FirstOrDefault(e => e.Kind is LineEditKind.Replace or LineEditKind.Delete);
            var inserts = edits1.Where(e => e.Kind == LineEditKind.InsertAfter).SelectMany(e => e.Text).ToList();
            var lineEnding = ending.Length > 0 || inserts.Count > 0 ? (ending.Length > 0 ? ending : defaultEnding) : ending;

            if (replaced is null)
            {
                builder.Append(content).Append(lineEnding);
            }
            else if (replaced.Kind == LineEditKind.Replace)
            {
                for (var j = 0; j < replaced.Text.Count; j++)
                {
                    var last = j == replaced.Text.Count - 1 && inserts.Count == 0;
                    builder.Append(i == 1 && j == 0 && movedBom ? WithoutBom(replaced.Text[j]) : replaced.Text[j]).Append(last ? ending : lineEnding);
                }
            }

            for (var j = 0; j < inserts.Count; j++)
            {
                builder.Append(inserts[j]).Append(j == inserts.Count - 1 ? ending : lineEnding);
            }
        }

        return builder.ToString();
    }
}

using System.Text;

namespace MilestonePlan.Core.Editing;

/// <summary>
/// A text split into lines that remember their own ending, so edits can leave every other byte alone. The lines are
/// the reader's (<see cref="LineBreaks"/>), and every edit is read back: the result, split again, must be exactly the
/// lines intended, or the edit is refused.
/// </summary>
internal sealed class TextLines
{
    private TextLines(IReadOnlyList<(string Content, string Ending)> lines, LineBreaks breaks)
    {
        Lines = lines;
        Breaks = breaks;
    }

    public IReadOnlyList<(string Content, string Ending)> Lines { get; }

    public LineBreaks Breaks { get; }

    public int Count => Lines.Count;

    /// <summary>Content of a 1-based line, without its ending.</summary>
    public string this[int line] => Lines[line - 1].Content;

    public static TextLines Split(string text, LineBreaks breaks = LineBreaks.Markdown)
    {
        var lines = new List<(string, string)>();
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var length = breaks.BreakAt(text, i);
            if (length > 0)
            {
                lines.Add((text.Substring(start, i - start), text.Substring(i, length)));
                i += length - 1;
                start = i + 1;
            }
        }

        if (start < text.Length || lines.Count == 0)
        {
            lines.Add((text.Substring(start), string.Empty));
        }

        return new TextLines(lines, breaks);
    }

    /// <summary>
    /// Applies edits (by original line numbers) and joins the result with each line's own ending. Refused
    /// (<see cref="EditRefusedException"/>) when the result does not split back into exactly the lines intended: a
    /// new line holding a line break, or a lone `\r` left before a `\n` (the two would read as one ending and a
    /// line would vanish).
    /// </summary>
    public string Apply(IEnumerable<LineEdit> edits, string path = "")
    {
        var output = Plan(edits);
        var builder = new StringBuilder();
        foreach (var (content, ending, _) in output)
        {
            builder.Append(content).Append(ending);
        }

        var result = builder.ToString();
        ReadBack(path, output, Split(result, Breaks));
        return result;
    }

    /// <summary>The lines the edits produce, each with the original line it comes from (for a refusal's position).</summary>
    private List<(string Content, string Ending, int Origin)> Plan(IEnumerable<LineEdit> edits)
    {
        var byLine = edits.GroupBy(e => e.Line).ToDictionary(g => g.Key, g => g.ToList());
        var output = new List<(string, string, int)>();
        var defaultEnding = Lines.Select(l => l.Ending).FirstOrDefault(e => e.Length > 0) ?? "\n";

        // A byte order mark marks the file, not its first line: lines inserted at the top go after it, or the
        // file would start with text and carry a stray U+FEFF in the middle.
        var movedBom = byLine.ContainsKey(0) && Lines.Count > 0 && Lines[0].Content.StartsWith("\uFEFF", StringComparison.Ordinal);
        static string WithoutBom(string s) => s.StartsWith("\uFEFF", StringComparison.Ordinal) ? s.Substring(1) : s;
        if (byLine.TryGetValue(0, out var top))
        {
            var first = true;
            foreach (var line in top.SelectMany(e => e.Text))
            {
                output.Add(((first && movedBom ? "\uFEFF" : string.Empty) + line, defaultEnding, 1));
                first = false;
            }
        }

        for (var i = 1; i <= Lines.Count; i++)
        {
            var (content, ending) = Lines[i - 1];
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
                output.Add((content, lineEnding, i));
            }
            else if (replaced.Kind == LineEditKind.Replace)
            {
                for (var j = 0; j < replaced.Text.Count; j++)
                {
                    var last = j == replaced.Text.Count - 1 && inserts.Count == 0;
                    output.Add((i == 1 && j == 0 && movedBom ? WithoutBom(replaced.Text[j]) : replaced.Text[j], last ? ending : lineEnding, i));
                }
            }

            for (var j = 0; j < inserts.Count; j++)
            {
                output.Add((inserts[j], j == inserts.Count - 1 ? ending : lineEnding, i));
            }
        }

        // An empty last line without an ending is no line at all once joined.
        while (output.Count > 1 && output[^1] is { Item1.Length: 0, Item2.Length: 0 })
        {
            output.RemoveAt(output.Count - 1);
        }

        return output;
    }

    private static void ReadBack(string path, List<(string Content, string Ending, int Origin)> intended, TextLines actual)
    {
        var count = Math.Min(intended.Count, actual.Count);
        for (var i = 0; i < count; i++)
        {
            if (intended[i].Content != actual.Lines[i].Content || intended[i].Ending != actual.Lines[i].Ending)
            {
                throw new EditRefusedException(path, intended[i].Origin, Differs(intended[i], actual.Lines[i]));
            }
        }

        if (intended.Count != actual.Count)
        {
            var origin = intended.Count > count ? intended[count].Origin : intended[^1].Origin;
            throw new EditRefusedException(path, origin, "the edited text does not split back into the lines intended");
        }
    }

    private static string Differs((string Content, string Ending, int Origin) intended, (string Content, string Ending) actual) =>
        intended.Ending == "\r" && actual.Ending == "\r\n"
            ? "this line ends in a lone CR, and after the edit it would run into the next line's LF (a line would vanish)"
            : "the edit would put a line break inside a line";
}

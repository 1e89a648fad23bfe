using System.Text;
using MilestonePlan.Core.Editing;

namespace MilestonePlan.Workflow.Editing;

/// <summary>
/// A unified-diff-like rendering of two versions of a text, for dry runs: what an edit would change, with line
/// numbers, read by people (not by `patch`). A line whose only change is its line ending is shown with a marker.
/// </summary>
internal static class TextDiff
{
    /// <summary>Above this many cells the middle of the two texts is shown as replaced rather than aligned line by line.</summary>
    private const long AlignmentBudget = 4_000_000;

    public static string Render(string path, string before, string after, int context = 1)
    {
        var old = Lines(before);
        var now = Lines(after);
        var operations = Align(old, now);
        if (operations.All(o => o.Kind == ' '))
        {
            return string.Empty;
        }

        var builder = new StringBuilder();
        builder.Append("--- ").Append(path).Append('\n');
        builder.Append("+++ ").Append(path).Append(" (after edits)\n");
        foreach (var hunk in Hunks(operations, context))
        {
            var first = operations[hunk.Start];
            var oldCount = 0;
            var newCount = 0;
            for (var i = hunk.Start; i < hunk.End; i++)
            {
                oldCount += operations[i].Kind != '+' ? 1 : 0;
                newCount += operations[i].Kind != '-' ? 1 : 0;
            }

            builder.Append("@@ -").Append(first.OldLine).Append(',').Append(oldCount)
                .Append(" +").Append(first.NewLine).Append(',').Append(newCount).Append(" @@\n");
            for (var i = hunk.Start; i < hunk.End; i++)
            {
                var operation = operations[i];
                builder.Append(operation.Kind).Append(operation.Line.Content);
                if (operation.Kind != ' ' && EndingChanged(operations, i))
                {
                    builder.Append("  ⏎ ").Append(Describe(operation.Line.Ending));
                }

                builder.Append('\n');
            }
        }

        return builder.ToString();
    }

    private static IReadOnlyList<(string Content, string Ending)> Lines(string text) =>
        text.Length == 0 ? [] : TextLines.Split(text).Lines;

    /// <summary>A removed and an added line with the same text: only the ending differs, which is worth saying.</summary>
    private static bool EndingChanged(List<Operation> operations, int index)
    {
        var line = operations[index].Line;
        return operations.Any(o => o.Kind != ' ' && o.Kind != operations[index].Kind && o.Line.Content == line.Content && o.Line.Ending != line.Ending);
    }

    private static string Describe(string ending) => ending switch
    {
        "\r\n" => "CRLF",
        "\n" => "LF",
        "\r" => "CR",
        _ => "no line ending",
    };

    /// <summary>Common prefix and suffix kept, the middle aligned by a longest common subsequence.</summary>
    private static List<Operation> Align(IReadOnlyList<(string Content, string Ending)> old, IReadOnlyList<(string Content, string Ending)> now)
    {
        var prefix = 0;
        while (prefix < old.Count && prefix < now.Count && old[prefix] == now[prefix])
        {
            prefix++;
        }

        var suffix = 0;
        while (suffix < old.Count - prefix && suffix < now.Count - prefix && old[old.Count - 1 - suffix] == now[now.Count - 1 - suffix])
        {
            suffix++;
        }

        var operations = new List<Operation>();
        for (var i = 0; i < prefix; i++)
        {
            operations.Add(new Operation(' ', old[i], i + 1, i + 1));
        }

        var oldMiddle = old.Count - prefix - suffix;
        var newMiddle = now.Count - prefix - suffix;
        if ((long)oldMiddle * newMiddle > AlignmentBudget)
        {
            for (var i = 0; i < oldMiddle; i++)
            {
                operations.Add(new Operation('-', old[prefix + i], prefix + i + 1, prefix + 1));
            }

            for (var j = 0; j < newMiddle; j++)
            {
                operations.Add(new Operation('+', now[prefix + j], prefix + oldMiddle + 1, prefix + j + 1));
            }
        }
        else
        {
            AlignMiddle(old, now, prefix, oldMiddle, newMiddle, operations);
        }

        for (var k = 0; k < suffix; k++)
        {
            var o = old.Count - suffix + k;
            var n = now.Count - suffix + k;
            operations.Add(new Operation(' ', old[o], o + 1, n + 1));
        }

        return operations;
    }

    private static void AlignMiddle(IReadOnlyList<(string, string)> old, IReadOnlyList<(string, string)> now, int offset,
        int oldCount, int newCount, List<Operation> operations)
    {
        // lengths[i, j]: longest common subsequence of old[i..] and now[j..] (within the middle).
        var lengths = new int[oldCount + 1, newCount + 1];
        for (var i = oldCount - 1; i >= 0; i--)
        {
            for (var j = newCount - 1; j >= 0; j--)
            {
                lengths[i, j] = old[offset + i] == now[offset + j]
                    ? lengths[i + 1, j + 1] + 1
                    : Math.Max(lengths[i + 1, j], lengths[i, j + 1]);
            }
        }

        int a = 0, b = 0;
        while (a < oldCount || b < newCount)
        {
            if (a < oldCount && b < newCount && old[offset + a] == now[offset + b])
            {
                operations.Add(new Operation(' ', old[offset + a], offset + a + 1, offset + b + 1));
                a++;
                b++;
            }
            else if (a < oldCount && (b == newCount || lengths[a + 1, b] >= lengths[a, b + 1]))
            {
                operations.Add(new Operation('-', old[offset + a], offset + a + 1, offset + b + 1));
                a++;
            }
            else
            {
                operations.Add(new Operation('+', now[offset + b], offset + a + 1, offset + b + 1));
                b++;
            }
        }
    }

    /// <summary>Runs of changes with <paramref name="context"/> unchanged lines around them; close runs merge.</summary>
    private static IEnumerable<(int Start, int End)> Hunks(List<Operation> operations, int context)
    {
        var start = -1;
        var end = -1;
        for (var i = 0; i < operations.Count; i++)
        {
            if (operations[i].Kind == ' ')
            {
                continue;
            }

            var from = Math.Max(0, i - context);
            var to = Math.Min(operations.Count, i + context + 1);
            if (start >= 0 && from > end)
            {
                yield return (start, end);
                start = -1;
            }

            start = start < 0 ? from : start;
            end = Math.Max(end, to);
        }

        if (start >= 0)
        {
            yield return (start, end);
        }
    }

    private readonly record struct Operation(char Kind, (string Content, string Ending) Line, int OldLine, int NewLine);
}

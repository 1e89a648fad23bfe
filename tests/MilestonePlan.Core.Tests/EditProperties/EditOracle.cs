using System.Text.RegularExpressions;
using MilestonePlan.Core.Model;
using MilestonePlan.Core.Parsing;
using MilestonePlan.Core.Selection;

namespace MilestonePlan.Core.Tests.EditProperties;

/// <summary>
/// The test's own judgement of an edit, written apart from the editor's read-back: which lines an edit may touch, and
/// whether every other line of the text is still there, byte for byte, in order.
/// </summary>
internal static class EditOracle
{
    private static readonly Regex Break = new("\r\n|\r|\n", RegexOptions.CultureInvariant);

    /// <summary>Markdig's lines (LF, CRLF, lone CR), each with its ending.</summary>
    public static List<(string Content, string Ending)> Lines(string text)
    {
        var lines = new List<(string, string)>();
        var start = 0;
        foreach (Match m in Break.Matches(text))
        {
            lines.Add((text.Substring(start, m.Index - start), m.Value));
            start = m.Index + m.Length;
        }

        if (start < text.Length)
        {
            lines.Add((text.Substring(start), string.Empty));
        }

        return lines;
    }

    /// <summary>
    /// Null when every line of <paramref name="before"/> not in <paramref name="mayChange"/> (1-based) is in
    /// <paramref name="after"/>, in order, with its own ending (the last line may gain one); else the first line lost.
    /// </summary>
    public static string? LostLine(string before, string after, ISet<int> mayChange)
    {
        var was = Lines(before);
        var now = Lines(after);
        var j = 0;
        for (var i = 0; i < was.Count; i++)
        {
            if (mayChange.Contains(i + 1))
            {
                continue;
            }

            var last = i == was.Count - 1 && was[i].Ending.Length == 0;
            while (j < now.Count && !(now[j].Content == was[i].Content && (last || now[j].Ending == was[i].Ending)))
            {
                j++;
            }

            if (j == now.Count)
            {
                return $"line {i + 1} '{Escape(was[i].Content)}' (ending {Escape(was[i].Ending)}) is not in the edited text in its place";
            }

            j++;
        }

        return null;
    }

    /// <summary>The lines of every tracking entry naming <paramref name="row"/> (or, with null, any row), their nested lines and every `(none)` line.</summary>
    public static HashSet<int> TrackingLines(PlanDocument plan, string text, IssueRow? row)
    {
        var lines = Lines(text);
        var result = new HashSet<int>();
        foreach (var list in new[] { plan.Tracking.Completed, plan.Tracking.OpenPullRequests, plan.Tracking.Blocked, plan.Tracking.Skipped })
        {
            foreach (var entry in list?.Entries ?? [])
            {
                var names = row is null || entry.IssueCandidates.Any(c => plan.Resolve(c) is { } r && r.Number.Value == row.Number.Value)
                    || plan.Resolve(entry) is { } named && named.Number.Value == row.Number.Value
                    || entry.IssueCandidates.Count == 0;
                if (!names)
                {
                    continue;
                }

                var line = entry.Line.Span.Line;
                for (var l = line; l <= entry.Line.Span.EndLine; l++)
                {
                    result.Add(l);
                }

                var indent = Indent(lines[line - 1].Content);
                for (var next = entry.Line.Span.EndLine + 1; next <= lines.Count && lines[next - 1].Content.Trim().Length > 0 && Indent(lines[next - 1].Content) > indent; next++)
                {
                    result.Add(next);
                }
            }
        }

        return result;
    }

    /// <summary>The lines of the fields an edit may set.</summary>
    public static HashSet<int> FieldLines(params OverviewField?[] fields) =>
        fields.Where(f => f is not null).SelectMany(f => Enumerable.Range(f!.NameCell.Span.Line, f.Value.Span.EndLine - f.NameCell.Span.Line + 1)).ToHashSet();

    /// <summary>Between the facts of a row: a character no generated text holds.</summary>
    public const string Separator = "\u0001";

    /// <summary>What the plan says of each row (by position) and of each field, to compare before and after.</summary>
    public static (List<string> Rows, Dictionary<string, string?> Fields) Facts(PlanDocument plan)
    {
        var status = PlanStatus.Of(plan);
        var rows = status.Issues.Select(i => string.Join(Separator, i.Row.Number, i.Row.TitleText, i.State, i.Row.GitHubNumber, i.Facts.OpenPullRequest is not null,
            i.Facts.Blocked is not null, i.Facts.Skipped is not null, i.Facts.Checklist?.Title?.Text)).ToList();
        var fields = new Dictionary<string, string?>
        {
            ["phase"] = plan.Tracking.CurrentPhase?.Value.Text,
            ["current"] = plan.Tracking.CurrentIssue?.Value.Text,
            ["updated"] = plan.Tracking.LastUpdated?.Value.Text,
            ["footer"] = plan.Tracking.FooterStatus?.Value.Text,
            ["blockers"] = plan.Tracking.Blockers?.Value.Text,
        };
        foreach (var field in plan.OverviewFields)
        {
            fields.TryAdd("overview:" + field.Key, field.Value.Text);
        }

        return (rows, fields);
    }

    public static string Escape(string text) => string.Concat(text.Select(c => c < ' ' || c is '\u2028' or '\u2029' or '\u0085' ? $"\\u{(int)c:X4}" : c.ToString()));

    private static int Indent(string line) => line.Length - line.TrimStart(' ', '\t').Length;
}

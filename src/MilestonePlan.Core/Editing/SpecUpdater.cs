using MilestonePlan.Core.Model;

namespace MilestonePlan.Core.Editing;

/// <summary>Edits of an issue spec's front matter, as line edits (the rest of the spec is never touched).</summary>
internal static class SpecUpdater
{
    /// <summary>`github_issue: N`: the existing line's value replaced, or a line added after `title:` (or the opening `---`).</summary>
    public static IReadOnlyList<LineEdit> SetGitHubIssue(IssueSpec spec, TextLines lines, int number)
    {
        var value = number.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (spec.Get("github_issue") is { } existing)
        {
            var line = lines[existing.Span.Line];
            var colon = line.IndexOf(':');
            return [LineEdit.Replace(existing.Span.Line, line.Substring(0, colon + 1) + " " + value, $"github_issue → {value}")];
        }

        if (spec.FrontMatterSpan is not { } block)
        {
            return [LineEdit.InsertAfter(0, ["---", $"github_issue: {value}", "---", string.Empty], $"front matter with github_issue {value}")];
        }

        var after = spec.Get("title")?.Span.EndLine ?? block.Line;
        return [LineEdit.InsertAfter(after, [$"github_issue: {value}"], $"github_issue → {value}")];
    }

    /// <summary>The plan row's GitHub # cell set to `#N` (the text between its pipes replaced).</summary>
    public static IReadOnlyList<LineEdit> SetGitHubCell(IssueRow row, TextLines lines, int number)
    {
        if (row.GitHubCell is not { } cell || cell.Span.Line != cell.Span.EndLine)
        {
            return [];
        }

        var line = lines[cell.Span.Line];
        var at = Math.Min(Math.Max(cell.Span.Column - 1, 0), line.Length - 1);
        var open = line.LastIndexOf('|', line[at] == '|' ? Math.Max(at - 1, 0) : at);
        var close = line.IndexOf('|', Math.Max(at, open + 1));
        if (open < 0 || close < 0)
        {
            return [];
        }

        return [LineEdit.Replace(cell.Span.Line, line.Substring(0, open + 1) + $" #{number} " + line.Substring(close), $"{row.Number}: GitHub #{number}")];
    }
}

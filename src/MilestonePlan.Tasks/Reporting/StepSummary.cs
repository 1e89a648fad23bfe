using System.Globalization;
using System.Text;
using MilestonePlan.Core.Diagnostics;

namespace MilestonePlan.Tasks.Reporting;

/// <summary>
/// The Markdown block GitHub Actions shows on a run's summary page (the file named by <c>GITHUB_STEP_SUMMARY</c>).
/// Messages, paths and issue titles come from the plans, so every piece of them is escaped before it goes in.
/// </summary>
internal static class StepSummary
{
    public const string EnvironmentVariable = "GITHUB_STEP_SUMMARY";

    /// <summary>Rows shown before "and N more": the summary is an overview, the build log and SARIF log have the rest.</summary>
    public const int MaxRows = 50;

    /// <summary>Characters of untrusted text kept per cell, so one huge message cannot swamp the page (GitHub caps it at 1 MiB).</summary>
    public const int MaxCellLength = 200;

    /// <param name="counts">Findings per effective severity, as the build counted them (the table may show fewer).</param>
    /// <param name="findings">Each finding with its effective severity; None and Hidden ones are not listed.</param>
    /// <param name="nextIssueLine">Optional one-line "next issue" text; untrusted, escaped like the cells.</param>
    public static string Markdown(
        IReadOnlyDictionary<PlanSeverity, int> counts,
        IReadOnlyList<(PlanDiagnostic Diagnostic, PlanSeverity Severity)> findings,
        string repositoryRoot,
        string? nextIssueLine)
    {
        var text = new StringBuilder();
        text.Append("### MilestonePlan\n\n");
        text.Append(string.Format(CultureInfo.InvariantCulture, "{0} {1} error(s), {2} warning(s), {3} message(s)\n",
            Count(counts, PlanSeverity.Error) > 0 ? "❌" : "✅",
            Count(counts, PlanSeverity.Error), Count(counts, PlanSeverity.Warning), Count(counts, PlanSeverity.Info)));

        var listed = findings
            .Where(f => f.Severity >= PlanSeverity.Info)
            .OrderByDescending(f => f.Severity)
            .ThenBy(f => f.Diagnostic.FilePath, StringComparer.Ordinal)
            .ThenBy(f => f.Diagnostic.Span.Line)
            .ThenBy(f => f.Diagnostic.Span.Column)
            .ThenBy(f => f.Diagnostic.Id, StringComparer.Ordinal)
            .ToList();
        if (listed.Count > 0)
        {
            text.Append("\n| Severity | Rule | File | Line | Message |\n|---|---|---|---:|---|\n");
            foreach (var (diagnostic, severity) in listed.Take(MaxRows))
            {
                var file = FileUris.RelativePath(diagnostic.FilePath, repositoryRoot) ?? diagnostic.FilePath;
                text.Append("| ").Append(SarifLog.Level(severity))
                    .Append(" | [").Append(Cell(diagnostic.Id)).Append("](").Append(diagnostic.Descriptor.HelpLink).Append(')')
                    .Append(" | ").Append(Cell(file))
                    .Append(" | ").Append(diagnostic.Span.Line.ToString(CultureInfo.InvariantCulture))
                    .Append(" | ").Append(Cell(diagnostic.Message))
                    .Append(" |\n");
            }

            if (listed.Count > MaxRows)
            {
                text.Append(string.Format(CultureInfo.InvariantCulture, "\n… and {0} more in the build log.\n", listed.Count - MaxRows));
            }
        }

        if (!string.IsNullOrWhiteSpace(nextIssueLine))
        {
            text.Append("\n**Next issue:** ").Append(Cell(nextIssueLine!)).Append('\n');
        }

        return text.ToString();
    }

    /// <summary>
    /// Appends <paramref name="markdown"/> to the summary file when <c>GITHUB_STEP_SUMMARY</c> names one. Never replaces
    /// what earlier steps wrote, never follows a link or writes to a folder, and never fails the build: returns whether it wrote.
    /// </summary>
    public static bool AppendIfRequested(Func<string, string?> environment, string markdown)
    {
        var path = environment(EnvironmentVariable);
        if (string.IsNullOrWhiteSpace(path) || !Path.IsPathRooted(path))
        {
            return false;
        }

        try
        {
            // The runner creates the file before the step; one that is missing, a folder or a link is not ours to write.
            var info = new FileInfo(path);
            if (!info.Exists || (info.Attributes & (FileAttributes.Directory | FileAttributes.ReparsePoint)) != 0)
            {
                return false;
            }

            using var stream = new FileStream(path, FileMode.Open, FileAccess.Write, FileShare.ReadWrite);
            if (!stream.CanSeek)
            {
                // A pipe or terminal, not a file.
                return false;
            }

            stream.Seek(0, SeekOrigin.End);
            var block = (stream.Position > 0 ? "\n" : string.Empty) + markdown + (markdown.EndsWith("\n", StringComparison.Ordinal) ? string.Empty : "\n");
            var bytes = new UTF8Encoding(false).GetBytes(ReportText.ScrubSurrogates(block));
            stream.Write(bytes, 0, bytes.Length);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return false;
        }
    }

    /// <summary>
    /// Untrusted text as one table cell: capped, on one line, '|' escaped so it cannot add columns, and the characters
    /// Markdown would read as HTML, links, emphasis or code escaped so it shows as written.
    /// </summary>
    public static string Cell(string text)
    {
        var capped = text.Length > MaxCellLength ? text.Substring(0, MaxCellLength) + "…" : text;
        var cell = new StringBuilder(capped.Length + 16);
        foreach (var c in ReportText.ScrubSurrogates(capped))
        {
            switch (c)
            {
                case '<': cell.Append("&lt;"); break;
                case '>': cell.Append("&gt;"); break;
                case '&': cell.Append("&amp;"); break;
                case '\r': break;
                case '\n': cell.Append(' '); break;
                case '|' or '\\' or '`' or '*' or '_' or '[' or ']' or '!' or '#' or '~':
                    cell.Append('\\').Append(c);
                    break;
                default:
                    cell.Append(char.IsControl(c) ? ' ' : c);
                    break;
            }
        }

        return cell.ToString();
    }

    private static int Count(IReadOnlyDictionary<PlanSeverity, int> counts, PlanSeverity severity) =>
        counts.TryGetValue(severity, out var n) ? n : 0;
}

using System.Text.RegularExpressions;

namespace MilestonePlan.EndToEnd.Tests;

/// <summary>MSBuild's canonical diagnostic lines: `file(line,col,endLine,endCol): warning MP3001: message [project]`.</summary>
internal static partial class BuildOutput
{
    public sealed record Finding(string File, int Line, int Column, string Severity, string Id, string Message, string Project);

    [GeneratedRegex(@"^\s*(?:\d+(?::\d+)?>)?(?<file>[^\s(][^(]*)\((?<line>\d+),(?<col>\d+)(,\d+,\d+)?\): (?<sev>warning|error|message|info) (?<id>MP\d{4}): (?<msg>.*?)(?: \(https?://[^)]*\))?(?: \[(?<proj>[^\]]+)\])?$")]
    private static partial Regex Canonical();

    /// <summary>
    /// Findings as printed. The build summary repeats each one (with another indent), so identical findings of the
    /// same project are folded; the same finding from two projects counts twice.
    /// </summary>
    public static IReadOnlyList<Finding> Findings(DotNet.Result result) =>
        result.Lines
            .Select(l => Canonical().Match(l))
            .Where(m => m.Success)
            .Select(m => new Finding(m.Groups["file"].Value, int.Parse(m.Groups["line"].Value), int.Parse(m.Groups["col"].Value),
                m.Groups["sev"].Value, m.Groups["id"].Value, m.Groups["msg"].Value, m.Groups["proj"].Value))
            .Distinct()
            .ToList();
}

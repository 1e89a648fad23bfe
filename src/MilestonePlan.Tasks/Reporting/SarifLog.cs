using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using MilestonePlan.Core.Diagnostics;

namespace MilestonePlan.Tasks.Reporting;

/// <summary>
/// Writes validation findings as a SARIF 2.1.0 log, the format GitHub code scanning, Azure DevOps and the
/// IDE SARIF viewers read. Output is deterministic: the same findings give the same bytes.
/// </summary>
internal static class SarifLog
{
    public const string ToolName = "MilestonePlan";

    /// <summary>The project home: the rule pages' base without <c>/blob/main/docs/rules/</c>.</summary>
    public const string InformationUri = "https://github.com/milestoneplan/milestoneplan";

    private const string SchemaUri = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";
    private const string RootBaseId = "SRCROOT";

    /// <summary>Writes the log to <paramref name="path"/> atomically: a reader sees the old log or the new one, never half.</summary>
    /// <param name="findings">Each finding with its effective severity (after .editorconfig, NoWarn, WarningsAsErrors); <see cref="PlanSeverity.None"/> ones are left out.</param>
    public static void Write(string path, IReadOnlyList<(PlanDiagnostic Diagnostic, PlanSeverity Severity)> findings, string repositoryRoot, string toolVersion)
    {
        var full = Path.GetFullPath(path);
        var folder = Path.GetDirectoryName(full)!;
        Directory.CreateDirectory(folder);

        // The temporary file sits in the same folder so the final move is a rename on one volume.
        var temporary = Path.Combine(folder, "." + Path.GetFileName(full) + "." + Guid.NewGuid().ToString("N") + ".tmp");
        try
        {
            File.WriteAllBytes(temporary, ToUtf8(findings, repositoryRoot, toolVersion));
            Replace(temporary, full);
        }
        finally
        {
            if (File.Exists(temporary))
            {
                File.Delete(temporary);
            }
        }
    }

    public static string ToJson(IReadOnlyList<(PlanDiagnostic Diagnostic, PlanSeverity Severity)> findings, string repositoryRoot, string toolVersion) =>
        Encoding.UTF8.GetString(ToUtf8(findings, repositoryRoot, toolVersion));

    public static byte[] ToUtf8(IReadOnlyList<(PlanDiagnostic Diagnostic, PlanSeverity Severity)> findings, string repositoryRoot, string toolVersion)
    {
        var reported = findings.Where(f => f.Severity != PlanSeverity.None).OrderBy(f => f, FindingOrder.Instance).ToList();
        var rules = RuleCatalog(reported.Select(f => f.Diagnostic.Descriptor));
        var ruleIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < rules.Count; i++)
        {
            ruleIndex[rules[i].Id] = i;
        }

        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions
        {
            Indented = true,
            // A file, not HTML: keep quotes, '<' and non-ASCII readable (\" rather than \u0022); control characters are still escaped.
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        }))
        {
            json.WriteStartObject();
            json.WriteString("$schema", SchemaUri);
            json.WriteString("version", "2.1.0");
            json.WriteStartArray("runs");
            json.WriteStartObject();

            json.WriteStartObject("tool");
            json.WriteStartObject("driver");
            json.WriteString("name", ToolName);
            json.WriteString("version", Scrub(toolVersion));
            json.WriteString("informationUri", InformationUri);
            json.WriteStartArray("rules");
            foreach (var rule in rules)
            {
                SarifRules.Write(json, rule);
            }

            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndObject();

            json.WriteStartObject("originalUriBaseIds");
            json.WriteStartObject(RootBaseId);
            json.WriteString("uri", FileUris.RootUri(repositoryRoot));
            json.WriteEndObject();
            json.WriteEndObject();

            // SourceSpan counts UTF-16 code units, which is SARIF's default; said explicitly for viewers that guess.
            json.WriteString("columnKind", "utf16CodeUnits");

            json.WriteStartArray("results");
            foreach (var (diagnostic, severity) in reported)
            {
                WriteResult(json, diagnostic, severity, ruleIndex[diagnostic.Descriptor.Id], repositoryRoot);
            }

            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
        }

        return buffer.ToArray();
    }

    /// <summary>SARIF's level for a severity. Hidden findings are still findings, so "note" rather than "none".</summary>
    public static string Level(PlanSeverity severity) => severity switch
    {
        PlanSeverity.Error => "error",
        PlanSeverity.Warning => "warning",
        PlanSeverity.None => "none",
        _ => "note",
    };

    private static void WriteResult(Utf8JsonWriter json, PlanDiagnostic diagnostic, PlanSeverity severity, int ruleIndex, string repositoryRoot)
    {
        json.WriteStartObject();
        json.WriteString("ruleId", diagnostic.Descriptor.Id);
        json.WriteNumber("ruleIndex", ruleIndex);
        json.WriteString("level", Level(severity));
        json.WriteStartObject("message");
        json.WriteString("text", Scrub(diagnostic.Message));
        json.WriteEndObject();

        json.WriteStartArray("locations");
        json.WriteStartObject();
        json.WriteStartObject("physicalLocation");
        json.WriteStartObject("artifactLocation");
        var relative = FileUris.Relative(diagnostic.FilePath, repositoryRoot);
        if (relative is not null)
        {
            json.WriteString("uri", relative);
            json.WriteString("uriBaseId", RootBaseId);
        }
        else
        {
            json.WriteString("uri", FileUris.Absolute(diagnostic.FilePath));
        }

        json.WriteEndObject();
        WriteRegion(json, diagnostic.Span);
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteRegion(Utf8JsonWriter json, SourceSpan span)
    {
        // SourceSpan's end column is inclusive, SARIF's is exclusive. A span that is malformed (0, or ending before it
        // starts) is clamped rather than written: the schema requires every value to be at least 1.
        var startLine = Math.Max(span.Line, 1);
        var startColumn = Math.Max(span.Column, 1);
        var endLine = Math.Max(span.EndLine, startLine);
        var endColumn = Math.Max(span.EndColumn, 1) + 1;
        if (endLine == startLine && endColumn <= startColumn)
        {
            endColumn = startColumn + 1;
        }

        json.WriteStartObject("region");
        json.WriteNumber("startLine", startLine);
        json.WriteNumber("startColumn", startColumn);
        json.WriteNumber("endLine", endLine);
        json.WriteNumber("endColumn", endColumn);
        json.WriteEndObject();
    }

    /// <summary>The whole catalog, in catalog order, so ruleIndex values are stable across builds; a descriptor outside it goes after, by id.</summary>
    private static List<DiagnosticDescriptor> RuleCatalog(IEnumerable<DiagnosticDescriptor> used)
    {
        var rules = Rules.All.ToList();
        var known = new HashSet<string>(rules.Select(r => r.Id), StringComparer.Ordinal);
        rules.AddRange(used.Where(d => known.Add(d.Id)).OrderBy(d => d.Id, StringComparer.Ordinal));
        return rules;
    }

    private static void Replace(string temporary, string destination)
    {
#if NET
        File.Move(temporary, destination, overwrite: true);
#else
        // .NET Framework has no overwriting Move; File.Replace is its atomic swap, and needs the destination to exist.
        if (File.Exists(destination))
        {
            File.Replace(temporary, destination, destinationBackupFileName: null);
        }
        else
        {
            File.Move(temporary, destination);
        }
#endif
    }

    private static string Scrub(string text) => ReportText.ScrubSurrogates(text);

    /// <summary>File, position, rule, message: the order a reader scans a log in, and independent of the validator's order.</summary>
    private sealed class FindingOrder : IComparer<(PlanDiagnostic Diagnostic, PlanSeverity Severity)>
    {
        public static FindingOrder Instance { get; } = new();

        public int Compare((PlanDiagnostic Diagnostic, PlanSeverity Severity) x, (PlanDiagnostic Diagnostic, PlanSeverity Severity) y)
        {
            var a = x.Diagnostic;
            var b = y.Diagnostic;
            var c = string.CompareOrdinal(a.FilePath, b.FilePath);
            if (c == 0) c = a.Span.Line.CompareTo(b.Span.Line);
            if (c == 0) c = a.Span.Column.CompareTo(b.Span.Column);
            if (c == 0) c = a.Span.EndLine.CompareTo(b.Span.EndLine);
            if (c == 0) c = a.Span.EndColumn.CompareTo(b.Span.EndColumn);
            if (c == 0) c = string.CompareOrdinal(a.Descriptor.Id, b.Descriptor.Id);
            if (c == 0) c = string.CompareOrdinal(a.Message, b.Message);
            if (c == 0) c = x.Severity.CompareTo(y.Severity);
            return c;
        }
    }
}

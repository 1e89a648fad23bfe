using System.Reflection;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;
using MilestonePlan.Core.Diagnostics;
using MilestonePlan.Tasks.Reporting;

namespace MilestonePlan.Tasks;

/// <summary>The reports of one validation beside the build log: the SARIF log (MilestonePlanSarifFile) and GitHub's step summary.</summary>
internal static class ValidationReports
{
    /// <summary>The package's version as SARIF's tool version ("+commit" metadata included when the build stamped it).</summary>
    public static string ToolVersion { get; } =
        typeof(ValidationReports).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? typeof(ValidationReports).Assembly.GetName().Version?.ToString()
        ?? "0.0.0";

    /// <summary>
    /// Writes both reports; an empty <paramref name="findings"/> still writes a SARIF log (with no results), so a CI
    /// upload step always finds one. A report that cannot be written is a low-importance message, never a failed build:
    /// the findings are already in the build log.
    /// </summary>
    public static void Write(
        TaskLoggingHelper log,
        string? sarifFile,
        IReadOnlyList<(PlanDiagnostic Diagnostic, PlanSeverity Severity)> findings,
        string repositoryRoot,
        Func<string, string?> environment)
    {
        if (!string.IsNullOrWhiteSpace(sarifFile))
        {
            try
            {
                SarifLog.Write(sarifFile!, findings, repositoryRoot, ToolVersion);
                log.LogMessage(MessageImportance.Normal, $"MilestonePlan: SARIF log written to '{sarifFile}' ({findings.Count(f => f.Severity != PlanSeverity.None)} result(s)).");
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
            {
                log.LogMessage(MessageImportance.High, $"MilestonePlan: cannot write the SARIF log '{sarifFile}': {e.Message}");
            }
        }

        var counts = findings.GroupBy(f => f.Severity).ToDictionary(g => g.Key, g => g.Count());
        if (StepSummary.AppendIfRequested(environment, StepSummary.Markdown(counts, findings, repositoryRoot, null)))
        {
            log.LogMessage(MessageImportance.Low, $"MilestonePlan: summary appended to {StepSummary.EnvironmentVariable}.");
        }
    }
}

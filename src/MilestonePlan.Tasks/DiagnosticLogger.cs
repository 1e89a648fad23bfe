using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;
using MilestonePlan.Core.Diagnostics;

namespace MilestonePlan.Tasks;

/// <summary>Logs findings with their code, exact span and help link, at the severity the user configured.</summary>
internal static class DiagnosticLogger
{
    public static void Log(TaskLoggingHelper log, PlanDiagnostic diagnostic, PlanSeverity severity)
    {
        var span = diagnostic.Span;
        var d = diagnostic.Descriptor;
        switch (severity)
        {
            case PlanSeverity.Error:
                log.LogError(null, d.Id, d.HelpLink, d.HelpLink, diagnostic.FilePath, span.Line, span.Column, span.EndLine, span.EndColumn,
                    diagnostic.Message);
                break;
            case PlanSeverity.Warning:
                log.LogWarning(null, d.Id, d.HelpLink, d.HelpLink, diagnostic.FilePath, span.Line, span.Column, span.EndLine, span.EndColumn,
                    diagnostic.Message);
                break;
            case PlanSeverity.Info:
                log.LogMessage(null, d.Id, d.HelpLink, diagnostic.FilePath, span.Line, span.Column, span.EndLine, span.EndColumn,
                    MessageImportance.High, "info " + d.Id + ": " + diagnostic.Message);
                break;
            case PlanSeverity.Hidden:
                log.LogMessage(null, d.Id, d.HelpLink, diagnostic.FilePath, span.Line, span.Column, span.EndLine, span.EndColumn,
                    MessageImportance.Low, "hidden " + d.Id + ": " + diagnostic.Message);
                break;
        }
    }
}

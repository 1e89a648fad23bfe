namespace MilestonePlan.Core.Diagnostics;

/// <summary>
/// Severity of a finding, in the vocabulary .NET developers already use for analyzers
/// (<c>dotnet_diagnostic.ID.severity = error | warning | suggestion | silent | none</c>).
/// </summary>
internal enum PlanSeverity
{
    /// <summary>Not reported at all.</summary>
    None = 0,

    /// <summary>Reported as a low-importance message (editorconfig <c>silent</c>).</summary>
    Hidden = 1,

    /// <summary>Reported as a message (editorconfig <c>suggestion</c>).</summary>
    Info = 2,

    Warning = 3,

    Error = 4,
}

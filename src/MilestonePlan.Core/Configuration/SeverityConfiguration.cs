using MilestonePlan.Core.Diagnostics;

namespace MilestonePlan.Core.Configuration;

/// <summary>
/// The effective severity of a finding, the way .NET developers already configure analyzers:
/// .globalconfig, then .editorconfig (nearest wins), then NoWarn, WarningsAsErrors, TreatWarningsAsErrors
/// and WarningsNotAsErrors. The build reads .editorconfig for Markdown files itself because Roslyn applies
/// .editorconfig sections to source files only (roslyn #55921); both files work here.
/// </summary>
internal sealed class SeverityConfiguration
{
    private readonly IReadOnlyList<AnalyzerConfigFile> globalConfigs;
    private readonly Func<string, IReadOnlyList<AnalyzerConfigFile>> editorConfigsFor;
    private readonly HashSet<string> noWarn;
    private readonly HashSet<string> warningsAsErrors;
    private readonly HashSet<string> warningsNotAsErrors;
    private readonly bool treatWarningsAsErrors;

    /// <param name="editorConfigsFor">The .editorconfig files that apply to a file, farthest first (stopping at root = true).</param>
    public SeverityConfiguration(
        IReadOnlyList<AnalyzerConfigFile> globalConfigs,
        Func<string, IReadOnlyList<AnalyzerConfigFile>> editorConfigsFor,
        string? noWarn,
        string? warningsAsErrors,
        string? warningsNotAsErrors,
        bool treatWarningsAsErrors)
    {
        this.globalConfigs = globalConfigs;
        this.editorConfigsFor = editorConfigsFor;
        this.noWarn = Codes(noWarn);
        this.warningsAsErrors = Codes(warningsAsErrors);
        this.warningsNotAsErrors = Codes(warningsNotAsErrors);
        this.treatWarningsAsErrors = treatWarningsAsErrors;
    }

    public static SeverityConfiguration Default { get; } = new([], _ => [], null, null, null, false);

    public PlanSeverity Effective(PlanDiagnostic diagnostic)
    {
        var severity = diagnostic.DefaultSeverity;
        foreach (var config in globalConfigs)
        {
            severity = config.SeverityFor(diagnostic.Id, diagnostic.FilePath) ?? severity;
        }

        foreach (var config in editorConfigsFor(diagnostic.FilePath))
        {
            severity = config.SeverityFor(diagnostic.Id, diagnostic.FilePath) ?? severity;
        }

        if (severity is PlanSeverity.Warning or PlanSeverity.Info && noWarn.Contains(diagnostic.Id))
        {
            return PlanSeverity.None;
        }

        var promote = warningsAsErrors.Contains(diagnostic.Id)
            || (treatWarningsAsErrors && !warningsNotAsErrors.Contains(diagnostic.Id));
        return severity == PlanSeverity.Warning && promote ? PlanSeverity.Error : severity;
    }

    /// <summary>`MP3001;CS1591, MP2002` → the set of codes (MSBuild lists use `;`, people also use `,`).</summary>
    private static HashSet<string> Codes(string? list) =>
        new((list ?? string.Empty).Split([';', ',', ' ', '\t', '\r', '\n'], StringSplitOptions.RemoveEmptyEntries).Select(c => c.Trim()),
            StringComparer.OrdinalIgnoreCase);
}

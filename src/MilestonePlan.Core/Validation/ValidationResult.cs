using MilestonePlan.Core.Diagnostics;
using MilestonePlan.Core.Model;

namespace MilestonePlan.Core.Validation;

/// <summary>The outcome of validating a repository's plans.</summary>
/// <param name="Diagnostics">Findings in file order, then position.</param>
/// <param name="Plans">Every plan found, parsed.</param>
/// <param name="InputFiles">Every file read, for incremental-build fingerprints.</param>
internal sealed record ValidationResult(
    IReadOnlyList<PlanDiagnostic> Diagnostics,
    IReadOnlyList<PlanDocument> Plans,
    IReadOnlyList<string> InputFiles);

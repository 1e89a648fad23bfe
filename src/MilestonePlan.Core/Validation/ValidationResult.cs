using MilestonePlan.Core.Diagnostics;
using MilestonePlan.Core.Model;

namespace MilestonePlan.Core.Validation;

/// <summary>The outcome of validating a repository's plans.</summary>
/// <param name="Diagnostics">Findings in file order, then position.</param>
/// <param name="PlanCount">How many plans were found and parsed.</param>
/// <param name="ExtraInputs">
/// Full paths of the files besides the docs tree that the findings depend on: the files the plans link to (guides,
/// required reads; whether they exist) and specs read from elsewhere in the repository (their text). A build that
/// skips an unchanged docs tree watches these too.
/// </param>
internal sealed record ValidationResult(
    IReadOnlyList<PlanDiagnostic> Diagnostics,
    int PlanCount,
    IReadOnlyList<string> ExtraInputs)
{
    /// <summary>
    /// Every plan parsed, in discovery order, when asked for (<see cref="RepositoryValidator.ValidateAndKeepPlans"/>);
    /// otherwise empty. A build needs only the findings, and keeping every model alive until the end of the run made
    /// the collector copy them on each collection: a quarter of the validation's time on the 40-milestone benchmark.
    /// </summary>
    public IReadOnlyList<PlanDocument> Plans { get; init; } = [];
}

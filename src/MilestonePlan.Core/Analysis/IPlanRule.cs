using MilestonePlan.Core.Diagnostics;

namespace MilestonePlan.Core.Analysis;

/// <summary>A family of rules: a pure function from a plan (and a read-only file view) to findings.</summary>
internal interface IPlanRule
{
    IEnumerable<PlanDiagnostic> Analyze(PlanContext context);
}

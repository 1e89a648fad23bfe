namespace MilestonePlan.Core.Model;

/// <summary>A parsed IMPLEMENTATION_PLAN.md (placeholder until the parser lands).</summary>
public sealed record PlanDocument(string Path);

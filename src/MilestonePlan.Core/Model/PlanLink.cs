namespace MilestonePlan.Core.Model;

/// <summary>A file the plan points at: a relative Markdown link, or a required read in backticks.</summary>
/// <param name="Target">The path as written, without any `#anchor`.</param>
/// <param name="IsRepositoryRelative">Required reads are repository-relative; links are relative to the plan's folder.</param>
internal sealed record PlanLink(string Target, TextCell Cell, bool IsRepositoryRelative);

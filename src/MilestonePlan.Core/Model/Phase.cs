using MilestonePlan.Core.Diagnostics;

namespace MilestonePlan.Core.Model;

/// <summary>A phase heading and the issue rows under it. Tables before any phase heading form phase 0.</summary>
/// <param name="DefaultPriority">A priority written in the heading (`Phase 1: Setup (P0)`), used for rows without a Priority column.</param>
internal sealed record Phase(int Index, string Name, TextCell? Heading, Priority DefaultPriority, IReadOnlyList<IssueRow> Issues);

using MilestonePlan.Core.Diagnostics;

namespace MilestonePlan.Core.Model;

/// <summary>One dependency as written: the number and where it is in the cell.</summary>
/// <param name="IsExternal">A GitHub issue outside the plan (`#243 (models)`): read, not checked.</param>
internal sealed record DependencyReference(IssueNumber Number, string Written, SourceSpan Span, bool IsExternal = false, string? FileName = null);

/// <summary>A dependency cell: what could be read, or that it could not be read (MP3005).</summary>
internal sealed record DependencyList(TextCell? Cell, IReadOnlyList<DependencyReference> References, bool IsReadable)
{
    public static DependencyList None { get; } = new(null, Array.Empty<DependencyReference>(), true);
}

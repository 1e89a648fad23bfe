using MilestonePlan.Core.Diagnostics;

namespace MilestonePlan.Core.Model;

/// <summary>A value of the spec's YAML front matter: a scalar or a list, and where it is.</summary>
internal sealed record FrontMatterValue(string? Scalar, IReadOnlyList<string>? Items, SourceSpan Span)
{
    public bool IsEmpty => string.IsNullOrWhiteSpace(Scalar) && (Items is null || Items.Count == 0);
}

/// <summary>A parsed issue spec (`01-some-name.md`).</summary>
/// <param name="FrontMatter">Keys in lower case; empty when the spec has none.</param>
/// <param name="FrontMatterError">Why the front matter could not be read, with its position.</param>
/// <param name="DoneDefinition">The `## Done Definition` / `## Done` heading, if any.</param>
/// <param name="AcceptanceCriteria">The `## Acceptance Criteria` heading, if any.</param>
/// <param name="AcceptanceItems">Checkbox items under Acceptance Criteria, in order.</param>
/// <param name="ReadError">Why the spec could not be read at all (then nothing else is known).</param>
internal sealed record IssueSpec(
    string Path,
    IReadOnlyDictionary<string, FrontMatterValue> FrontMatter,
    SourceSpan? FrontMatterSpan,
    PlanDiagnostic? FrontMatterError,
    TextCell? Title,
    TextCell? DoneDefinition,
    TextCell? AcceptanceCriteria,
    IReadOnlyList<TextCell> AcceptanceItems,
    PlanDiagnostic? ReadError)
{
    public FrontMatterValue? Get(string key) => FrontMatter.TryGetValue(key, out var v) ? v : null;
}

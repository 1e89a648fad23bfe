namespace MilestonePlan.Core.Model;

/// <summary>
/// A line nested under a tracking entry (`  - Status: ✓ Checks passing`, `  - Findings:`), with the items of a list
/// nested under it in turn (the numbered findings). Read so that the code-review formats can be read back (issue #22);
/// the state of an issue never depends on them.
/// </summary>
/// <param name="Line">The nested item's paragraph: all of it, so text that ran on to a second line shows in <see cref="TextCell.Raw"/>.</param>
/// <param name="Items">The first paragraph of each item of the lists nested under it.</param>
internal sealed record TrackingDetail(TextCell Line, IReadOnlyList<TextCell> Items)
{
    /// <summary>`Code Review` from `Code Review: ⏳ Pending` (emphasis around it aside); null when the line has no colon.</summary>
    public string? Label => Colon < 0 ? null : Line.Raw.Substring(0, Colon).Trim().Trim('*', '_').Trim();

    /// <summary>The source after the label's colon (spaces aside, and the closing `**` of a bold label); the whole line when it has no label.</summary>
    public string Value => Colon < 0 ? Line.Raw
        : (Line.Raw.StartsWith("*", StringComparison.Ordinal) || Line.Raw.StartsWith("_", StringComparison.Ordinal)
            ? Line.Raw.Substring(Colon + 1).TrimStart('*', '_') : Line.Raw.Substring(Colon + 1)).Trim();

    private int Colon => Line.Raw.IndexOf(':');
}

using MilestonePlan.Core.Diagnostics;

namespace MilestonePlan.Core.Model;

/// <summary>
/// A piece of plan text and where it is: a table cell, a field value, a checklist line.
/// <paramref name="Text"/> is the plain text (backticks, emphasis and link syntax removed);
/// <paramref name="Raw"/> is the source as written.
/// </summary>
internal sealed record TextCell(string Text, string Raw, SourceSpan Span)
{
    public bool IsEmpty => Text.Length == 0;

    public override string ToString() => Text;
}

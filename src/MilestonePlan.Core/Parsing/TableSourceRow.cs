using MilestonePlan.Core.Model;

namespace MilestonePlan.Core.Parsing;

/// <summary>
/// One row of a pipe table as the plan readers see it, whichever reader found the table (<see cref="MarkdigTableRows"/>
/// or <see cref="SimpleTable"/>): the source range of the row, inclusive, and its cells in order.
/// </summary>
internal sealed record TableSourceRow(int Start, int End, IReadOnlyList<RowCell> Cells);

/// <summary>A cell of a <see cref="TableSourceRow"/> and the offset where its raw text starts (where an empty one would).</summary>
internal readonly record struct RowCell(TextCell Cell, int Offset);

using MilestonePlan.Core.Diagnostics;
using MilestonePlan.Core.Model;

namespace MilestonePlan.Core.Parsing;

/// <summary>
/// What every reader of one plan parse shares: the file, its positions and the outputs that more than one concern
/// appends to. Placeholders, links and diagnostics keep document order, so they are single lists every reader adds
/// to as it meets the text, rather than per-reader lists merged at the end.
/// </summary>
internal sealed class PlanParseContext(string path, SourceMap map)
{
    public string Path { get; } = path;

    public SourceMap Map { get; } = map;

    public SourceCells Cells { get; } = new(map);

    /// <summary>Cells that may still hold template text (`{...}`, `&lt;...&gt;`), in document order.</summary>
    public List<TextCell> Placeholders { get; } = [];

    public List<PlanLink> Links { get; } = [];

    public List<PlanDiagnostic> Diagnostics { get; } = [];
}

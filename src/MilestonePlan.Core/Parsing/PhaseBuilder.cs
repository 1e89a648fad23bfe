using MilestonePlan.Core.Model;

namespace MilestonePlan.Core.Parsing;

/// <summary>A phase while its table is read; the rows are added as they come, then <see cref="Build"/> freezes it.</summary>
internal sealed class PhaseBuilder(int index, string name, TextCell? heading, Priority defaultPriority)
{
    public int Index { get; } = index;

    public string Name { get; } = name;

    public TextCell? Heading { get; } = heading;

    public Priority DefaultPriority { get; } = defaultPriority;

    public List<IssueRow> Rows { get; } = [];

    public bool HasTable { get; set; }

    /// <summary>The phase a heading opens: `Phase 1: Bootstrap — Issues #01, #02 (P1)` is "Phase 1: Bootstrap", P1.</summary>
    public static PhaseBuilder FromHeading(int index, TextCell heading) =>
        new(index, PhaseName(heading.Text), heading, PhasePriority(heading.Text));

    public Phase Build() => new(Index, Name, Heading, DefaultPriority, Rows);

    private static string PhaseName(string heading)
    {
        // "Phase 1: Bootstrap — Issues #01, #02" → "Phase 1: Bootstrap".
        var dash = heading.IndexOfAny(['—', '–']);
        var name = dash > 0 ? heading.Substring(0, dash) : heading;
        var paren = name.IndexOf('(');
        return (paren > 0 ? name.Substring(0, paren) : name).Trim();
    }

    private static Priority PhasePriority(string heading)
    {
        var open = heading.LastIndexOf('(');
        var close = open >= 0 ? heading.IndexOf(')', open) : -1;
        return close > open + 1 && Priority.TryParse(heading.Substring(open + 1, close - open - 1), out var p) ? p : Priority.Unknown;
    }
}

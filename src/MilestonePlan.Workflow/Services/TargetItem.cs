namespace MilestonePlan.Workflow.Services;

/// <summary>
/// One item a workflow target returns (`dotnet msbuild -t:NextIssue -getTargetResult:NextIssue`): what it printed, as
/// metadata a coding agent or CI reads instead of console text. Names are stable and listed in docs/targets.md.
/// </summary>
internal sealed record TargetItem(string Identity, IReadOnlyDictionary<string, string> Metadata)
{
    public static TargetItem Of(string identity, params (string Name, string? Value)[] metadata) =>
        new(identity, metadata.Where(m => m.Value is not null).ToDictionary(m => m.Name, m => Publishing.PublishedText.PlanLine(m.Value!)));
}

/// <summary>The items of one target run, in the order they were found.</summary>
internal sealed class TargetItems
{
    private readonly List<TargetItem> items = [];

    public IReadOnlyList<TargetItem> All => items;

    public void Add(TargetItem item) => items.Add(item);

    /// <summary>A target built on others (RunMilestone) reports its own summary instead of theirs.</summary>
    public void Clear() => items.Clear();
}

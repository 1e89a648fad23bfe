namespace MilestonePlan.Workflow.StopConditions;

/// <summary>Hard: a person must look (⛔). Soft: skip and go on (⏭️). Safety: a hard stop no option can bypass.</summary>
internal enum StopKind
{
    Soft,
    Hard,
    Safety,
}

/// <summary>Why an issue must not be submitted. <see cref="Reason"/> never contains secret text.</summary>
internal sealed record StopFinding(StopKind Kind, string Code, string Reason, string Needs, string? Path = null, int? Line = null)
{
    public bool IsHard => Kind is StopKind.Hard or StopKind.Safety;

    /// <summary>The status the plan records: `⛔ Needs Review (STOP)` or `⏭️ Skipped`.</summary>
    public string PlanStatus => IsHard ? "⛔ Needs Review (STOP)" : "⏭️ Skipped";

    public override string ToString() => $"{Code}: {Reason}" + (Path is null ? string.Empty : $" ({Path}{(Line is { } l ? ":" + l : string.Empty)})");
}

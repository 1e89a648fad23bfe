using System.Diagnostics.Tracing;

namespace MilestonePlan.Benchmarks;

/// <summary>
/// Which types a piece of work allocates, from the runtime's own sampled allocation events (one event per ~100 KB
/// allocated, naming the type that crossed the mark): the bytes per type are estimates, their ranking is reliable.
/// </summary>
internal sealed class AllocationSampler : EventListener
{
    private const EventKeywords GcKeyword = (EventKeywords)0x1;
    private readonly Dictionary<string, long> bytesByType = new(StringComparer.Ordinal);
    private bool sampling;

    public static IReadOnlyList<(string Type, long Bytes)> Sample(Action work, int runs)
    {
        using var sampler = new AllocationSampler();
        sampler.sampling = true;
        for (var i = 0; i < runs; i++)
        {
            work();
        }

        sampler.sampling = false;
        lock (sampler.bytesByType)
        {
            return sampler.bytesByType.OrderByDescending(p => p.Value).Select(p => (p.Key, p.Value / runs)).ToList();
        }
    }

    protected override void OnEventSourceCreated(EventSource source)
    {
        if (source.Name == "Microsoft-Windows-DotNETRuntime")
        {
            EnableEvents(source, EventLevel.Verbose, GcKeyword);
        }
    }

    protected override void OnEventWritten(EventWrittenEventArgs e)
    {
        if (!sampling || e.EventName is null || !e.EventName.StartsWith("GCAllocationTick", StringComparison.Ordinal) || e.Payload is null)
        {
            return;
        }

        var type = e.PayloadNames?.IndexOf("TypeName") is int t and >= 0 ? e.Payload[t] as string ?? "?" : "?";
        var amount = e.PayloadNames?.IndexOf("AllocationAmount64") is int a and >= 0 ? Convert.ToInt64(e.Payload[a]) : 100_000;
        lock (bytesByType)
        {
            bytesByType[type] = bytesByType.GetValueOrDefault(type) + amount;
        }
    }
}

using System.Collections.Concurrent;

namespace MilestonePlan.Analyzers;

/// <summary>
/// Computes each key's value at most once, for every thread that asks. A computation that was cancelled is
/// forgotten instead of cached, so the next request (the IDE cancels and retries analysis freely) computes it again.
/// </summary>
internal sealed class OnceMap<TKey, TValue>(IEqualityComparer<TKey> comparer)
    where TKey : notnull
{
    private readonly ConcurrentDictionary<TKey, Lazy<TValue>> values = new(comparer);

    public TValue Get(TKey key, Func<TKey, TValue> compute)
    {
        var lazy = values.GetOrAdd(key, k => new Lazy<TValue>(() => compute(k), LazyThreadSafetyMode.ExecutionAndPublication));
        try
        {
            return lazy.Value;
        }
        catch (OperationCanceledException)
        {
            // Remove only this attempt: another thread may already have put a fresh one in its place.
            ((ICollection<KeyValuePair<TKey, Lazy<TValue>>>)values).Remove(new KeyValuePair<TKey, Lazy<TValue>>(key, lazy));
            throw;
        }
    }
}

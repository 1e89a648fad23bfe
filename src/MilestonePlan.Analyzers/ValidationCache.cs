using System.Collections.Concurrent;
using Microsoft.CodeAnalysis.Text;
using MilestonePlan.Core.Diagnostics;

namespace MilestonePlan.Analyzers;

/// <summary>
/// Findings of each plan kept across compilations, so an edit in one milestone costs that milestone's validation,
/// not the whole tree's. An entry is reused only when the options and the set of Markdown paths are the same and
/// every file the validation read has the same text (the same SourceText object, or equal content).
/// </summary>
internal sealed class ValidationCache
{
    /// <summary>Plans remembered at most; past it the cache starts over (plans that were deleted leave their entries).</summary>
    private const int MaxEntries = 4096;

    private readonly ConcurrentDictionary<string, Entry> entries = new(StringComparer.Ordinal);

    public Dictionary<string, List<PlanDiagnostic>>? TryGet(string key, CompilationTexts texts)
    {
        if (!entries.TryGetValue(key, out var entry)
            || !string.Equals(entry.PathsKey, texts.PathsKey, StringComparison.Ordinal))
        {
            return null;
        }

        foreach (var (path, before) in entry.Reads)
        {
            texts.Texts.TryGetValue(path, out var now);
            if (!ReferenceEquals(before, now) && (before is null || now is null || !before.ContentEquals(now)))
            {
                return null;
            }
        }

        return entry.Findings;
    }

    public void Add(string key, CompilationTexts texts, IEnumerable<string> read, Dictionary<string, List<PlanDiagnostic>> findings)
    {
        if (entries.Count >= MaxEntries)
        {
            entries.Clear();
        }

        var reads = read.Select(p => (p, texts.Texts.TryGetValue(p, out var text) ? text : null)).ToList();
        entries[key] = new Entry(texts.PathsKey, reads, findings);
    }

    private sealed record Entry(string PathsKey, List<(string Path, SourceText? Text)> Reads, Dictionary<string, List<PlanDiagnostic>> Findings);
}

using Microsoft.CodeAnalysis;
using MilestonePlan.Core.IO;

namespace MilestonePlan.Analyzers;

/// <summary>
/// The analyzer's view of the repository: only the AdditionalFiles it was given (an analyzer may not read the
/// disk, RS1035). Files it does not hold are "unknown", so disk-only rules stay silent in the IDE.
/// </summary>
internal static class AdditionalFilesView
{
    public static InMemoryFileSystem Create(IEnumerable<AdditionalText> files, CancellationToken cancellationToken)
    {
        var texts = new List<KeyValuePair<string, string>>();
        foreach (var file in files)
        {
            if (!file.Path.EndsWith(".md", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var text = file.GetText(cancellationToken)?.ToString();
            if (text is not null)
            {
                texts.Add(new KeyValuePair<string, string>(file.Path, text));
            }
        }

        return new InMemoryFileSystem(texts, isComplete: false);
    }
}

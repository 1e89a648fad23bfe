using Microsoft.CodeAnalysis.Text;
using MilestonePlan.Core.IO;

namespace MilestonePlan.Analyzers;

/// <summary>
/// The analyzer's view of the repository: only the AdditionalFiles it was given (an analyzer may not read the
/// disk, RS1035). Files it does not hold are "unknown", so disk-only rules stay silent in the IDE.
/// </summary>
internal static class AdditionalFilesView
{
    /// <summary>
    /// From texts already taken from the compilation (<see cref="CompilationTexts"/>): nothing here can be cancelled,
    /// so a view shared by the compilation's analyses is never left half made by one cancelled request.
    /// </summary>
    public static InMemoryFileSystem Create(IReadOnlyDictionary<string, SourceText> texts) =>
        new(texts.Select(t => new KeyValuePair<string, string>(t.Key, t.Value.ToString())), isComplete: false);
}

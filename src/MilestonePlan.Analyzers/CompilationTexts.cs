using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using MilestonePlan.Core.IO;

namespace MilestonePlan.Analyzers;

/// <summary>
/// The Markdown AdditionalFiles of one compilation: their texts by normalized full path, a key naming which paths
/// exist (every existence answer of the view follows from it), and the engine's view over them, made only when a
/// milestone must really be validated.
/// </summary>
internal sealed class CompilationTexts
{
    private readonly Lazy<InMemoryFileSystem> view;

    public CompilationTexts(ImmutableArray<AdditionalText> files, CancellationToken cancellationToken)
    {
        var texts = new Dictionary<string, SourceText>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            if (file.Path.EndsWith(".md", StringComparison.OrdinalIgnoreCase) && file.GetText(cancellationToken) is { } text)
            {
                // The last file of a path wins, as in the view (InMemoryFileSystem).
                texts[Normalize(file.Path)] = text;
            }
        }

        Texts = texts;
        PathsKey = string.Join("\n", texts.Keys.OrderBy(k => k, StringComparer.Ordinal));
        view = new Lazy<InMemoryFileSystem>(() => AdditionalFilesView.Create(texts));
    }

    public IReadOnlyDictionary<string, SourceText> Texts { get; }

    /// <summary>The sorted paths, one a line: equal keys mean every FileExists/DirectoryExists/EnumerateFiles answers alike.</summary>
    public string PathsKey { get; }

    public InMemoryFileSystem View => view.Value;

    /// <summary>The path as the engine's in-memory view keys it, so a path the engine read can be looked up here.</summary>
    public static string Normalize(string path) => Path.GetFullPath(path).Replace('\\', '/');
}

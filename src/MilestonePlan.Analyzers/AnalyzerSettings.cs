using Microsoft.CodeAnalysis.Diagnostics;
using MilestonePlan.Core.Configuration;

namespace MilestonePlan.Analyzers;

/// <summary>What the build tells the analyzer through global options: whether it is on, and where the repository is.</summary>
internal static class AnalyzerSettings
{
    /// <summary>The validation options, or null when the analyzer is off (command-line builds report through the task).</summary>
    public static ValidationOptions? Read(AnalyzerOptions options)
    {
        var global = options.AnalyzerConfigOptionsProvider.GlobalOptions;
        if (!global.TryGetValue("build_property.MilestonePlanAnalyzerEnabled", out var enabled)
            || !string.Equals(enabled, "true", StringComparison.OrdinalIgnoreCase)
            || !global.TryGetValue("build_property.MilestonePlanRepositoryRoot", out var root) || string.IsNullOrWhiteSpace(root))
        {
            return null;
        }

        global.TryGetValue("build_property.MilestonePlanDocsRoot", out var docsRoot);
        return new ValidationOptions
        {
            RepositoryRoot = root,
            DocsRoot = string.IsNullOrWhiteSpace(docsRoot) ? "docs/03-build-notes" : docsRoot!,
        };
    }
}

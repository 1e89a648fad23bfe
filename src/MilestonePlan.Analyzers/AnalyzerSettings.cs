using Microsoft.CodeAnalysis.Diagnostics;
using MilestonePlan.Core.Configuration;

namespace MilestonePlan.Analyzers;

/// <summary>What the build tells the analyzer through global options: whether it is on, where the repository is, and what to validate.</summary>
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

        // The same factory as the build task's and the workflow's (the properties are CompilerVisibleProperty items in the props).
        string? Property(string name) => global.TryGetValue("build_property." + name, out var value) ? value : null;
        return ValidationSettings.Create(root, Property("MilestonePlanDocsRoot"), Property("MilestonePlanNonSpecFiles"),
            Property("MilestonePlanMaxPlanBytes"), Property("MilestonePlanMaxSpecBytes"));
    }
}

using Microsoft.CodeAnalysis;
using MilestonePlan.Core.Diagnostics;
using RoslynDescriptor = Microsoft.CodeAnalysis.DiagnosticDescriptor;

namespace MilestonePlan.Analyzers;

/// <summary>Roslyn descriptors made one to one from the engine's catalog: same IDs, titles, categories, help links.</summary>
internal static class DescriptorCatalog
{
    public static IReadOnlyDictionary<string, RoslynDescriptor> ById { get; } = Rules.All
        .Where(r => !r.Id.StartsWith("MP9", StringComparison.Ordinal))
        .ToDictionary(r => r.Id, Create);

    private static RoslynDescriptor Create(Core.Diagnostics.DiagnosticDescriptor rule) => new(
        rule.Id,
        rule.Title,
        "{0}",
        rule.Category,
        ToRoslyn(rule.DefaultSeverity),
        isEnabledByDefault: rule.DefaultSeverity != PlanSeverity.None,
        description: rule.Description,
        helpLinkUri: rule.HelpLink);

    public static DiagnosticSeverity ToRoslyn(PlanSeverity severity) => severity switch
    {
        PlanSeverity.Error => DiagnosticSeverity.Error,
        PlanSeverity.Warning => DiagnosticSeverity.Warning,
        PlanSeverity.Info => DiagnosticSeverity.Info,
        _ => DiagnosticSeverity.Hidden,
    };
}

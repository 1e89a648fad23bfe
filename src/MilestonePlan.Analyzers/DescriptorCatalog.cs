using System.Collections.Concurrent;
using Microsoft.CodeAnalysis;
using MilestonePlan.Core.Diagnostics;
using RoslynDescriptor = Microsoft.CodeAnalysis.DiagnosticDescriptor;

namespace MilestonePlan.Analyzers;

/// <summary>
/// Roslyn descriptors made one to one from the engine's catalog: same IDs, titles, categories, help links and message
/// formats, each rule with its other situations (<see cref="RuleMessages"/>) as further descriptors of the same ID,
/// the way Roslyn's own analyzers give one ID several messages. The workflow's MP9xxx never come from the analyzer.
/// </summary>
internal static class DescriptorCatalog
{
    private static readonly ConcurrentDictionary<(string Id, string Format), RoslynDescriptor> ByFormat = new();

    public static IReadOnlyList<RoslynDescriptor> All { get; } = Rules.All.Concat(RuleMessages.All)
        .Where(r => !r.Id.StartsWith("MP9", StringComparison.Ordinal))
        .Select(For)
        .ToList();

    public static IReadOnlyDictionary<string, RoslynDescriptor> ById { get; } = Rules.All
        .Where(r => !r.Id.StartsWith("MP9", StringComparison.Ordinal))
        .ToDictionary(r => r.Id, For);

    /// <summary>The Roslyn descriptor with the same ID and message format as <paramref name="rule"/>.</summary>
    public static RoslynDescriptor For(Core.Diagnostics.DiagnosticDescriptor rule) => ByFormat.GetOrAdd((rule.Id, rule.MessageFormat), _ => new(
        rule.Id,
        rule.Title,
        rule.MessageFormat,
        rule.Category,
        ToRoslyn(rule.DefaultSeverity),
        isEnabledByDefault: rule.DefaultSeverity != PlanSeverity.None,
        description: rule.Description,
        helpLinkUri: rule.HelpLink));

    /// <summary>A Roslyn diagnostic with the engine's format and arguments: the same text the build prints.</summary>
    public static Diagnostic Create(PlanDiagnostic diagnostic, Location location) =>
        Diagnostic.Create(For(diagnostic.Descriptor), location, diagnostic.Arguments.Cast<object>().ToArray());

    public static DiagnosticSeverity ToRoslyn(PlanSeverity severity) => severity switch
    {
        PlanSeverity.Error => DiagnosticSeverity.Error,
        PlanSeverity.Warning => DiagnosticSeverity.Warning,
        PlanSeverity.Info => DiagnosticSeverity.Info,
        _ => DiagnosticSeverity.Hidden,
    };
}

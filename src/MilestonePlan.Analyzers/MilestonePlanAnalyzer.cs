using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using MilestonePlan.Core.Diagnostics;
using MilestonePlan.Core.Validation;
using MilestonePlan.Core.Configuration;

namespace MilestonePlan.Analyzers;

/// <summary>
/// Runs the plan rules in the IDE over the plans and specs passed as AdditionalFiles, and reports each finding
/// inside the Markdown file. Active only when the build says so (MilestonePlanAnalyzerEnabled, set for IDE
/// design-time builds) so a command-line build reports each finding once, from the MSBuild task.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp, LanguageNames.VisualBasic)]
public sealed class MilestonePlanAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<Microsoft.CodeAnalysis.DiagnosticDescriptor> SupportedDiagnostics { get; } =
        DescriptorCatalog.ById.Values.ToImmutableArray();

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();

        // Per additional file, not at compilation end: Visual Studio's live analysis skips compilation-end actions.
        context.RegisterAdditionalFileAction(AnalyzeFile);
    }

    private static void AnalyzeFile(AdditionalFileAnalysisContext context)
    {
        var file = context.AdditionalFile;
        if (!file.Path.EndsWith(".md", StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        var global = context.Options.AnalyzerConfigOptionsProvider.GlobalOptions;
        if (!global.TryGetValue("build_property.MilestonePlanAnalyzerEnabled", out var enabled)
            || !string.Equals(enabled, "true", StringComparison.OrdinalIgnoreCase)
            || !global.TryGetValue("build_property.MilestonePlanRepositoryRoot", out var root) || string.IsNullOrWhiteSpace(root))
        {
            return;
        }

        global.TryGetValue("build_property.MilestonePlanDocsRoot", out var docsRoot);
        var options = new ValidationOptions
        {
            RepositoryRoot = root,
            DocsRoot = string.IsNullOrWhiteSpace(docsRoot) ? "docs/03-build-notes" : docsRoot!,
        };

        // The plan of this file's milestone folder is validated; only findings located in this file are reported here.
        var folder = Normalize(Path.GetDirectoryName(file.Path) ?? string.Empty);
        var plan = context.Options.AdditionalFiles.FirstOrDefault(f =>
            string.Equals(Path.GetFileName(f.Path), PlanDiscovery.PlanFileName, StringComparison.OrdinalIgnoreCase)
            && string.Equals(Normalize(Path.GetDirectoryName(f.Path) ?? string.Empty), folder, StringComparison.Ordinal));
        if (plan is null)
        {
            return;
        }

        var view = AdditionalFilesView.Create(context.Options.AdditionalFiles, context.CancellationToken);
        var (_, diagnostics, _) = RepositoryValidator.ValidatePlan(view, options, Path.GetFullPath(plan.Path));
        var path = Normalize(Path.GetFullPath(file.Path));
        foreach (var diagnostic in diagnostics)
        {
            if (string.Equals(Normalize(diagnostic.FilePath), path, StringComparison.Ordinal)
                && DescriptorCatalog.ById.TryGetValue(diagnostic.Id, out var descriptor))
            {
                context.ReportDiagnostic(Diagnostic.Create(descriptor, LocationIn(file, diagnostic.Span, context.CancellationToken), diagnostic.Message));
            }
        }
    }

    /// <summary>A location inside the Markdown file, from the engine's 1-based inclusive span.</summary>
    internal static Location LocationIn(AdditionalText file, SourceSpan span, CancellationToken cancellationToken)
    {
        var text = file.GetText(cancellationToken);
        if (text is null || text.Lines.Count == 0)
        {
            return Location.None;
        }

        LinePosition Position(int line, int column)
        {
            var index = Math.Max(0, Math.Min(line - 1, text.Lines.Count - 1));
            var length = text.Lines[index].End - text.Lines[index].Start;
            return new LinePosition(index, Math.Max(0, Math.Min(column - 1, length)));
        }

        var start = Position(span.Line, span.Column);
        var end = Position(span.EndLine, span.EndColumn + 1);
        var textSpan = TextSpan.FromBounds(text.Lines.GetPosition(start), Math.Max(text.Lines.GetPosition(start), text.Lines.GetPosition(end)));
        return Location.Create(file.Path, textSpan, new LinePositionSpan(start, end));
    }

    private static string Normalize(string path) => path.Replace('\\', '/');
}

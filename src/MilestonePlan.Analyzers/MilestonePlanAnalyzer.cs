using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using MilestonePlan.Core.Diagnostics;

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
        DescriptorCatalog.All.ToImmutableArray();

    private readonly Action<string>? onPlanValidated;

    // Across compilations: the IDE keeps one analyzer instance and makes a new compilation per edit.
    private readonly ValidationCache cache = new();

    public MilestonePlanAnalyzer()
    {
    }

    /// <summary>For tests: <paramref name="onPlanValidated"/> is called with the plan's path each time a plan is validated.</summary>
    internal MilestonePlanAnalyzer(Action<string> onPlanValidated)
    {
        this.onPlanValidated = onPlanValidated;
    }

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(StartCompilation);
    }

    private void StartCompilation(CompilationStartAnalysisContext context)
    {
        if (AnalyzerSettings.Read(context.Options) is not { } options)
        {
            return;
        }

        // One cache per compilation: each milestone is validated once however many of its files are analyzed.
        var plans = new CompilationPlans(context.Options.AdditionalFiles, options, cache, onPlanValidated);

        // Per additional file, not at compilation end: Visual Studio's live analysis skips compilation-end actions.
        context.RegisterAdditionalFileAction(file => AnalyzeFile(file, plans));
    }

    private static void AnalyzeFile(AdditionalFileAnalysisContext context, CompilationPlans plans)
    {
        var file = context.AdditionalFile;
        if (!file.Path.EndsWith(".md", StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        // The plan of this file's milestone folder is validated; only findings located in this file are reported here.
        foreach (var diagnostic in plans.FindingsIn(file, context.CancellationToken))
        {
            if (DescriptorCatalog.ById.ContainsKey(diagnostic.Id))
            {
                context.ReportDiagnostic(DescriptorCatalog.Create(diagnostic, LocationIn(file, diagnostic.Span, context.CancellationToken)));
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
}

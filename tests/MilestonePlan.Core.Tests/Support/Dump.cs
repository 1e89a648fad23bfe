using MilestonePlan.Core.Diagnostics;

namespace MilestonePlan.Core.Tests.Support;

internal static class Dump
{
    public static string Of(IEnumerable<PlanDiagnostic> diagnostics) =>
        string.Join(Environment.NewLine, diagnostics.Select(d =>
            $"{Path.GetFileName(d.FilePath)}({d.Span.Line},{d.Span.Column},{d.Span.EndLine},{d.Span.EndColumn}): {d.Id}: {d.Message}"));
}

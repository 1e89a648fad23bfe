namespace MilestonePlan.Core.Diagnostics;

/// <summary>One finding: a rule, where it is, and the message with the exact thing named.</summary>
/// <param name="Descriptor">The rule that produced it.</param>
/// <param name="FilePath">Full path of the Markdown file the finding is located in.</param>
/// <param name="Span">Position inside that file.</param>
/// <param name="Message">Formatted message (the descriptor's format with its arguments).</param>
internal sealed record PlanDiagnostic(
    DiagnosticDescriptor Descriptor,
    string FilePath,
    SourceSpan Span,
    string Message)
{
    public string Id => Descriptor.Id;

    public PlanSeverity DefaultSeverity => Descriptor.DefaultSeverity;

    /// <summary>The arguments of <see cref="Message"/> as text (invariant culture), for front ends that format the rule's
    /// message themselves (the IDE analyzer gives Roslyn the same format and arguments).</summary>
    public IReadOnlyList<string> Arguments { get; init; } = [];

    public static PlanDiagnostic Create(DiagnosticDescriptor descriptor, string filePath, SourceSpan span, params object?[] args) =>
        new(descriptor, filePath, span, descriptor.Format(args))
        {
            Arguments = args.Select(a => Convert.ToString(a, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty).ToArray(),
        };

    public override string ToString() =>
        $"{FilePath}({Span.Line},{Span.Column}): {DefaultSeverity.ToString().ToLowerInvariant()} {Id}: {Message}";
}

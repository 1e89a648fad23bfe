using MilestonePlan.Core.Diagnostics;

namespace MilestonePlan.Workflow;

/// <summary>
/// A workflow step that cannot go on: the rule (MP9001 for git/gh, MP9002 for plan writes, or the plan's own rule
/// when a cell is unusable) and why, with the file and position when the cause is in a plan. The message often
/// carries git's or gh's stderr: it is redacted here, once, so no secret reaches the build log.
/// </summary>
internal sealed class WorkflowException(DiagnosticDescriptor rule, string message, string? file = null, SourceSpan? span = null)
    : Exception(Publishing.PublishedText.Log(message))
{
    public DiagnosticDescriptor Rule { get; } = rule;

    public string? File { get; } = file;

    public SourceSpan? Span { get; } = span;

    public static WorkflowException Tool(string message) => new(Rules.MP9001, message);

    public static WorkflowException Write(string message) => new(Rules.MP9002, message);
}

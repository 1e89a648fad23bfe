using MilestonePlan.Core.Diagnostics;

namespace MilestonePlan.Workflow;

/// <summary>
/// A workflow step that cannot go on: the rule (MP9001 for git/gh, MP9002 for plan writes, or the plan's own rule
/// when a cell is unusable) and why, with the file and position when the cause is in a plan. The message often
/// carries git's or gh's stderr: it is redacted here, once, so no secret reaches the build log.
/// </summary>
/// <remarks>The message is already in the rule's words: built by <see cref="Tool"/>, <see cref="Write"/> or the rule's Format.</remarks>
internal sealed class WorkflowException(DiagnosticDescriptor rule, string message, string? file = null, SourceSpan? span = null)
    : Exception(Publishing.PublishedText.Log(message))
{
    public DiagnosticDescriptor Rule { get; } = rule;

    public string? File { get; } = file;

    public SourceSpan? Span { get; } = span;

    /// <summary>git, gh or the repository's state stopped the step (MP9001's words around the reason).</summary>
    public static WorkflowException Tool(string reason) => new(Rules.MP9001, Rules.MP9001.Format(reason));

    /// <summary>A plan or spec file was not read or written (MP9002's words around the reason).</summary>
    public static WorkflowException Write(string reason) => new(Rules.MP9002, Rules.MP9002.Format(reason));
}

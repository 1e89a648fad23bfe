using MilestonePlan.Core.Diagnostics;

namespace MilestonePlan.Workflow;

/// <summary>A workflow step that cannot go on: the rule (MP9001 for git/gh, MP9002 for plan writes) and why.</summary>
public sealed class WorkflowException(DiagnosticDescriptor rule, string message) : Exception(message)
{
    public DiagnosticDescriptor Rule { get; } = rule;

    public static WorkflowException Tool(string message) => new(Rules.MP9001, message);

    public static WorkflowException Write(string message) => new(Rules.MP9002, message);
}

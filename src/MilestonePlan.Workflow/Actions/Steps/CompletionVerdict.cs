namespace MilestonePlan.Workflow.Actions.Steps;

/// <summary>
/// What CompleteMilestone found of the unticked "Milestone Completion Checklist" items, each as the plan writes it:
/// <see cref="Verified"/> held (they are ticked), <see cref="NotHolding"/> are of a kind it verifies and did not hold
/// (each with why; they stop it, MP9003), <see cref="ForPerson"/> only a person can verify (epic acceptance criteria,
/// NFRs, anything else). The last do not stop the base → main PR: it lists them, and the person who merges decides.
/// </summary>
internal sealed record CompletionVerdict(IReadOnlyList<string> Verified, IReadOnlyList<string> NotHolding, IReadOnlyList<string> ForPerson);

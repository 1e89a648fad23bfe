namespace MilestonePlan.Workflow.StopConditions;

/// <summary>What the classifier cannot see in a diff: the PR's base, the merge check, the checks' result, the spec.</summary>
internal sealed record StopFacts(string BaseBranch, bool MergeConflict = false, string? FailedChecks = null, string? SpecProblem = null);

using MilestonePlan.Core.Model;

namespace MilestonePlan.Workflow.Git;

/// <summary>The remote's default branch, asked once per client: null when the remote has none.</summary>
internal sealed record DefaultBranchAnswer(BranchName? Name);

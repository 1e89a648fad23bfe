using MilestonePlan.Core.Model;

namespace MilestonePlan.Core.Selection;

/// <summary>Why an open issue was not chosen.</summary>
internal sealed record PassedOver(IssueRow Row, IssueState State, string Reason);

/// <summary>The next eligible issue (null when none) and, for every other issue not done, why not.</summary>
internal sealed record NextIssueDecision(IssueRow? Next, IReadOnlyList<PassedOver> PassedOver, int DoneCount, int TotalCount)
{
    public bool IsComplete => TotalCount > 0 && DoneCount == TotalCount;
}

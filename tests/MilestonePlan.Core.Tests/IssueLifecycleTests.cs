using MilestonePlan.Core.Model;
using MilestonePlan.Core.Selection;

namespace MilestonePlan.Core.Tests;

/// <summary>
/// The issue lifecycle as a table: what git, GitHub and the plan say about one issue → its state, the next action
/// and what the tracking records. One row per row of <see cref="IssueLifecycle.Rows"/>, plus the order between rows
/// where two could apply (docs/architecture.md has the diagram).
/// </summary>
[TestClass]
public sealed class IssueLifecycleTests
{
    private static PullRequestInfo Pr(string state, bool draft = false, bool autoMerge = false, CheckState checks = CheckState.Pending, string merge = "BLOCKED") =>
        new(12, "feat(m1): Parser (#01)", state, "feat/m1-01-parser", "milestone/m1-core", "https://github.com/o/r/pull/12",
            AutoMergeEnabled: autoMerge) { IsDraft = draft, Checks = checks, MergeStateStatus = merge };

    private const TrackingRecord OpenAndSkipped = TrackingRecord.OpenPullRequest | TrackingRecord.SoftStop;
    private const TrackingRecord ClosedStop = TrackingRecord.HardStop | TrackingRecord.NoOpenPullRequest;

    private static readonly Dictionary<string, (IssueFacts Facts, LifecycleState State, LifecycleAction Next, LoopMove Loop, TrackingRecord Record)> Table = new()
    {
        // facts, then the state, the next action, the loop's move and what the tracking records
        ["Done"] = (new IssueFacts { RecordedDone = true, PullRequest = Pr("OPEN") }, LifecycleState.Done, LifecycleAction.None, LoopMove.GoOn, TrackingRecord.None),
        ["Merged"] = (new IssueFacts { PullRequest = Pr("MERGED"), Stop = RecordedStop.Hard }, LifecycleState.Merged, LifecycleAction.MarkDone, LoopMove.GoOn, TrackingRecord.Done),
        ["ClosedUnmerged"] = (new IssueFacts { PullRequest = Pr("CLOSED"), Stop = RecordedStop.Soft }, LifecycleState.ClosedUnmerged, LifecycleAction.WaitForPerson, LoopMove.Stop, ClosedStop),
        ["ClosedUnmerged, branch deleted"] = (new IssueFacts { PullRequest = Pr("CLOSED"), HeadBranchDeleted = true }, LifecycleState.ClosedUnmerged, LifecycleAction.WaitForPerson, LoopMove.Stop, ClosedStop),
        ["Stopped, then closed"] = (new IssueFacts { PullRequest = Pr("CLOSED"), Stop = RecordedStop.Hard }, LifecycleState.Stopped, LifecycleAction.WaitForPerson, LoopMove.Stop, TrackingRecord.None),
        ["Stopped with an open PR"] = (new IssueFacts { PullRequest = Pr("OPEN", autoMerge: true), Stop = RecordedStop.Hard, AutoMergeRefused = true }, LifecycleState.Stopped, LifecycleAction.WaitForPerson, LoopMove.Stop, TrackingRecord.None),
        ["Skipped with an open PR"] = (new IssueFacts { PullRequest = Pr("OPEN", autoMerge: true, checks: CheckState.Failing), Stop = RecordedStop.Soft }, LifecycleState.Skipped, LifecycleAction.WaitForPerson, LoopMove.Skip, TrackingRecord.None),
        ["AutoMergeRefused"] = (new IssueFacts { PullRequest = Pr("OPEN", checks: CheckState.Failing, merge: "DIRTY"), AutoMergeRefused = true }, LifecycleState.AutoMergeRefused, LifecycleAction.MakeDraft, LoopMove.Stop, TrackingRecord.OpenPullRequest | TrackingRecord.HardStop),
        ["Conflicted"] = (new IssueFacts { PullRequest = Pr("OPEN", autoMerge: true, checks: CheckState.Failing, merge: "DIRTY") }, LifecycleState.Conflicted, LifecycleAction.MakeDraft, LoopMove.Skip, OpenAndSkipped),
        ["ChecksFailing"] = (new IssueFacts { PullRequest = Pr("OPEN", autoMerge: true, checks: CheckState.Failing) }, LifecycleState.ChecksFailing, LifecycleAction.MakeDraft, LoopMove.Skip, OpenAndSkipped),
        ["Draft"] = (new IssueFacts { PullRequest = Pr("OPEN", draft: true, autoMerge: true, merge: "DRAFT") }, LifecycleState.Draft, LifecycleAction.WaitForPerson, LoopMove.GoOn, TrackingRecord.OpenPullRequest),
        ["AwaitingMerge, checks pending"] = (new IssueFacts { PullRequest = Pr("OPEN", autoMerge: true) }, LifecycleState.AwaitingMerge, LifecycleAction.WaitForMerge, LoopMove.Wait, TrackingRecord.OpenPullRequest),
        ["AwaitingMerge, checks passing"] = (new IssueFacts { PullRequest = Pr("OPEN", autoMerge: true, checks: CheckState.Passing, merge: "CLEAN") }, LifecycleState.AwaitingMerge, LifecycleAction.WaitForMerge, LoopMove.Wait, TrackingRecord.OpenPullRequest),
        ["NeedsAutoMerge"] = (new IssueFacts { PullRequest = Pr("OPEN") }, LifecycleState.NeedsAutoMerge, LifecycleAction.EnableAutoMerge, LoopMove.Wait, TrackingRecord.OpenPullRequest),
        ["PullRequestMissing"] = (new IssueFacts { RecordedOpenPullRequest = true, BranchExists = true, HasCommits = true }, LifecycleState.PullRequestMissing, LifecycleAction.Submit, LoopMove.GoOn, TrackingRecord.NoOpenPullRequest),
        ["Stopped"] = (new IssueFacts { Stop = RecordedStop.Hard, BranchExists = true, HasCommits = true }, LifecycleState.Stopped, LifecycleAction.WaitForPerson, LoopMove.Stop, TrackingRecord.None),
        ["Skipped"] = (new IssueFacts { Stop = RecordedStop.Soft }, LifecycleState.Skipped, LifecycleAction.WaitForPerson, LoopMove.Skip, TrackingRecord.None),
        ["HasWork"] = (new IssueFacts { BranchExists = true, HasCommits = true }, LifecycleState.HasWork, LifecycleAction.Submit, LoopMove.GoOn, TrackingRecord.None),
        ["Started"] = (new IssueFacts { BranchExists = true }, LifecycleState.Started, LifecycleAction.RunAgent, LoopMove.GoOn, TrackingRecord.None),
        ["NotStarted"] = (new IssueFacts(), LifecycleState.NotStarted, LifecycleAction.StartBranch, LoopMove.GoOn, TrackingRecord.None),
    };

    public static IEnumerable<object[]> Cases => Table.Keys.Select(k => new object[] { k });

    [TestMethod]
    [DynamicData(nameof(Cases))]
    public void Facts_name_the_state_the_next_action_and_the_record(string row)
    {
        var (facts, state, next, loop, record) = Table[row];

        var step = IssueLifecycle.Of(facts);

        Assert.AreEqual((state, next, loop, record), (step.State, step.Next, step.Loop, step.Record), step.Rule);
        // A stop the row records says why; the PR it is about is named with its link.
        if (record.HasFlag(TrackingRecord.HardStop) || record.HasFlag(TrackingRecord.SoftStop))
        {
            StringAssert.Contains(step.Reason, "PR #12");
        }
    }

    [TestMethod]
    public void Every_state_has_a_row_and_the_table_has_a_last_row_for_anything()
    {
        CollectionAssert.AreEquivalent(Enum.GetValues<LifecycleState>(), IssueLifecycle.Rows.Select(r => r.State).Distinct().ToArray());
        Assert.AreEqual(LifecycleState.NotStarted, IssueLifecycle.Rows[^1].State);
    }

    [TestMethod]
    [DataRow("AwaitingMerge", true)]
    [DataRow("NeedsAutoMerge", true)]
    [DataRow("Draft", true)]
    [DataRow("Conflicted", true)]
    [DataRow("ChecksFailing", true)]
    [DataRow("PullRequestMissing", false)]
    [DataRow("AutoMergeRefused", true)]
    [DataRow("Merged", false)]
    [DataRow("ClosedUnmerged", false)]
    [DataRow("HasWork", false)]
    public void A_state_with_an_open_PR_says_so(string state, bool open) =>
        Assert.AreEqual(open, IssueLifecycle.HasOpenPullRequest(Enum.Parse<LifecycleState>(state)));
}

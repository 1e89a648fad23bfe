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
    private static PullRequestInfo Pr(string state, bool draft = false, bool autoMerge = false) =>
        new(12, "feat(m1): Parser (#01)", state, "feat/m1-01-parser", "milestone/m1-core", "https://github.com/o/r/pull/12",
            AutoMergeEnabled: autoMerge) { IsDraft = draft };

    private static readonly Dictionary<string, (IssueFacts Facts, LifecycleState State, LifecycleAction Next, TrackingRecord Record)> Table = new()
    {
        // facts, then the state, the next action and what the tracking records
        ["Done"] = (new IssueFacts { RecordedDone = true, PullRequest = Pr("OPEN") }, LifecycleState.Done, LifecycleAction.None, TrackingRecord.None),
        ["Merged"] = (new IssueFacts { PullRequest = Pr("MERGED"), Stop = RecordedStop.Hard }, LifecycleState.Merged, LifecycleAction.MarkDone, TrackingRecord.Done),
        ["ClosedUnmerged"] = (new IssueFacts { PullRequest = Pr("CLOSED") }, LifecycleState.ClosedUnmerged, LifecycleAction.WaitForPerson, TrackingRecord.HardStop),
        ["AutoMergeRefused"] = (new IssueFacts { PullRequest = Pr("OPEN"), AutoMergeRefused = true }, LifecycleState.AutoMergeRefused, LifecycleAction.WaitForPerson, TrackingRecord.OpenPullRequest | TrackingRecord.HardStop),
        ["Draft"] = (new IssueFacts { PullRequest = Pr("OPEN", draft: true, autoMerge: true) }, LifecycleState.Draft, LifecycleAction.WaitForPerson, TrackingRecord.OpenPullRequest),
        ["AwaitingMerge"] = (new IssueFacts { PullRequest = Pr("OPEN", autoMerge: true), Stop = RecordedStop.Soft }, LifecycleState.AwaitingMerge, LifecycleAction.WaitForMerge, TrackingRecord.OpenPullRequest),
        ["NeedsAutoMerge"] = (new IssueFacts { PullRequest = Pr("OPEN") }, LifecycleState.NeedsAutoMerge, LifecycleAction.EnableAutoMerge, TrackingRecord.OpenPullRequest),
        ["Stopped"] = (new IssueFacts { Stop = RecordedStop.Hard, BranchExists = true, HasCommits = true }, LifecycleState.Stopped, LifecycleAction.WaitForPerson, TrackingRecord.None),
        ["Skipped"] = (new IssueFacts { Stop = RecordedStop.Soft }, LifecycleState.Skipped, LifecycleAction.WaitForPerson, TrackingRecord.None),
        ["HasWork"] = (new IssueFacts { BranchExists = true, HasCommits = true }, LifecycleState.HasWork, LifecycleAction.Submit, TrackingRecord.None),
        ["Started"] = (new IssueFacts { BranchExists = true }, LifecycleState.Started, LifecycleAction.RunAgent, TrackingRecord.None),
        ["NotStarted"] = (new IssueFacts(), LifecycleState.NotStarted, LifecycleAction.StartBranch, TrackingRecord.None),
    };

    public static IEnumerable<object[]> Cases => Table.Keys.Select(k => new object[] { k });

    [TestMethod]
    [DynamicData(nameof(Cases))]
    public void Facts_name_the_state_the_next_action_and_the_record(string row)
    {
        var (facts, state, next, record) = Table[row];

        var step = IssueLifecycle.Of(facts);

        Assert.AreEqual((state, next, record), (step.State, step.Next, step.Record), step.Rule);
    }

    [TestMethod]
    public void Every_state_has_one_row_and_the_table_has_a_last_row_for_anything()
    {
        CollectionAssert.AreEquivalent(Enum.GetValues<LifecycleState>(), IssueLifecycle.Rows.Select(r => r.State).ToArray());
        Assert.AreEqual(LifecycleState.NotStarted, IssueLifecycle.Rows[^1].State);
    }

    [TestMethod]
    [DataRow("AwaitingMerge", true)]
    [DataRow("NeedsAutoMerge", true)]
    [DataRow("Draft", true)]
    [DataRow("AutoMergeRefused", true)]
    [DataRow("Merged", false)]
    [DataRow("ClosedUnmerged", false)]
    [DataRow("HasWork", false)]
    public void A_state_with_an_open_PR_says_so(string state, bool open) =>
        Assert.AreEqual(open, IssueLifecycle.HasOpenPullRequest(Enum.Parse<LifecycleState>(state)));
}

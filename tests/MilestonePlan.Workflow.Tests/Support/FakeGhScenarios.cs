using System.Text.Json.Nodes;
using MilestonePlan.Workflow.Processes;

namespace MilestonePlan.Workflow.Tests.Support;

/// <summary>Which of GitHub's two check APIs reports a PR's checks (the fake's CheckScenario "kind").</summary>
public enum CheckKind
{
    /// <summary>A check run, as GitHub Actions reports a job.</summary>
    CheckRun,

    /// <summary>A commit status, as an older CI service posts it.</summary>
    StatusContext,

    /// <summary>One of each.</summary>
    Both,
}

/// <summary>
/// GitHub's ordinary bad days, set on the fake gh (tests/FakeGh, FakeState) before or while a test runs: checks that
/// take a while, checks that fail, a repository without auto-merge, conflicts, drafts; and what a person does on
/// GitHub meanwhile (closes a PR, deletes its branch). A "look" is one `gh pr view --json` of the PR or one
/// `gh pr list --json` that prints it: checks move on with the looks of the workflow that polls, not with a clock.
/// The timed forms (`...AfterSeconds`) are CI that takes a fixed time, for the loop benchmark; a test moves their
/// clock with <see cref="AdvanceClock"/> rather than sleeping.
/// Each knob without a head branch applies to every PR; with one, to the PR from that branch only.
/// </summary>
internal static class FakeGhScenarios
{
    /// <summary>Checks pending for the first <paramref name="looks"/> looks, then passing.</summary>
    public static void ChecksPassAfter(this FakeGhEnvironment gh, int looks, string? head = null, CheckKind kind = CheckKind.CheckRun) =>
        gh.SetChecks(looks, "passing", head, kind);

    /// <summary>Checks pending for the first <paramref name="looks"/> looks (0: failing at the first look), then failing.</summary>
    public static void ChecksFailAfter(this FakeGhEnvironment gh, int looks, string? head = null, CheckKind kind = CheckKind.CheckRun) =>
        gh.SetChecks(looks, "failing", head, kind);

    /// <summary>
    /// Checks pending until the PR has been open <paramref name="seconds"/> (the fake's clock), then passing; with
    /// <see cref="AutoMergeWhenChecksPass"/> the PR then merges at the next gh call of any kind.
    /// </summary>
    public static void ChecksPassAfterSeconds(this FakeGhEnvironment gh, double seconds, string? head = null) =>
        gh.SetScenario(new JsonObject { ["pendingSeconds"] = seconds, ["outcome"] = "passing" }, head);

    /// <summary>Checks pending until the PR has been open <paramref name="seconds"/>, then failing.</summary>
    public static void ChecksFailAfterSeconds(this FakeGhEnvironment gh, double seconds, string? head = null) =>
        gh.SetScenario(new JsonObject { ["pendingSeconds"] = seconds, ["outcome"] = "failing" }, head);

    /// <summary>Lets <paramref name="seconds"/> pass on the clock of timed checks, without sleeping.</summary>
    public static void AdvanceClock(this FakeGhEnvironment gh, double seconds) => gh.Configure(s =>
        s["clockAdvanceSeconds"] = (s["clockAdvanceSeconds"]?.GetValue<double>() ?? 0) + seconds);

    /// <summary>Checks that never finish.</summary>
    public static void ChecksStayPending(this FakeGhEnvironment gh, string? head = null, CheckKind kind = CheckKind.CheckRun) =>
        gh.SetChecks(0, "pending", head, kind);

    /// <summary>A repository without any CI: statusCheckRollup is [] and nothing blocks a merge.</summary>
    public static void NoChecks(this FakeGhEnvironment gh, string? head = null) => gh.SetChecks(0, "none", head, CheckKind.CheckRun);

    /// <summary>
    /// GitHub's own merge rules (autoMergeMode "checks"): `gh pr merge --auto` merges at once when the PR is already
    /// CLEAN, else auto-merge waits and merges on the look that first sees the checks pass (never a draft, never a
    /// conflicting PR, never while checks fail).
    /// </summary>
    public static void AutoMergeWhenChecksPass(this FakeGhEnvironment gh) => gh.Configure(s => s["autoMergeMode"] = "checks");

    /// <summary>
    /// A repository whose "Allow auto-merge" setting is off: `gh pr merge --auto` on a PR that is not already CLEAN
    /// fails with "GraphQL: Auto merge is not allowed for this repository (enablePullRequestAutoMerge)", exit 1.
    /// </summary>
    public static void RefuseAutoMerge(this FakeGhEnvironment gh) => gh.Configure(s => s["autoMergeMode"] = "refuse");

    /// <summary>GitHub finds the PR from <paramref name="head"/> conflicting with its base (DIRTY / CONFLICTING).</summary>
    public static void ConflictOn(this FakeGhEnvironment gh, string head) => gh.Configure(s =>
    {
        var heads = (s["conflictHeads"] ??= new JsonArray()).AsArray();
        heads.Add(head);
    });

    /// <summary>What a draft's mergeStateStatus reads: "DRAFT" (the default) or "UNKNOWN" (both are reported).</summary>
    public static void DraftMergeStateReads(this FakeGhEnvironment gh, string value) => gh.Configure(s => s["draftMergeState"] = value);

    /// <summary>A person closes the PR on GitHub without merging it (`gh fake close`); the branch stays.</summary>
    public static ProcessResult ClosePullRequest(this FakeGhEnvironment gh, string repository, int number) =>
        gh.Fake(repository, "close", number);

    /// <summary>A person deletes the PR's head branch in the origin (`gh fake delete-branch`); GitHub closes it if open.</summary>
    public static ProcessResult DeleteHeadBranch(this FakeGhEnvironment gh, string repository, int number) =>
        gh.Fake(repository, "delete-branch", number);

    /// <summary>The PR as the fake's state holds it (looks, comments, autoMerge...), not as gh prints it.</summary>
    public static JsonObject PullRequest(this FakeGhEnvironment gh, int number) =>
        gh.State["prs"]!.AsArray().Single(p => p!["number"]!.GetValue<int>() == number)!.AsObject();

    private static void SetChecks(this FakeGhEnvironment gh, int looks, string outcome, string? head, CheckKind kind) =>
        gh.SetScenario(new JsonObject { ["pendingLooks"] = looks, ["outcome"] = outcome, ["kind"] = kind == CheckKind.Both ? "both" : kind.ToString() }, head);

    private static void SetScenario(this FakeGhEnvironment gh, JsonObject scenario, string? head) =>
        gh.Configure(s =>
        {
            if (head is null)
            {
                s["checkScenario"] = scenario;
            }
            else
            {
                (s["checkScenarios"] ??= new JsonObject())[head] = scenario;
            }
        });

    private static ProcessResult Fake(this FakeGhEnvironment gh, string repository, string command, int number)
    {
        var result = gh.Runner.Run("gh", ["fake", command, number.ToString(System.Globalization.CultureInfo.InvariantCulture)], repository, TimeSpan.FromMinutes(1));
        return result.Succeeded ? result : throw new InvalidOperationException(result.Describe());
    }
}

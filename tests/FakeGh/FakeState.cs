using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace FakeGh;

/// <summary>
/// The fake's GitHub: pull requests and issues in a JSON file (env FAKE_GH_STATE), plus switches a test sets to
/// simulate situations: `authenticated` (false: not logged in), `autoMergeMode` ("pending", the default: auto-merge is
/// enabled and the PR waits until the test runs the test-only `gh fake merge-pending [&lt;number&gt;]`; "onview": the PR
/// waits, and merges the next time `pr view` or `pr list` runs, as if its checks passed while the workflow polls;
/// "immediate": the PR is already mergeable and merges at once; "checks": GitHub's own rules, see MergeCommands and
/// PullRequestLooks: `--auto` merges at once when the PR is already CLEAN, else auto-merge waits for the PR's checks
/// and merges on the look that sees them pass; "refuse": the same rules, but the repository does not allow auto-merge),
/// `failCommand` ("pr create", or "*" for every command) with optional `failMessage` and
/// `failExitCode`, `legacyJsonFields` (true: behave like gh before 2.29, which had no `autoMergeRequest`), and
/// `milestones` (when present, the only milestone names `issue create --milestone` accepts, and what `gh api .../milestones` lists), and `failAfterCommand`
/// ("pr create", "issue create"): the command does its work on GitHub and then fails as a network timeout would, so the
/// caller never learns the result; `failAfterCount` (default 1) says how many calls fail that way.
/// Checks: `checks` ("pending", the default, "passing", "failing", "none": every PR, at every look), or a
/// CheckScenario (pending for the first N looks, or for N seconds after the PR was opened, then an outcome) as
/// `checkScenario` (every PR) or in `checkScenarios` by head branch; `clockAdvanceSeconds` (moves the clock of timed
/// checks forward); `conflictHeads` (head branches GitHub finds conflicting with their base, besides
/// the real conflicts it sees in the origin); `draftMergeState` (what a draft's mergeStateStatus reads: "DRAFT", the
/// default, or "UNKNOWN").
/// A merge is real (PullRequestMerger): the PR's head is squash-merged into its base in the origin of the repository gh
/// runs in (`remote.origin.url`, a local path), one commit "&lt;title&gt; (#N)" by fake-gh, recorded as `mergeCommit`;
/// a conflict leaves the origin unchanged and the PR open with mergeStateStatus DIRTY. Outside a repository with a
/// local origin the merge is recorded in this file only.
/// </summary>
internal sealed class FakeState
{
    /// <summary>Readable state and output: indented, non-ASCII written as it is.</summary>
    public static readonly JsonSerializerOptions Json = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>One line per logged call.</summary>
    public static readonly JsonSerializerOptions Line = new() { WriteIndented = false, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly string path;

    private FakeState(string path, JsonObject root)
    {
        this.path = path;
        Root = root;
        Root["prs"] ??= new JsonArray();
        Root["issues"] ??= new JsonArray();
        Root["nextNumber"] ??= 1;
    }

    public JsonObject Root { get; }

    public JsonArray PullRequests => Root["prs"]!.AsArray();

    public JsonArray Issues => Root["issues"]!.AsArray();

    public bool Authenticated => Root["authenticated"]?.GetValue<bool>() ?? true;

    public string AutoMergeMode => Root["autoMergeMode"]?.GetValue<string>() ?? "pending";

    public string? FailCommand => Root["failCommand"]?.GetValue<string>();

    public string FailMessage => Root["failMessage"]?.GetValue<string>() ?? "HTTP 502: Bad Gateway (https://api.github.com/graphql)";

    public int FailExitCode => Root["failExitCode"]?.GetValue<int>() ?? 1;

    /// <summary>The checks every PR reports: "pending" (the default), "passing", "failing" or "none".</summary>
    public string Checks => Root["checks"]?.GetValue<string>() ?? "pending";

    /// <summary>How the checks of the PR from <paramref name="head"/> go: its own scenario, else every PR's, else `checks`.</summary>
    public CheckScenario CheckScenarioFor(string head)
    {
        if (Root["checkScenarios"]?[head] is { } own)
        {
            return CheckScenario.Parse(own, $"checkScenarios[\"{head}\"]");
        }

        if (Root["checkScenario"] is { } every)
        {
            return CheckScenario.Parse(every, "checkScenario");
        }

        return CheckOutcome.IsKnown(Checks) ? CheckScenario.Constant(Checks)
            : throw new CommandException($"fake gh: checks must be pending, passing, failing or none, not \"{Checks}\"");
    }

    public IReadOnlyCollection<string> ConflictHeads =>
        Root["conflictHeads"]?.AsArray().Select(h => h!.GetValue<string>()).ToHashSet(StringComparer.Ordinal) ?? [];

    public string DraftMergeState => Root["draftMergeState"]?.GetValue<string>() ?? MergeStatus.Draft;

    public string? FailAfterCommand => Root["failAfterCommand"]?.GetValue<string>();

    /// <summary>Uses up one injected "did it, then failed"; false once they are all used.</summary>
    public bool TakeFailAfter()
    {
        var left = Root["failAfterCount"]?.GetValue<int>() ?? 1;
        if (left <= 0)
        {
            return false;
        }

        Root["failAfterCount"] = left - 1;
        Save();
        return true;
    }

    public bool LegacyJsonFields => Root["legacyJsonFields"]?.GetValue<bool>() ?? false;

    /// <summary>The milestones' titles; an entry is a title or an object with number, title and state (ApiCommands).</summary>
    public IReadOnlyList<string>? Milestones => Root["milestones"]?.AsArray()
        .Select(m => m is JsonObject o ? o["title"]!.GetValue<string>() : m!.GetValue<string>()).ToList();

    public string Repository => Root["repository"]?.GetValue<string>() ?? "example/repo";

    /// <summary>
    /// The clock of timed checks, in Unix milliseconds: the real one plus `clockAdvanceSeconds`. The dates gh prints
    /// stay the fixed <see cref="Commands.Now"/>, so tests can compare them.
    /// </summary>
    public long NowMs => DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() + (long)((Root["clockAdvanceSeconds"]?.GetValue<double>() ?? 0) * 1000);

    public static FakeState Load(string path) =>
        new(path, File.Exists(path) ? JsonNode.Parse(File.ReadAllText(path))!.AsObject() : new JsonObject());

    /// <summary>GitHub numbers issues and pull requests from one sequence.</summary>
    public int TakeNumber()
    {
        var number = Root["nextNumber"]!.GetValue<int>();
        Root["nextNumber"] = number + 1;
        return number;
    }

    /// <summary>Comment ids (the N of "#issuecomment-N") come from their own sequence, as on GitHub.</summary>
    public int TakeCommentId()
    {
        var id = Root["nextCommentId"]?.GetValue<int>() ?? 1000;
        Root["nextCommentId"] = id + 1;
        return id;
    }

    public string Url(string kind, int number) => $"https://github.com/{Repository}/{kind}/{number}";

    public void Save() => File.WriteAllText(path, Root.ToJsonString(Json));
}

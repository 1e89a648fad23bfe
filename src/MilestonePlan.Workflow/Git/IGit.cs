using MilestonePlan.Core.Model;

namespace MilestonePlan.Workflow.Git;

/// <summary>
/// The git operations the workflow uses in one work tree: <see cref="GitClient"/> runs them, <see cref="DryRunGit"/>
/// answers the questions the same way and prints each change instead of making it. A step is given one of them and
/// does not know which: whether a run is a dry run is decided once, where the run's services are composed.
/// </summary>
internal interface IGit
{
    /// <summary>The work tree git runs in: a second work tree is a second instance.</summary>
    string Repository { get; }

    // ---- Questions: they change nothing, and a dry run asks them too -------------------------------------------------

    bool IsInsideWorkTree();

    Version? Version();

    string TopLevel();

    /// <summary>The absolute git directory, or null outside a git work tree.</summary>
    string? GitDirectory();

    string? CurrentBranch();

    string? ResolveCommit(string revision);

    IReadOnlyList<string> Changes();

    bool IsWorkTreeClean();

    bool HasRemote(string name);

    bool LocalBranchExists(BranchName branch);

    bool RemoteBranchExists(BranchName branch, string remote = "origin");

    bool RemoteTagExists(string tag, string remote = "origin");

    BranchName? DefaultBranch(string remote = "origin");

    bool HasStagedChanges();

    string? ResolveTree(string revision);

    string Head();

    bool IsAncestor(string ancestor, string descendant);

    bool HasMergeConflict(string baseRef, string head);

    IReadOnlyList<string> ConflictedFiles(string baseRef, string head);

    string Diff(string baseRef, string head, params string[] options);

    IReadOnlyList<GitFileStatus> DiffNameStatus(string baseRef, string head);

    IReadOnlyList<GitLineCount> DiffNumStat(string baseRef, string head);

    IReadOnlyList<GitFileMode> DiffRaw(string baseRef, string head);

    Dictionary<string, List<(int Line, string Text)>> DiffAddedLines(string baseRef, string head);

    string? Show(string revision, string path);

    IReadOnlyList<(string Commit, IReadOnlyList<string> Parents)> CommitsBetween(string baseRef, string head);

    string CommitMessage(string commit);

    Dictionary<string, List<(int Line, string Text)>> CommitAddedLines(string? parent, string commit);

    /// <summary>Every work tree of the repository: its absolute path and the branch checked out there (null: detached).</summary>
    IReadOnlyList<(string Path, string? Branch)> Worktrees();

    // ---- Changes: run, or in a dry run printed ----------------------------------------------------------------------

    void Fetch(string remote = "origin");

    void CreateBranch(BranchName branch, string startPoint);

    void Checkout(BranchName branch);

    void CheckoutNew(BranchName branch, string startPoint);

    void AddWorktree(string path, string commit);

    void RemoveWorktree(string path);

    void PruneWorktrees();

    void PullFastForward(BranchName branch, string remote = "origin");

    void Push(BranchName branch);

    void Push(BranchName branch, bool setUpstream, string remote = "origin");

    void CreateTag(string tag, string commit, string message);

    void PushTag(string tag, string remote = "origin");

    void Add(IReadOnlyList<string> paths);

    void AddAll();

    bool StashAll(string message);

    void Commit(IReadOnlyList<string> paragraphs);

    bool TryMerge(string revision);

    /// <summary>`git update-ref -m message reference newValue oldValue`: moves a ref only if it still points at <paramref name="oldValue"/>.</summary>
    void UpdateRef(string reference, string newValue, string oldValue, string message);
}

using MilestonePlan.Core.Model;
using MilestonePlan.Workflow.Processes;

namespace MilestonePlan.Workflow.Git;

/// <summary>
/// The git operations of the workflow in one repository, each one git process with an argument list. A missing git,
/// a timeout or a failing command throws <see cref="WorkflowException"/> (MP9001) whose message names the command
/// and carries git's own stderr. Questions (does this branch exist?) answer false only for git's "no", never for an
/// error.
/// </summary>
/// <param name="runner">Runs the git processes.</param>
/// <param name="repository">The work tree git runs in.</param>
/// <param name="timeout">Per command; the process tree is killed when it runs out.</param>
/// <param name="dryRun">When set, commands that change the repository are printed through it and not run.</param>
/// <param name="cancellationToken">Ends a running git (and its children) when the build is cancelled.</param>
public sealed class GitClient(IProcessRunner runner, string repository, TimeSpan timeout, Action<string>? dryRun = null,
    CancellationToken cancellationToken = default)
{
    /// <summary>The oldest git whose `merge-tree --write-tree` SubmitIssue's conflict check needs.</summary>
    public static readonly Version MinimumForConflictCheck = new(2, 38);

    private DefaultBranchAnswer? defaultBranch;

    private Version? version;

    private bool versionAsked;

    // C messages so that parsing and error matching do not depend on the user's language; no prompts, ever; and no
    // optional locks, so a status does not fight an IDE's git over index.lock.
    private static readonly Dictionary<string, string> Environment = new()
    {
        ["LC_ALL"] = "C",
        ["GIT_TERMINAL_PROMPT"] = "0",
        ["GIT_OPTIONAL_LOCKS"] = "0",
    };

    public string Repository { get; } = repository;

    // ---- Where we are -------------------------------------------------------------------------------------------

    /// <summary>False when <see cref="Repository"/> is not inside a git work tree; throws when git itself fails.</summary>
    public bool IsInsideWorkTree()
    {
        var result = TryRun("rev-parse", "--is-inside-work-tree");
        if (result.NotFound || result.TimedOut)
        {
            throw Failure(["rev-parse", "--is-inside-work-tree"], result);
        }

        return result.Succeeded && result.StandardOutput.Trim() == "true";
    }

    /// <summary>git's version (`git version 2.39.5`, `git version 2.45.1.windows.1`), asked once; null when it cannot be read.</summary>
    public Version? Version()
    {
        if (!versionAsked)
        {
            versionAsked = true;
            var result = TryRun("--version");
            version = result.Succeeded ? GitOutput.Version(result.StandardOutput) : null;
        }

        return version;
    }

    /// <summary>The root folder of the work tree, in git's spelling ('/' separators).</summary>
    public string TopLevel() => Run("rev-parse", "--show-toplevel").StandardOutput.TrimEnd('\n', '\r');

    /// <summary>The checked-out branch's short name; null when HEAD is detached.</summary>
    public string? CurrentBranch()
    {
        string[] arguments = ["symbolic-ref", "--quiet", "--short", "HEAD"];
        var result = TryRun(arguments);
        return result.Succeeded ? result.StandardOutput.Trim()
            : result.ExitCode == 1 && !result.NotFound && !result.TimedOut ? null
            : throw Failure(arguments, result);
    }

    /// <summary>The commit a revision names, or null when it names none.</summary>
    public string? ResolveCommit(string revision)
    {
        string[] arguments = ["rev-parse", "--verify", "--quiet", "--end-of-options", revision + "^{commit}"];
        var result = TryRun(arguments);
        return Answer(arguments, result, no: 1) ? result.StandardOutput.Trim() : null;
    }

    /// <summary>Changed, staged and untracked files as porcelain lines ("XY path"); empty when the tree is clean.</summary>
    public IReadOnlyList<string> Changes() =>
        GitOutput.PorcelainStatus(Run("status", "--porcelain=v1", "-z", "--untracked-files=normal").StandardOutput);

    /// <summary>No staged, unstaged or untracked change (ignored files do not count).</summary>
    public bool IsWorkTreeClean() => Changes().Count == 0;

    public bool HasRemote(string name) => Run("remote").StandardOutput.Split('\n').Any(r => r.Trim() == name);

    // ---- Branches -----------------------------------------------------------------------------------------------
    // Every branch is a BranchName (validated once, in Core) and is given to git as refs/heads/X, so no plan text can
    // become an option, a force refspec, a tag or a path.

    public bool LocalBranchExists(BranchName branch)
    {
        string[] arguments = ["show-ref", "--verify", "--quiet", branch.FullRef];
        return Answer(arguments, TryRun(arguments), no: 1);
    }

    /// <summary>Asks the remote itself (`ls-remote`), so a branch deleted on the server is seen as gone.</summary>
    public bool RemoteBranchExists(BranchName branch, string remote = "origin") => RemoteRefExists(remote, "--heads", branch.FullRef);

    public bool RemoteTagExists(string tag, string remote = "origin") => RemoteRefExists(remote, "--tags", "refs/tags/" + tag);

    /// <summary>The remote-tracking ref of <paramref name="branch"/> (`refs/remotes/origin/X`), for revisions.</summary>
    public static string RemoteTracking(BranchName branch, string remote = "origin") => $"refs/remotes/{remote}/{branch.Value}";

    /// <summary>Whether <paramref name="name"/> is a valid branch name for git itself (`check-ref-format --branch`).</summary>
    public bool IsValidRefName(string name)
    {
        // A leading dash would be read as an option; git rejects such branch names anyway.
        if (name.Length == 0 || name.StartsWith("-", StringComparison.Ordinal))
        {
            return false;
        }

        string[] arguments = ["check-ref-format", "--branch", name];
        var result = TryRun(arguments);
        return result.Succeeded || (result.NotFound || result.TimedOut ? throw Failure(arguments, result) : false);
    }

    /// <summary>
    /// The remote's default branch: `refs/remotes/origin/HEAD` when the clone recorded it, else the remote's own HEAD
    /// (`ls-remote --symref`, which asks the same server gh would, without needing gh); null when it has none.
    /// </summary>
    public BranchName? DefaultBranch(string remote = "origin")
    {
        if (defaultBranch is { } known)
        {
            return known.Name;
        }

        var local = TryRun("symbolic-ref", "--quiet", $"refs/remotes/{remote}/HEAD");
        string? name = null;
        if (local.Succeeded && local.StandardOutput.Trim() is var target && target.StartsWith($"refs/remotes/{remote}/", StringComparison.Ordinal))
        {
            name = target.Substring($"refs/remotes/{remote}/".Length);
        }
        else
        {
            var result = Run("ls-remote", "--symref", remote, "HEAD");
            var line = result.StandardOutput.Split('\n').FirstOrDefault(l => l.StartsWith("ref: refs/heads/", StringComparison.Ordinal));
            var tab = line?.IndexOf('\t') ?? -1;
            name = line is not null && tab > 0 ? line.Substring("ref: refs/heads/".Length, tab - "ref: refs/heads/".Length) : null;
        }

        defaultBranch = new DefaultBranchAnswer(BranchName.TryCreate(name));
        return defaultBranch.Name;
    }

    public void Fetch(string remote = "origin") => Mutate("fetch", "--quiet", remote);

    /// <summary>Creates <paramref name="branch"/> at <paramref name="startPoint"/> without checking it out.</summary>
    public void CreateBranch(BranchName branch, string startPoint) => Mutate("branch", branch.Value, startPoint);

    public void Checkout(BranchName branch) => Mutate("checkout", "--quiet", branch.Value, "--");

    public void CheckoutNew(BranchName branch, string startPoint) => Mutate("checkout", "--quiet", "-b", branch.Value, startPoint, "--");

    /// <summary>Fast-forwards the checked-out branch to <paramref name="remote"/>'s <paramref name="branch"/>; refuses to merge.</summary>
    public void PullFastForward(BranchName branch, string remote = "origin") => Mutate("pull", "--ff-only", "--quiet", remote, branch.FullRef);

    /// <summary>Pushes <paramref name="branch"/> to the same name on origin, and makes it the upstream.</summary>
    public void Push(BranchName branch) => Push(branch, setUpstream: true);

    /// <summary>
    /// Pushes a local branch to the same name on the remote, named in full (`refs/heads/X:refs/heads/X`), never forced.
    /// Refuses main, master and the remote's default branch: the workflow never pushes to them (PRODUCT.md section 7).
    /// </summary>
    public void Push(BranchName branch, bool setUpstream, string remote = "origin")
    {
        if (branch.IsMainLine || (DefaultBranch(remote) is { } main && string.Equals(main.Value, branch.Value, StringComparison.OrdinalIgnoreCase)))
        {
            throw WorkflowException.Tool($"refusing to push '{branch}': the workflow never pushes to main, master or the repository's default branch");
        }

        Mutate(setUpstream ? ["push", "--quiet", "-u", remote, branch.PushRefspec] : ["push", "--quiet", remote, branch.PushRefspec]);
    }

    /// <summary>
    /// Creates <paramref name="branch"/> from the remote's <paramref name="mainBranch"/> (the local one when the remote
    /// has none) and pushes it with upstream; the checked-out branch does not change.
    /// </summary>
    public void CreateAndPushBranchFromMain(BranchName branch, BranchName mainBranch, string remote = "origin")
    {
        Fetch(remote);
        var start = RemoteBranchExists(mainBranch, remote) ? RemoteTracking(mainBranch, remote)
            : LocalBranchExists(mainBranch) ? mainBranch.FullRef
            : throw WorkflowException.Tool($"cannot create '{branch}': there is no '{mainBranch}' branch locally or on {remote} to start it from");
        CreateBranch(branch, start);
        Push(branch, setUpstream: true, remote);
    }

    // ---- Tags ---------------------------------------------------------------------------------------------------

    /// <summary>An annotated tag (it records who tagged and when, unlike a lightweight one).</summary>
    public void CreateTag(string tag, string commit, string message) => Mutate("tag", "--annotate", tag, "--message", message, commit);

    public void PushTag(string tag, string remote = "origin") => Mutate("push", "--quiet", remote, $"refs/tags/{tag}:refs/tags/{tag}");

    // ---- Comparing revisions ------------------------------------------------------------------------------------

    /// <summary>True when <paramref name="ancestor"/> is reachable from <paramref name="descendant"/>; throws for an unknown revision.</summary>
    public bool IsAncestor(string ancestor, string descendant)
    {
        string[] arguments = ["merge-base", "--is-ancestor", ancestor, descendant];
        return Answer(arguments, TryRun(arguments), no: 1);
    }

    /// <summary>True when merging <paramref name="head"/> into <paramref name="baseRef"/> would conflict.</summary>
    public bool HasMergeConflict(string baseRef, string head) => ConflictedFiles(baseRef, head).Count > 0;

    /// <summary>
    /// The files a merge of <paramref name="head"/> into <paramref name="baseRef"/> would leave conflicted, computed by
    /// `merge-tree --write-tree` (git 2.38+) without touching the work tree or the index.
    /// </summary>
    public IReadOnlyList<string> ConflictedFiles(string baseRef, string head)
    {
        // Asked once: older git has no conflict check that leaves the work tree and the index alone, so the step is
        // refused with the version rather than failing with git's usage text.
        if (Version() is { } version && version < MinimumForConflictCheck)
        {
            throw WorkflowException.Tool($"git {version} cannot check for merge conflicts without touching the work tree "
                + $"(`git merge-tree --write-tree` needs git {MinimumForConflictCheck} or later); upgrade git — nothing was submitted");
        }

        string[] arguments = ["merge-tree", "--write-tree", "--name-only", "--no-messages", "-z", baseRef, head];
        var result = TryRun(arguments);
        // Exit 1 means "conflicts" only when a tree was written; git also exits 1 for a revision it cannot resolve.
        if (result.Succeeded || (result.ExitCode == 1 && !result.TimedOut && GitOutput.StartsWithObjectId(result.StandardOutput)))
        {
            return result.Succeeded ? [] : GitOutput.ConflictedPaths(result.StandardOutput);
        }

        throw Failure(arguments, result);
    }

    /// <summary>Raw `git diff` output of what <paramref name="head"/> changed since it left <paramref name="baseRef"/> (three dots).</summary>
    public string Diff(string baseRef, string head, params string[] options) =>
        Run(["diff", .. options, baseRef + "..." + head, "--"]).StandardOutput;

    /// <summary>Files <paramref name="head"/> changed since its merge base with <paramref name="baseRef"/> (what a PR shows), renames detected.</summary>
    public IReadOnlyList<GitFileStatus> DiffNameStatus(string baseRef, string head) =>
        GitOutput.NameStatus(Diff(baseRef, head, "--name-status", "-z", "--find-renames", "--no-ext-diff"));

    /// <summary>Lines added and removed per file over the same range as <see cref="DiffNameStatus"/>; binary files flagged.</summary>
    public IReadOnlyList<GitLineCount> DiffNumStat(string baseRef, string head) =>
        GitOutput.NumStat(Diff(baseRef, head, "--numstat", "-z", "--find-renames", "--no-ext-diff"));

    /// <summary>Modes before and after per file over the same range as <see cref="DiffNameStatus"/> (symlinks, submodules, executables).</summary>
    public IReadOnlyList<GitFileMode> DiffRaw(string baseRef, string head) =>
        GitOutput.Raw(Diff(baseRef, head, "--raw", "-z", "--find-renames", "--no-ext-diff", "--abbrev=40"));

    /// <summary>
    /// Added lines per new path over the same range. `--text` and `--no-textconv`: a `.gitattributes` of the branch
    /// that marks a file binary, or a diff driver, must not hide an added line from the secret scanner.
    /// </summary>
    public Dictionary<string, List<(int Line, string Text)>> DiffAddedLines(string baseRef, string head) =>
        GitPatch.AddedLines(Diff(baseRef, head, "-U0", "--text", "--no-textconv", "--no-ext-diff", "--no-color", "--find-renames",
            "--src-prefix=a/", "--dst-prefix=b/"));

    /// <summary>
    /// A file's content at a revision exactly as stored (no filters, line endings and BOM kept), or null when the file
    /// does not exist there. An unknown revision throws: "no such file" must not hide "no such branch".
    /// </summary>
    public string? Show(string revision, string path)
    {
        var spec = revision + ":" + path.Replace('\\', '/');
        string[] arguments = ["cat-file", "blob", spec];
        var result = TryRun(arguments);
        if (result.Succeeded)
        {
            return result.StandardOutput;
        }

        if (result.NotFound || result.TimedOut || ResolveCommit(revision) is null)
        {
            throw Failure(arguments, result);
        }

        return null;
    }

    // ---- Running git --------------------------------------------------------------------------------------------

    /// <summary>Runs git and throws MP9001 with git's stderr when it fails.</summary>
    public ProcessResult Run(params string[] arguments)
    {
        var result = TryRun(arguments);
        return result.Succeeded ? result : throw Failure(arguments, result);
    }

    /// <summary>Runs git and returns whatever happened.</summary>
    public ProcessResult TryRun(params string[] arguments) =>
        runner.Run("git", ["-c", "core.quotepath=off", "-c", "color.ui=never", .. arguments], Repository, timeout, Environment, cancellationToken);

    /// <summary>A command that changes the repository: printed instead of run in a dry run.</summary>
    private void Mutate(params string[] arguments)
    {
        if (dryRun is not null)
        {
            dryRun("would run: " + CommandLine.Display("git", arguments));
            return;
        }

        Run(arguments);
    }

    private bool RemoteRefExists(string remote, string kind, string reference)
    {
        // --exit-code: 2 means "no matching ref"; anything else but 0 is a failure (remote missing, unreachable, ...).
        string[] arguments = ["ls-remote", "--exit-code", kind, remote, reference];
        var result = TryRun(arguments);
        // ls-remote matches patterns by their tail, so the exact ref is checked too.
        return Answer(arguments, result, no: 2)
            && result.StandardOutput.Split('\n').Any(line => line.EndsWith("\t" + reference, StringComparison.Ordinal));
    }

    /// <summary>A yes/no command: exit 0 is yes, exit <paramref name="no"/> is no, anything else an error.</summary>
    private static bool Answer(string[] arguments, ProcessResult result, int no) =>
        result.Succeeded || (result.ExitCode == no && !result.NotFound && !result.TimedOut ? false : throw Failure(arguments, result));

    private static WorkflowException Failure(IReadOnlyList<string> arguments, ProcessResult result)
    {
        var command = CommandLine.Display("git", arguments);
        if (result.NotFound)
        {
            return WorkflowException.Tool($"git was not found on PATH (needed for `{command}`); install git and make sure it is on PATH"
                + (result.StandardError.Trim().Length > 0 ? ": " + result.StandardError.Trim() : string.Empty));
        }

        if (result.TimedOut)
        {
            return WorkflowException.Tool($"`{command}` did not finish in time and was stopped"
                + (result.StandardError.Trim().Length > 0 ? ": " + result.StandardError.Trim() : string.Empty));
        }

        var detail = result.StandardError.Trim().Length > 0 ? result.StandardError.Trim() : result.StandardOutput.Trim();
        return WorkflowException.Tool($"`{command}` failed (exit code {result.ExitCode})" + (detail.Length > 0 ? ": " + detail : string.Empty));
    }
}

/// <summary>The remote's default branch, asked once per client: null when the remote has none.</summary>
internal sealed record DefaultBranchAnswer(BranchName? Name);

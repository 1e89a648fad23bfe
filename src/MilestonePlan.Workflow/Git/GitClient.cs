using MilestonePlan.Core.Model;
using MilestonePlan.Workflow.Processes;

namespace MilestonePlan.Workflow.Git;

/// <summary>
/// The git operations of the workflow in one repository, each one git process with an argument list. A missing git,
/// a timeout or a failing command throws <see cref="WorkflowException"/> (MP9001) whose message names the command
/// and carries git's own stderr. Questions (does this branch exist?) answer false only for git's "no", never for an
/// error. A dry run is <see cref="DryRunGit"/> around it: this client always runs what it is asked.
/// </summary>
/// <param name="runner">Runs the git processes.</param>
/// <param name="repository">The work tree git runs in.</param>
/// <param name="timeout">Per command; the process tree is killed when it runs out.</param>
/// <param name="cancellationToken">Ends a running git (and its children) when the build is cancelled.</param>
internal sealed partial class GitClient(IProcessRunner runner, string repository, TimeSpan timeout, CancellationToken cancellationToken = default)
    : IGit
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

    /// <summary>The absolute git directory, or null outside a git work tree (or when git names none that exists).</summary>
    public string? GitDirectory()
    {
        var result = TryRun("rev-parse", "--absolute-git-dir");
        return result.Succeeded && result.StandardOutput.Trim() is { Length: > 0 } directory && Directory.Exists(directory) ? directory : null;
    }

    public bool HasRemote(string name) => Run("remote").StandardOutput.Split('\n').Any(r => r.Trim() == name);

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

    /// <summary>A command that changes the repository (its argument list from <see cref="GitCommand"/>, which a dry run prints).</summary>
    private void Mutate(string[] arguments) => Run(arguments);

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

        if (result.OverLimit is { } over)
        {
            // What it wrote is the repository's content (a patch, a blob): none of it belongs in the message.
            return WorkflowException.Tool($"`{command}` {over}; nothing was changed on its account");
        }

        if (result.TimedOut)
        {
            return WorkflowException.Tool($"`{command}` did not finish in time and was stopped"
                + (result.StandardError.Trim().Length > 0 ? ": " + result.StandardError.Trim() : string.Empty));
        }

        var detail = result.FailureDetail();
        return WorkflowException.Tool($"`{command}` failed (exit code {result.ExitCode})" + (detail.Length > 0 ? ": " + detail : string.Empty));
    }
}

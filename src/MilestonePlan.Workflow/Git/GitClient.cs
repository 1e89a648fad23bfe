using MilestonePlan.Workflow.Processes;

namespace MilestonePlan.Workflow.Git;

/// <summary>The git operations of the workflow, each one process with an argument list. Failures throw MP9001 with git's stderr.</summary>
/// <param name="dryRun">When set, commands that change the repository are printed through it and not run.</param>
public sealed class GitClient(IProcessRunner runner, string repository, TimeSpan timeout, Action<string>? dryRun = null)
{
    private static readonly Dictionary<string, string> Environment = new()
    {
        ["LC_ALL"] = "C",
        ["GIT_TERMINAL_PROMPT"] = "0",
    };

    public string Repository { get; } = repository;

    public bool IsInsideWorkTree() => TryRun("rev-parse", "--is-inside-work-tree") is { Succeeded: true } r && r.StandardOutput.Trim() == "true";

    /// <summary>Null when HEAD is detached.</summary>
    public string? CurrentBranch()
    {
        var result = TryRun("symbolic-ref", "--quiet", "--short", "HEAD");
        return result.Succeeded ? result.StandardOutput.Trim() : null;
    }

    /// <summary>Changed, staged and untracked files (porcelain), empty when clean.</summary>
    public IReadOnlyList<string> Changes() =>
        Run("status", "--porcelain", "--untracked-files=normal").StandardOutput.Split('\n').Where(l => l.Length > 0).ToList();

    public bool HasRemote(string name) => Run("remote").StandardOutput.Split('\n').Any(r => r.Trim() == name);

    public bool LocalBranchExists(string branch) => TryRun("rev-parse", "--verify", "--quiet", "refs/heads/" + branch).Succeeded;

    public bool RemoteBranchExists(string branch) =>
        Run("ls-remote", "--heads", "origin", "refs/heads/" + branch).StandardOutput.Trim().Length > 0;

    public void Fetch() => Mutate("fetch", "--quiet", "origin");

    public void CreateBranch(string branch, string startPoint) => Mutate("branch", branch, startPoint);

    public void Checkout(string branch) => Mutate("checkout", "--quiet", branch);

    public void CheckoutNew(string branch, string startPoint) => Mutate("checkout", "--quiet", "-b", branch, startPoint);

    public void PullFastForward(string branch) => Mutate("pull", "--ff-only", "--quiet", "origin", branch);

    public void Push(string branch) => Mutate("push", "--quiet", "-u", "origin", branch);

    public bool RemoteTagExists(string tag) =>
        Run("ls-remote", "--tags", "origin", "refs/tags/" + tag).StandardOutput.Trim().Length > 0;

    public void CreateTag(string tag, string commit, string message) => Mutate("tag", "-a", tag, "-m", message, commit);

    public void PushTag(string tag) => Mutate("push", "--quiet", "origin", "refs/tags/" + tag);

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

    /// <summary>True when merging <paramref name="head"/> into <paramref name="baseRef"/> would conflict (git 2.38+ merge-tree).</summary>
    public bool HasMergeConflict(string baseRef, string head)
    {
        var result = TryRun("merge-tree", "--write-tree", "--quiet", baseRef, head);
        return result.ExitCode == 1 && !result.TimedOut && !result.NotFound;
    }

    public bool IsAncestor(string ancestor, string descendant) => TryRun("merge-base", "--is-ancestor", ancestor, descendant).ExitCode == 0;

    public string Diff(string baseRef, string head, params string[] options) =>
        Run(["diff", .. options, baseRef + "..." + head]).StandardOutput;

    /// <summary>The file's content at a revision, or null when it does not exist there.</summary>
    public string? Show(string revision, string path)
    {
        var result = TryRun("show", revision + ":" + path);
        return result.Succeeded ? result.StandardOutput : null;
    }

    public ProcessResult Run(params string[] arguments)
    {
        var result = TryRun(arguments);
        if (!result.Succeeded)
        {
            throw WorkflowException.Tool(result.Describe());
        }

        return result;
    }

    public ProcessResult TryRun(params string[] arguments) =>
        runner.Run("git", ["-c", "core.quotepath=off", "-c", "color.ui=never", .. arguments], Repository, timeout, Environment);
}

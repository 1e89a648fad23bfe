using MilestonePlan.Workflow.Processes;

namespace MilestonePlan.Workflow.Tests.Support;

/// <summary>
/// A real git repository in a temp folder: a bare "origin", a work tree with a local user.name/user.email, and an
/// initial commit on `main` pushed to origin. Deleted on dispose.
/// </summary>
internal sealed class TempGitRepository : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(1);

    // The machine's own git configuration (signing, hooks, default branch) must not change what the tests see.
    private static readonly Dictionary<string, string> Isolated = new()
    {
        ["GIT_CONFIG_NOSYSTEM"] = "1",
        ["GIT_CONFIG_GLOBAL"] = OperatingSystem.IsWindows() ? "NUL" : "/dev/null",
        ["GIT_TERMINAL_PROMPT"] = "0",
    };

    private readonly ProcessRunner runner = new();

    public TempGitRepository()
    {
        Root = Path.Combine(Path.GetTempPath(), "mp-git-" + Guid.NewGuid().ToString("N")[..10]);
        Origin = Path.Combine(Root, "origin.git");
        Path_ = Path.Combine(Root, "work");
        Directory.CreateDirectory(Path_);
        GitIn(Root, "init", "--quiet", "--bare", "-b", "main", Origin);
        GitIn(Path_, "init", "--quiet", "-b", "main");
        GitIn(Path_, "config", "user.name", "Workflow Test");
        GitIn(Path_, "config", "user.email", "workflow@example.invalid");
        GitIn(Path_, "config", "commit.gpgsign", "false");
        GitIn(Path_, "config", "tag.gpgsign", "false");
        GitIn(Path_, "remote", "add", "origin", Origin);
        Write("README.md", "# test\n");
        CommitAll("initial commit", push: true);
    }

    public string Root { get; }

    /// <summary>The bare repository the work tree knows as "origin".</summary>
    public string Origin { get; }

    /// <summary>The work tree.</summary>
    public string Path_ { get; }

    public string Write(string relative, string text)
    {
        var full = Path.Combine(Path_, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, text);
        return full;
    }

    public void CommitAll(string message, bool push = false)
    {
        Git("add", "-A");
        Git("commit", "--quiet", "-m", message);
        if (push)
        {
            Git("push", "--quiet", "-u", "origin", Git("symbolic-ref", "--short", "HEAD").Trim());
        }
    }

    /// <summary>Runs git in the work tree; throws with git's stderr when it fails.</summary>
    public string Git(params string[] arguments) => GitIn(Path_, arguments);

    public string GitIn(string directory, params string[] arguments)
    {
        var result = runner.Run("git", arguments, directory, Timeout, Isolated);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(result.Describe());
        }

        return result.StandardOutput;
    }

    /// <summary>Runs git against the bare origin (to look at what was pushed).</summary>
    public string GitOrigin(params string[] arguments) => GitIn(Root, ["--git-dir", Origin, .. arguments]);

    /// <summary>
    /// Someone else pushes a commit writing <paramref name="file"/> to <paramref name="branch"/> in origin, from a clone
    /// of their own (the work tree is not touched): the base moves, and a PR changing the same file now conflicts.
    /// </summary>
    public void SomeoneElsePushes(string branch, string file, string text)
    {
        var clone = Path.Combine(Root, "other-" + Guid.NewGuid().ToString("N")[..6]);
        GitIn(Root, "clone", "--quiet", "--branch", branch, Origin, clone);
        var full = Path.Combine(clone, file);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, text);
        GitIn(clone, "add", "-A");
        GitIn(clone, "-c", "user.name=Someone Else", "-c", "user.email=else@example.invalid", "commit", "--quiet", "-m", "someone else changes " + file);
        GitIn(clone, "push", "--quiet", "origin", $"refs/heads/{branch}:refs/heads/{branch}");
    }

    public bool RemoteHas(string branch) =>
        runner.Run("git", ["--git-dir", Origin, "rev-parse", "--verify", "--quiet", "refs/heads/" + branch], Root, Timeout, Isolated).Succeeded;

    /// <summary>Everything git knows that a command could change: refs, HEAD, status.</summary>
    public string Snapshot() => Git("for-each-ref") + GitIn(Root, "--git-dir", Origin, "for-each-ref") + Git("status", "--porcelain") + Git("rev-parse", "HEAD")
        + runner.Run("git", ["symbolic-ref", "-q", "HEAD"], Path_, Timeout, Isolated).StandardOutput;

    public void Dispose()
    {
        try
        {
            foreach (var file in Directory.EnumerateFiles(Root, "*", SearchOption.AllDirectories))
            {
                File.SetAttributes(file, FileAttributes.Normal);
            }

            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}

using MilestonePlan.Workflow.Processes;

namespace MilestonePlan.Workflow.Tests.Support;

/// <summary>A real git repository in a temp folder, with a bare "origin" and `main` pushed to it.</summary>
internal sealed class TempGitRepository : IDisposable
{
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
        GitIn(Path_, "remote", "add", "origin", Origin);
        Write("README.md", "# test\n");
    }

    public string Root { get; }

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

    public string Git(params string[] arguments) => GitIn(Path_, arguments);

    public string GitIn(string directory, params string[] arguments)
    {
        var result = runner.Run("git", arguments, directory, TimeSpan.FromMinutes(1));
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(result.Describe());
        }

        return result.StandardOutput;
    }

    public bool RemoteHas(string branch) =>
        runner.Run("git", ["--git-dir", Origin, "rev-parse", "--verify", "--quiet", "refs/heads/" + branch], Root, TimeSpan.FromMinutes(1)).Succeeded;

    /// <summary>Everything git knows that a command could change: refs, HEAD, status.</summary>
    public string Snapshot() => Git("for-each-ref") + GitIn(Root, "--git-dir", Origin, "for-each-ref") + Git("status", "--porcelain") + Git("rev-parse", "HEAD")
        + (runner.Run("git", ["symbolic-ref", "-q", "HEAD"], Path_, TimeSpan.FromMinutes(1)).StandardOutput);

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

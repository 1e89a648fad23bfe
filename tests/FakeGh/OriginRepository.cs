using System.Diagnostics;

namespace FakeGh;

/// <summary>What a squash merge in the origin came to: the new base tip, or a conflict (nothing changed).</summary>
internal sealed record MergeOutcome(string? CommitOid, bool Conflict);

/// <summary>
/// The repository the fake's "GitHub" holds: the origin of the repository gh runs in (a local bare repository or
/// file:// URL in tests). Merges are done with plumbing only (merge-tree, commit-tree, update-ref), so no work tree is
/// needed and a base branch that moved meanwhile is not overwritten (update-ref checks the old tip).
/// </summary>
internal sealed class OriginRepository
{
    private OriginRepository(string gitDirectory) => GitDirectory = gitDirectory;

    public string GitDirectory { get; }

    /// <summary>The origin of the repository in <paramref name="workingDirectory"/>; null outside a repository or without an origin.</summary>
    public static OriginRepository? Find(string workingDirectory)
    {
        var (exit, url, _) = Git(workingDirectory, ["config", "--get", "remote.origin.url"]);
        url = url.Trim();
        if (exit != 0 || url.Length == 0)
        {
            return null;
        }

        string path;
        if (url.StartsWith("file://", StringComparison.OrdinalIgnoreCase))
        {
            path = new Uri(url).LocalPath;
        }
        else if (Path.IsPathRooted(url) || url.StartsWith('.') || Directory.Exists(Path.GetFullPath(url, workingDirectory)))
        {
            // git reads a relative local URL from the directory it runs in.
            path = Path.GetFullPath(url, workingDirectory);
        }
        else
        {
            // https:// or scp-like URLs: a real GitHub remote, which the fake cannot merge in.
            return null;
        }

        // A non-bare origin keeps its objects and refs in .git.
        var dotGit = Path.Combine(path, ".git");
        return new OriginRepository(Directory.Exists(dotGit) ? dotGit : path);
    }

    /// <summary>The commit a branch points at, or null when the branch does not exist.</summary>
    public string? Tip(string branch)
    {
        var (exit, output, _) = Run(["rev-parse", "--verify", "--quiet", "refs/heads/" + branch + "^{commit}"]);
        return exit == 0 ? output.Trim() : null;
    }

    /// <summary>
    /// Squash-merges <paramref name="head"/> into <paramref name="baseBranch"/>: one commit whose tree is the merge
    /// of both and whose only parent is the base tip, as GitHub's "Squash and merge" makes it.
    /// </summary>
    public MergeOutcome Squash(string baseBranch, string head, string message) => Merge(baseBranch, head, message, twoParents: false);

    /// <summary>A true merge commit (parents: base tip, head tip), as GitHub's "Create a merge commit" makes it.</summary>
    public MergeOutcome MergeCommit(string baseBranch, string head, string message) => Merge(baseBranch, head, message, twoParents: true);

    /// <summary>
    /// Whether merging <paramref name="head"/> into <paramref name="baseBranch"/> now would conflict, as GitHub works
    /// out `mergeable` in the background. False when either branch is missing: there is nothing to merge.
    /// </summary>
    public bool Conflicts(string baseBranch, string head) =>
        Tip(baseBranch) is not null && Tip(head) is not null
        && Run(["merge-tree", "--write-tree", "refs/heads/" + baseBranch, "refs/heads/" + head]).Exit == 1;

    public void DeleteBranch(string branch)
    {
        if (Tip(branch) is { } tip)
        {
            Checked(["update-ref", "-d", "refs/heads/" + branch, tip]);
        }
    }

    private MergeOutcome Merge(string baseBranch, string head, string message, bool twoParents)
    {
        var baseTip = Tip(baseBranch) ?? throw new CommandException($"GraphQL: Base branch {baseBranch} does not exist in the origin ({GitDirectory}) (mergePullRequest)");
        var headTip = Tip(head) ?? throw new CommandException($"GraphQL: Head branch {head} does not exist in the origin ({GitDirectory}) (mergePullRequest)");

        // Exit 1 is a conflict (the tree is still printed, with conflict markers): GitHub refuses such a merge.
        var (exit, output, error) = Run(["merge-tree", "--write-tree", "refs/heads/" + baseBranch, "refs/heads/" + head]);
        if (exit == 1)
        {
            return new MergeOutcome(null, Conflict: true);
        }

        if (exit != 0)
        {
            throw new CommandException($"fake gh: git merge-tree failed in {GitDirectory}: {error.Trim()}");
        }

        var tree = output.Split('\n')[0].Trim();
        List<string> commitTree = ["commit-tree", "--no-gpg-sign", tree, "-p", baseTip];
        if (twoParents)
        {
            commitTree.AddRange(["-p", headTip]);
        }

        commitTree.AddRange(["-m", message]);
        var commit = Checked(commitTree).Trim();
        Checked(["update-ref", "refs/heads/" + baseBranch, commit, baseTip]);
        return new MergeOutcome(commit, Conflict: false);
    }

    private string Checked(IReadOnlyList<string> arguments)
    {
        var (exit, output, error) = Run(arguments);
        return exit == 0 ? output
            : throw new CommandException($"fake gh: git {arguments[0]} failed in {GitDirectory}: {error.Trim()}");
    }

    private (int Exit, string Output, string Error) Run(IReadOnlyList<string> arguments) =>
        Git(GitDirectory, ["--git-dir", GitDirectory, .. arguments]);

    private static (int Exit, string Output, string Error) Git(string workingDirectory, IReadOnlyList<string> arguments)
    {
        var start = new ProcessStartInfo("git")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // GitHub is the author of the squash commit here; the machine's identity (or its absence) must not matter.
        foreach (var variable in new[] { "GIT_AUTHOR_NAME", "GIT_COMMITTER_NAME" })
        {
            start.Environment[variable] = "fake-gh";
        }

        foreach (var variable in new[] { "GIT_AUTHOR_EMAIL", "GIT_COMMITTER_EMAIL" })
        {
            start.Environment[variable] = "fake-gh@example.invalid";
        }

        start.Environment["GIT_TERMINAL_PROMPT"] = "0";
        using var process = Process.Start(start) ?? throw new CommandException("fake gh: could not start git");
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output, error.Result);
    }
}

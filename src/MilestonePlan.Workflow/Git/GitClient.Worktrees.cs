namespace MilestonePlan.Workflow.Git;

/// <summary>Work trees: RunMilestone's parallel agents each work in one (`git worktree`), the main work tree untouched.</summary>
internal sealed partial class GitClient
{
    /// <summary>`git worktree list --porcelain`: "worktree &lt;path&gt;" starts an entry, "branch refs/heads/&lt;name&gt;" names its branch.</summary>
    public IReadOnlyList<(string Path, string? Branch)> Worktrees()
    {
        var trees = new List<(string Path, string? Branch)>();
        string? path = null;
        string? branch = null;
        foreach (var line in Run("worktree", "list", "--porcelain").StandardOutput.Split('\n').Append(string.Empty))
        {
            var text = line.TrimEnd('\r');
            if (text.Length == 0)
            {
                if (path is not null)
                {
                    trees.Add((path, branch));
                }

                (path, branch) = (null, null);
            }
            else if (text.StartsWith("worktree ", StringComparison.Ordinal))
            {
                path = System.IO.Path.GetFullPath(text.Substring("worktree ".Length));
            }
            else if (text.StartsWith("branch refs/heads/", StringComparison.Ordinal))
            {
                branch = text.Substring("branch refs/heads/".Length);
            }
        }

        return trees;
    }

    public void AddWorktree(string path, string commit) => Mutate(GitCommand.AddWorktree(path, commit));

    public void RemoveWorktree(string path) => Mutate(GitCommand.RemoveWorktree(path));

    public void PruneWorktrees() => Mutate(GitCommand.PruneWorktrees());
}

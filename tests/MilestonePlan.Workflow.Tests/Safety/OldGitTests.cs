using MilestonePlan.Workflow.Git;
using MilestonePlan.Workflow.Processes;
using MilestonePlan.Workflow.Tests.Support;

namespace MilestonePlan.Workflow.Tests.Safety;

/// <summary>git older than 2.38 has no merge-tree --write-tree: the conflict check refuses, naming the version.</summary>
[TestClass]
public sealed class OldGitTests
{
    [TestMethod]
    [DataRow("git version 2.39.5\n", "2.39.5")]
    [DataRow("git version 2.45.1.windows.1\n", "2.45.1")]
    [DataRow("git version 2.39.3 (Apple Git-146)\n", "2.39.3")]
    [DataRow("git version 2.37\n", "2.37.0")]
    public void Versions_are_read(string output, string version) => Assert.AreEqual(Version.Parse(version), GitOutput.Version(output));

    [TestMethod]
    [DataRow("")]
    [DataRow("hub version 2.14.2")]
    [DataRow("git version x.y")]
    public void Unreadable_versions_are_null(string output) => Assert.IsNull(GitOutput.Version(output));

    [TestMethod]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void Git_2_37_is_refused_with_its_version_before_any_conflict_check_runs()
    {
        using var repo = new TempGitRepository();
        var bin = Path.Combine(repo.Root, "old-git");
        Directory.CreateDirectory(bin);
        var real = ExecutableLocator.Find("git", Environment.GetEnvironmentVariable("PATH"))!;
        var shim = Path.Combine(bin, "git");
        File.WriteAllText(shim, $"#!/bin/sh\nfor a in \"$@\"; do if [ \"$a\" = --version ]; then echo 'git version 2.37.3'; exit 0; fi; done\nexec '{real}' \"$@\"\n");
        File.SetUnixFileMode(shim, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var runner = new EnvironmentRunner(new Dictionary<string, string> { ["PATH"] = bin + ":" + Environment.GetEnvironmentVariable("PATH") });
        var git = new GitClient(runner, repo.Path_, TimeSpan.FromMinutes(1));

        var error = Assert.ThrowsExactly<WorkflowException>(() => git.HasMergeConflict("refs/heads/main", "HEAD"));

        StringAssert.Contains(error.Message, "git 2.37.3 cannot check for merge conflicts");
        StringAssert.Contains(error.Message, "needs git 2.38 or later");
        Assert.IsFalse(new GitClient(new ProcessRunner(), repo.Path_, TimeSpan.FromMinutes(1)).HasMergeConflict("refs/heads/main", "HEAD"), "the installed git checks");
    }
}

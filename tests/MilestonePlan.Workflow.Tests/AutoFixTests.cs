using MilestonePlan.Workflow.Tests.Support;

namespace MilestonePlan.Workflow.Tests;

/// <summary>
/// The template's auto-fix before a soft stop (issue #22): when a check fails, MilestonePlanFixCommand runs, its changes
/// are their own commit, the checks run again, and only a check that still fails is ⏭️ Skipped, saying so. Real git,
/// a bare origin, the fake gh; the check and the fix are small scripts run with an argument list (no shell between).
/// </summary>
[TestClass]
public sealed class AutoFixTests
{
    /// <summary>Passes once src/Parser.cs says "formatted".</summary>
    private const string Check = "#!/bin/sh\ngrep -q formatted src/Parser.cs\n";

    [TestMethod]
    public void A_check_the_fix_repairs_gets_one_fix_commit_and_the_PR_opens()
    {
        using var repo = SubmitIssueTests.StartIssueOne();
        var check = Script(repo, "check.sh", Check);
        var fix = Script(repo, "fix.sh", "#!/bin/sh\necho '// formatted' >> src/Parser.cs\n");

        var stops = repo.Runner(checks: $"'{check}'", fix: $"'{fix}'").SubmitIssue();

        Assert.IsEmpty(stops, string.Join("\n", repo.Output));
        var log = repo.Git.GitOrigin("log", "--format=%s", "feat/m1-01-parser", "-2");
        StringAssert.StartsWith(log, "style(m1): auto-fix for Parser\n", log);
        Assert.AreEqual(1, repo.IssuePullRequests.Count, "the PR opened");
        Assert.AreEqual(1, repo.Output.Count(l => l.StartsWith("Running auto-fix: ", StringComparison.Ordinal)));
    }

    [TestMethod]
    public void A_check_that_still_fails_after_the_fix_is_skipped_saying_so()
    {
        using var repo = SubmitIssueTests.StartIssueOne();
        var check = Script(repo, "check.sh", "#!/bin/sh\necho 'test Parser failed' >&2\nexit 3\n");
        var fix = Script(repo, "fix.sh", "#!/bin/sh\necho '// formatted' >> src/Parser.cs\n");

        var stops = repo.Runner(checks: $"'{check}'", fix: $"'{fix}'").SubmitIssue();

        var stop = stops.Single();
        Assert.AreEqual(("checks-failed", false), (stop.Code, stop.IsHard));
        StringAssert.StartsWith(stop.Reason, "checks still fail after auto-fix: ");
        StringAssert.Contains(repo.PlanText, "* #01 — Parser — Skipped: checks still fail after auto-fix: ");
        Assert.IsFalse(repo.Git.RemoteHas("feat/m1-01-parser"), "nothing pushed");
        StringAssert.Contains(repo.Git.Git("log", "--format=%s", "-1"), "style(m1): auto-fix for Parser", "the fix stays on the local branch for a person to see");
    }

    [TestMethod]
    public void A_fix_that_changes_nothing_is_said()
    {
        using var repo = SubmitIssueTests.StartIssueOne();
        var check = Script(repo, "check.sh", Check);
        var fix = Script(repo, "fix.sh", "#!/bin/sh\nexit 0\n");

        var stop = repo.Runner(checks: $"'{check}'", fix: $"'{fix}'").SubmitIssue().Single();

        StringAssert.EndsWith(stop.Reason, "; the auto-fix changed nothing");
        Assert.AreEqual(string.Empty, repo.Git.Git("status", "--porcelain"));
    }

    [TestMethod]
    public void A_fix_that_fails_is_said_and_its_changes_are_kept_in_the_stash()
    {
        using var repo = SubmitIssueTests.StartIssueOne();
        var check = Script(repo, "check.sh", Check);
        var fix = Script(repo, "fix.sh", "#!/bin/sh\necho '// half' >> src/Parser.cs\nexit 2\n");

        var stop = repo.Runner(checks: $"'{check}'", fix: $"'{fix}'").SubmitIssue().Single();

        StringAssert.Contains(stop.Reason, "; the auto-fix failed (");
        StringAssert.Contains(repo.Git.Git("stash", "list"), "milestoneplan: the auto-fix that failed");
        Assert.AreEqual(string.Empty, repo.Git.Git("status", "--porcelain"), "the tree is clean for the record");
    }

    [TestMethod]
    public void A_fix_whose_program_is_missing_stops_before_anything_runs()
    {
        using var repo = SubmitIssueTests.StartIssueOne();

        var e = Assert.ThrowsExactly<MilestonePlan.Workflow.WorkflowException>(() => repo.Runner(fix: "no-such-formatter --fix").SubmitIssue());

        StringAssert.Contains(e.Message, "MilestonePlanFixCommand");
        Assert.IsFalse(repo.Git.RemoteHas("feat/m1-01-parser"));
    }

    private static string Script(WorkflowRepository repo, string name, string body)
    {
        var path = Path.Combine(repo.Gh.Folder, name);
        File.WriteAllText(path, body);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        return path;
    }
}

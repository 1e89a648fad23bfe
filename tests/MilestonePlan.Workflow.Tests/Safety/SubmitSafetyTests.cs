using MilestonePlan.Workflow.Tests.Support;

namespace MilestonePlan.Workflow.Tests.Safety;

/// <summary>The issue's exploit 2 through SubmitIssue: a token in a file whose name holds a space is a stop; nothing is pushed or opened.</summary>
[TestClass]
public sealed class SubmitSafetyTests
{
    private const string Token = "ghp_0123456789abcdefghijklmnopqrstuvwxyzAB";

    [TestMethod]
    [DataRow("config/local settings.txt")]
    [DataRow("config/tab\tname.txt")]
    [DataRow("config/new\nline.txt")]
    [DataRow("-config.txt")]
    public void A_committed_token_stops_SubmitIssue_whatever_the_file_name(string name)
    {
        using var repo = new WorkflowRepository();
        repo.Runner().RunNextIssue();
        repo.Git.Write(name, $"github = {Token}\n");
        repo.Git.CommitAll("settings");

        var stops = repo.Runner().SubmitIssue();

        Assert.AreEqual("secret", stops[0].Code);
        Assert.AreEqual(name, stops[0].Path);
        Assert.IsFalse(repo.Git.RemoteHas("feat/m1-01-parser"), "nothing pushed");
        Assert.IsFalse(repo.IssueGhCalls.Any(c => c[0] == "pr" && c[1] != "list"), "no PR");
        Assert.DoesNotContain(Token, repo.PlanText);
        Assert.IsFalse(repo.Output.Any(l => l.Contains(Token, StringComparison.Ordinal)));
    }

    [TestMethod]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void A_failing_check_that_prints_a_secret_is_recorded_redacted_on_one_line()
    {
        using var repo = new WorkflowRepository();
        repo.Runner().RunNextIssue();
        repo.Git.Write("src/Parser.cs", "namespace App; public static class Parser { }\n");
        repo.Git.CommitAll("work");
        var check = Path.Combine(repo.Git.Root, "check.sh");
        File.WriteAllText(check, $"#!/bin/sh\necho \"deploy failed for {Token}\" >&2\nexit 1\n");
        File.SetUnixFileMode(check, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);

        var stops = repo.Runner(checks: check).SubmitIssue();

        Assert.AreEqual("checks-failed", stops.Single().Code);
        Assert.DoesNotContain(Token, repo.PlanText);
        StringAssert.Contains(repo.PlanText, "[redacted: GitHub token]");
        Assert.IsFalse(repo.Output.Any(l => l.Contains(Token, StringComparison.Ordinal)));
    }

    [TestMethod]
    public void A_spec_holding_a_secret_is_never_published_and_the_error_names_file_line_and_kind()
    {
        using var repo = new WorkflowRepository(plan: PushIssuesTests.Plan);
        repo.Git.Write("docs/03-build-notes/m1/01-parser.md", $"---\ntitle: \"Parser\"\n---\n\n# Parser\n\nUse {Token} to log in.\n");
        repo.Git.Write("docs/03-build-notes/m1/02-rules.md", "---\ntitle: \"Rules\"\n---\n\n# Rules\n");
        repo.Git.CommitAll("specs", push: true);

        var error = Assert.ThrowsExactly<WorkflowException>(() => repo.Runner().PushIssues());

        StringAssert.Contains(error.Message, "docs/03-build-notes/m1/01-parser.md: a GitHub token on line 3 of the body");
        Assert.DoesNotContain(Token, error.Message);
        var issues = repo.Gh.State["issues"]!.AsArray();
        Assert.HasCount(1, issues, "only the clean spec was published");
        Assert.AreEqual("Rules", issues[0]!["title"]!.GetValue<string>());
        Assert.IsFalse(repo.IssueGhCalls.Any(c => c.Contains("Parser")), "the secret's issue was never asked for");
    }
}

using MilestonePlan.Workflow.Processes;
using MilestonePlan.Workflow.Tests.Support;

namespace MilestonePlan.Workflow.Tests.GitHub;

/// <summary>The fake must be as strict as gh, or a client bug would pass here and fail for real.</summary>
[TestClass]
public sealed class FakeGhTests
{
    private static ProcessResult Gh(FakeGhEnvironment gh, params string[] arguments) =>
        gh.Runner.Run("gh", arguments, gh.Folder, TimeSpan.FromMinutes(1));

    [TestMethod]
    public void Flags_gh_does_not_have_are_rejected_like_gh_does()
    {
        using var gh = new FakeGhEnvironment();

        var longFlag = Gh(gh, "pr", "create", "--base", "x", "--auto-merge");
        var shorthand = Gh(gh, "pr", "merge", "1", "--squash", "-x");
        var wrongCommand = Gh(gh, "pr", "view", "1", "--squash");

        Assert.AreEqual(1, longFlag.ExitCode);
        StringAssert.StartsWith(longFlag.StandardError, "unknown flag: --auto-merge");
        Assert.AreEqual(1, shorthand.ExitCode);
        StringAssert.StartsWith(shorthand.StandardError, "unknown shorthand flag: 'x' in -x");
        StringAssert.StartsWith(wrongCommand.StandardError, "unknown flag: --squash", "a flag of another subcommand is unknown here");
        Assert.HasCount(3, gh.Calls, "rejected calls are logged too");
        Assert.IsFalse(File.Exists(gh.StatePath), "nothing was created");
    }

    [TestMethod]
    public void Flags_are_read_the_way_pflag_reads_them()
    {
        using var gh = new FakeGhEnvironment();

        var result = Gh(gh, "pr", "create", "-B", "base", "--head=feat/x", "-t", "-starts with dash", "-bbody text", "-d");

        Assert.IsTrue(result.Succeeded, result.Describe());
        var pr = gh.State["prs"]!.AsArray().Single()!;
        Assert.AreEqual(("base", "feat/x", "-starts with dash", "body text", true),
            (pr["base"]!.GetValue<string>(), pr["head"]!.GetValue<string>(), pr["title"]!.GetValue<string>(), pr["body"]!.GetValue<string>(), pr["isDraft"]!.GetValue<bool>()));
    }

    [TestMethod]
    public void Unknown_JSON_fields_missing_merge_methods_and_duplicate_PRs_fail_as_in_gh()
    {
        using var gh = new FakeGhEnvironment();
        Assert.IsTrue(Gh(gh, "pr", "create", "--base", "b", "--head", "h", "--title", "t", "--body", "x").Succeeded);

        var json = Gh(gh, "pr", "view", "1", "--json", "number,merged");
        var method = Gh(gh, "pr", "merge", "1", "--auto");
        var duplicate = Gh(gh, "pr", "create", "--base", "b", "--head", "h", "--title", "t", "--body", "x");
        var missing = Gh(gh, "pr", "view", "99", "--json", "number");

        StringAssert.StartsWith(json.StandardError, "Unknown JSON field: \"merged\"");
        StringAssert.Contains(method.StandardError, "--merge, --rebase, or --squash required when not running interactively");
        StringAssert.StartsWith(duplicate.StandardError, "a pull request for branch \"h\" into branch \"b\" already exists");
        StringAssert.Contains(missing.StandardError, "Could not resolve to a PullRequest with the number of 99");
        Assert.IsTrue(new[] { json, method, duplicate, missing }.All(r => r.ExitCode == 1));
    }

    [TestMethod]
    public void An_unauthenticated_fake_answers_every_API_command_with_exit_4()
    {
        using var gh = new FakeGhEnvironment();
        gh.Configure(s => s["authenticated"] = false);

        var list = Gh(gh, "pr", "list", "--json", "number");
        var status = Gh(gh, "auth", "status");

        Assert.AreEqual(4, list.ExitCode);
        StringAssert.Contains(list.StandardError, "gh auth login");
        Assert.AreEqual(1, status.ExitCode);
    }
}

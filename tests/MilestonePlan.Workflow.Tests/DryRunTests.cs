using MilestonePlan.Workflow.Actions;
using MilestonePlan.Workflow.Tests.Support;

namespace MilestonePlan.Workflow.Tests;

/// <summary>
/// A dry run of each target that changes something, on the dry-run services the runner composes: the repository, its
/// origin and the fake GitHub are left as they were, no gh command that changes GitHub is run, and what a real run would
/// run is printed. (RunNextIssue's own dry-run test, with its plan diff, is in RunNextIssueTests.)
/// </summary>
[TestClass]
public sealed class DryRunTests
{
    [TestMethod]
    [DataRow("SubmitIssue", "would run: git push --quiet -u origin refs/heads/feat/m1-01-parser:refs/heads/feat/m1-01-parser",
        "would run: gh pr create --base milestone/m1-core --head feat/m1-01-parser --title \"feat(m1): Parser (#01)\" --body-file <body>",
        "would run: gh pr merge <number> --auto --squash --delete-branch")]
    [DataRow("PushIssues", "would run: gh issue create --title Parser --body-file <body>",
        "would run: gh issue create --title Rules --body-file <body>")]
    [DataRow("CompleteMilestone", "would run: git fetch --quiet origin",
        "would run: gh pr create --base main --head milestone/m1-core --title \"M1 Milestone: M1\" --body-file <body>")]
    [DataRow("RunNextIssue", "would run: git branch milestone/m1-core refs/remotes/origin/main",
        "would run: git push --quiet -u origin refs/heads/milestone/m1-core:refs/heads/milestone/m1-core")]
    [DataRow("RunMilestone", "RunMilestone dry run: next #01 Parser on feat/m1-01-parser (base milestone/m1-core)",
        "would run the agent: my-agent --spec docs/03-build-notes/m1/01-parser.md")]
    public void A_dry_run_changes_nothing_in_git_or_on_GitHub_and_prints_what_it_would_run(string target, params string[] printed)
    {
        using var repo = Prepared(target);
        var before = (Git: repo.Git.Snapshot(), GitHub: GitHub(repo), Calls: repo.Gh.Calls.Count);

        new WorkflowRunner(repo.Settings(new()
        {
            ["MilestonePlanDryRun"] = "true",
            ["MilestonePlanCheckCommand"] = "none",
            ["MilestonePlanAgentCommand"] = "my-agent --spec {spec}",
        }), repo.Gh.Runner, repo.Output.Add).Run(target);

        var output = string.Join("\n", repo.Output);
        Assert.AreEqual(before.Git, repo.Git.Snapshot(), "branches, tags, HEAD and the work tree, here and on origin: " + output);
        Assert.AreEqual(before.GitHub, GitHub(repo), "GitHub's PRs and issues");
        var asked = repo.Gh.Calls.Skip(before.Calls).ToList();
        Assert.IsFalse(asked.Any(c => c.Length > 1 && c[1] is "create" or "merge" or "ready" or "edit" or "close"),
            "no gh command that changes GitHub ran: " + string.Join("; ", asked.Select(c => string.Join(" ", c))));
        Assert.IsFalse(asked.Any(c => c.Length > 1 && c[0] == "auth"), "a dry run never needs gh to be logged in");
        foreach (var line in printed)
        {
            Assert.IsTrue(repo.Output.Any(l => l.StartsWith(line, StringComparison.Ordinal)), $"'{line}' in:\n{output}");
        }
    }

    /// <summary>The fake GitHub's PRs and issues (its state file is written on the first call, read or not).</summary>
    private static string GitHub(WorkflowRepository repo) =>
        (repo.Gh.State["prs"]?.ToJsonString() ?? "[]") + (repo.Gh.State["issues"]?.ToJsonString() ?? "[]");

    /// <summary>The repository as the target's real run would find it: an issue with work to submit, a finished milestone, or a fresh plan.</summary>
    private static WorkflowRepository Prepared(string target)
    {
        switch (target)
        {
            case "SubmitIssue":
                return SubmitIssueTests.StartIssueOne();
            case "CompleteMilestone":
                var repo = new WorkflowRepository(plan: CompleteMilestoneTests.AllDone(WorkflowRepository.Plan));
                repo.Git.Git("checkout", "--quiet", "-b", "milestone/m1-core");
                repo.Git.Write("src/feature.txt", "milestone work\n");
                repo.Git.CommitAll("work", push: true);
                return repo;
            default:
                return new WorkflowRepository();
        }
    }
}

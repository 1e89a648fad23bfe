using MilestonePlan.Workflow.Actions;
using MilestonePlan.Workflow.Agent;
using MilestonePlan.Workflow.Tests.Support;

namespace MilestonePlan.Workflow.Tests;

/// <summary>
/// The whole loop with real git, a bare origin, the fake gh merging for real, and scripted agents (small executable
/// scripts, run by path with an argument list, as a user's agent CLI would be).
/// </summary>
[TestClass]
public sealed class RunMilestoneTests
{
    private const string Implements = ScriptedAgent.Implements;

    private static WorkflowRunner Loop(WorkflowRepository repo, string agent, string log, int maxIssues = 0, double mergeTimeoutSeconds = 20) =>
        ScriptedAgent.Loop(repo, agent, maxIssues, mergeTimeoutSeconds);

    private static string AgentLog(WorkflowRepository repo) => ScriptedAgent.Log(repo);

    private static string[] AgentCalls(WorkflowRepository repo) => ScriptedAgent.Calls(repo);

    [TestMethod]
    public void Every_issue_is_implemented_merged_and_marked_done_and_a_second_run_changes_nothing()
    {
        using var repo = new WorkflowRepository();
        // Checks "pass" once the PR is looked at: its auto-merge then really squash-merges on the bare origin.
        repo.Gh.Configure(s => s["autoMergeMode"] = "onview");

        var loop = Loop(repo, Implements, AgentLog(repo));
        var outcomes = loop.RunMilestone();

        CollectionAssert.AreEqual(new[] { "#01 Done", "#02 Done", "#03 Done" }, outcomes.Select(o => $"{o.Issue} {o.State}").ToArray(), string.Join("\n", repo.Output));
        // The target's items: one per issue, with the PR that merged it.
        CollectionAssert.AreEqual(new[] { "#01", "#02", "#03" }, loop.Items.Select(i => i.Identity).ToArray());
        Assert.IsTrue(loop.Items.All(i => i.Metadata["State"] == "Done" && i.Metadata["Url"].StartsWith("https://github.com/example/repo/pull/", StringComparison.Ordinal)));
        CollectionAssert.AreEqual(new[] { "#01", "#02", "#03" }, AgentCalls(repo));
        var log = repo.Git.GitOrigin("log", "--format=%s", "milestone/m1-core");
        StringAssert.Contains(log, "feat(m1): Parser (#01) (#");
        StringAssert.Contains(log, "feat(m1): Docs (#03) (#");
        Assert.AreEqual("code for Rules\n", repo.Git.GitOrigin("show", "milestone/m1-core:src/issue-#02.txt"));
        // The tracking reached the base through its PR: the base's own plan says all three are done.
        var basePlan = repo.Git.GitOrigin("show", "milestone/m1-core:" + WorkflowRepository.PlanRelative);
        foreach (var issue in new[] { "#01", "#02", "#03" })
        {
            StringAssert.Contains(basePlan, $"[x] {issue}");
        }

        Assert.AreEqual(string.Empty, repo.Git.Git("status", "--porcelain"), "the work tree is clean");
        // What the build says about the result: the base's plan and specs validate without a finding.
        repo.Git.Git("checkout", "--quiet", "milestone/m1-core");
        repo.Git.Git("pull", "--quiet", "--ff-only", "origin", "refs/heads/milestone/m1-core");
        var findings = Core.Validation.RepositoryValidator.Validate(Core.IO.DiskFileSystem.Instance,
            new Core.Configuration.ValidationOptions { RepositoryRoot = repo.Git.Path_ }).Diagnostics;
        Assert.IsEmpty(findings, string.Join("\n", findings));
        var prs = repo.Gh.State["prs"]!.AsArray().Count;

        var again = Loop(repo, Implements, AgentLog(repo)).RunMilestone();

        Assert.IsEmpty(again, "nothing is eligible on a finished milestone");
        Assert.AreEqual(prs, repo.Gh.State["prs"]!.AsArray().Count, "a second run opens no PR");
        Assert.HasCount(3, AgentCalls(repo), "and runs no agent");
    }

    [TestMethod]
    public void An_agent_that_adds_a_migration_is_a_hard_stop_nothing_is_pushed_and_its_dependents_wait()
    {
        using var repo = new WorkflowRepository();
        const string migration = """
            #!/bin/sh
            echo "$MILESTONEPLAN_ISSUE" >> "$AGENT_LOG"
            mkdir -p Data/Migrations
            printf 'using Microsoft.EntityFrameworkCore.Migrations;\n[Migration("20261124_Init")]\npublic partial class Init : Migration { }\n' > Data/Migrations/Init.cs
            """;

        var outcomes = Loop(repo, migration, AgentLog(repo)).RunMilestone();

        Assert.AreEqual("#01 Stopped", outcomes.Select(o => $"{o.Issue} {o.State}").Single(), string.Join("\n", repo.Output));
        Assert.AreEqual(string.Empty, repo.Git.GitOrigin("branch", "--list", "feat/m1-01-parser").Trim(), "never pushed");
        Assert.IsFalse(repo.IssuePullRequests.Any(), "no issue PR");
        StringAssert.Contains(repo.PlanText, "#01 — Parser — STOP:");
        Assert.IsTrue(repo.Output.Any(l => l.Contains("waiting: #02", StringComparison.Ordinal)), "its dependents wait:\n" + string.Join("\n", repo.Output));
        Assert.AreEqual(string.Empty, repo.Git.Git("status", "--porcelain"));
    }

    [TestMethod]
    [DataRow("exit 3", "the agent exited with code 3")]
    [DataRow("true", "the agent changed nothing")]
    public void An_agent_that_fails_or_changes_nothing_is_a_soft_stop(string body, string reason)
    {
        using var repo = new WorkflowRepository();

        var outcomes = Loop(repo, "#!/bin/sh\n" + body, AgentLog(repo), maxIssues: 1).RunMilestone();

        var outcome = outcomes.Single();
        Assert.AreEqual((IssueOutcomeState.Skipped, reason), (outcome.State, outcome.Reason));
        StringAssert.Contains(repo.PlanText, "Skipped: " + reason);
        Assert.IsFalse(repo.IssuePullRequests.Any());
    }

    [TestMethod]
    public void The_agents_output_is_in_the_log_as_it_runs_redacted_and_before_its_end()
    {
        // The agent prints a line, a token and a blank line, then blocks until the log has its first line: it ends only
        // if its output reaches the log while it runs (the log's writer creates the file the agent waits for).
        using var repo = new WorkflowRepository();
        repo.Gh.Configure(s => s["autoMergeMode"] = "onview");
        var seenFile = Path.Combine(repo.Gh.Folder, "agent-line-seen");
        var agent = "#!/bin/sh\necho \"working on $MILESTONEPLAN_ISSUE\"\necho 'token ghp_0123456789abcdefghijklmnopqrstuvwxyzAB' >&2\necho\n"
            + "printf -- '-----BEGIN RSA PRIVATE KEY-----\\nMIIEowKEYBODYLINE\\n-----END RSA PRIVATE KEY-----\\n'\n"
            + $"while [ ! -e '{seenFile}' ]; do sleep 0.05; done\n" + Implements.Substring(Implements.IndexOf('\n') + 1);
        void Say(string line)
        {
            repo.Output.Add(line);
            if (line == "agent> working on #01")
            {
                File.WriteAllText(seenFile, string.Empty);
            }
        }

        var outcome = ScriptedAgent.Loop(repo, agent, maxIssues: 1, agentTimeout: TimeSpan.FromSeconds(40), say: Say).RunMilestone().Single();

        var output = repo.Output.ToArray();
        Assert.AreEqual(IssueOutcomeState.Done, outcome.State, string.Join("\n", output));
        var first = Array.IndexOf(output, "agent> working on #01");
        var ended = Array.FindIndex(output, l => l.StartsWith("#01: the agent ended after", StringComparison.Ordinal));
        Assert.IsTrue(first >= 0 && ended > first, string.Join("\n", output));
        Assert.IsTrue(output.Any(l => l.StartsWith("agent> token ", StringComparison.Ordinal)), string.Join("\n", output));
        Assert.IsFalse(output.Any(l => l.Contains("ghp_0123456789", StringComparison.Ordinal)), "the token is redacted");
        Assert.IsFalse(output.Any(l => l.Contains("KEYBODYLINE", StringComparison.Ordinal)), "a private key's body lines are redacted too");
        Assert.AreEqual(3, output.Count(l => l == "agent> [redacted: private key block]"), string.Join("\n", output));
        Assert.IsFalse(output.Any(l => l.TrimEnd() == "agent>"), "blank lines are left out");
    }

    [TestMethod]
    public void An_agent_that_runs_past_its_timeout_is_ended_and_a_soft_stop()
    {
        using var repo = new WorkflowRepository();
        var clock = System.Diagnostics.Stopwatch.StartNew();

        var outcome = ScriptedAgent.Loop(repo, "#!/bin/sh\necho started\nsleep 60", maxIssues: 1, agentTimeout: TimeSpan.FromSeconds(2)).RunMilestone().Single();

        Assert.AreEqual(IssueOutcomeState.Skipped, outcome.State, string.Join("\n", repo.Output));
        StringAssert.StartsWith(outcome.Reason, "the agent did not finish within");
        Assert.IsLessThan(50, clock.Elapsed.TotalSeconds, "the agent's sleep was ended, not waited for");
    }

    [TestMethod]
    public void Ctrl_C_during_the_agent_ends_it_keeps_its_work_in_the_stash_leaves_the_tree_clean_and_the_next_run_resumes()
    {
        using var repo = new WorkflowRepository();
        using var cancel = new CancellationTokenSource();
        const string slow = """
            #!/bin/sh
            echo half > half-done.txt
            sleep 60
            """;
        cancel.CancelAfter(TimeSpan.FromSeconds(8));

        Assert.ThrowsExactly<OperationCanceledException>(() => ScriptedAgent.Loop(repo, slow, cancellation: cancel.Token).RunMilestone());

        Assert.AreEqual(string.Empty, repo.Git.Git("status", "--porcelain"), "clean");
        Assert.AreEqual("feat/m1-01-parser", repo.Git.Git("symbolic-ref", "--short", "HEAD").Trim());
        StringAssert.Contains(repo.Git.Git("stash", "list"), "milestoneplan: interrupted agent run for #01");
        Assert.IsFalse(repo.IssuePullRequests.Any(), "nothing submitted");
        repo.Gh.Configure(s => s["autoMergeMode"] = "onview");

        var resumed = ScriptedAgent.Loop(repo, Implements, maxIssues: 1).RunMilestone();

        Assert.AreEqual("#01 Done", resumed.Select(o => $"{o.Issue} {o.State}").Single(), string.Join("\n", repo.Output));
    }

    [TestMethod]
    public void An_agent_that_commits_on_the_base_is_a_hard_stop_and_the_base_is_left_as_it_was()
    {
        using var repo = new WorkflowRepository();
        var baseTip = repo.Git.GitOrigin("rev-parse", "main").Trim();
        const string rogue = """
            #!/bin/sh
            git checkout -q milestone/m1-core
            echo rogue > rogue.txt
            git add rogue.txt
            git -c user.name=a -c user.email=a@b commit -q -m rogue
            git checkout -q "$MILESTONEPLAN_BRANCH"
            """;

        var outcome = Loop(repo, rogue, AgentLog(repo), maxIssues: 1).RunMilestone().Single();

        Assert.AreEqual(IssueOutcomeState.Stopped, outcome.State, string.Join("\n", repo.Output));
        StringAssert.Contains(outcome.Reason, "the agent committed on the base milestone/m1-core");
        Assert.AreEqual(repo.Git.GitOrigin("rev-parse", "milestone/m1-core").Trim(), repo.Git.Git("rev-parse", "milestone/m1-core").Trim(),
            "the local base is back where origin has it");
        Assert.AreEqual(baseTip, repo.Git.GitOrigin("rev-parse", "main").Trim());
        Assert.IsFalse(repo.Git.GitOrigin("log", "--format=%s", "milestone/m1-core").Contains("rogue", StringComparison.Ordinal));
    }

    [TestMethod]
    public void A_run_stopped_after_the_agent_resumes_at_the_checks_and_makes_one_PR()
    {
        using var repo = new WorkflowRepository();
        repo.Gh.Configure(s => s["autoMergeMode"] = "onview");
        // The earlier run: branch made, agent's work committed, then the build was stopped.
        repo.Runner().RunNextIssue();
        repo.Git.Write("src/parser.txt", "parser\n");
        repo.Git.CommitAll("feat(m1): Parser");

        var outcomes = Loop(repo, Implements, AgentLog(repo), maxIssues: 1).RunMilestone();

        Assert.AreEqual("#01 Done", outcomes.Select(o => $"{o.Issue} {o.State}").Single(), string.Join("\n", repo.Output));
        Assert.IsEmpty(AgentCalls(repo), "the agent is not run again on a branch with work");
        Assert.HasCount(1, repo.IssuePullRequests);
    }

    [TestMethod]
    public void Placeholders_are_substituted_inside_arguments_and_never_split_again()
    {
        var values = new Dictionary<string, string> { ["{title}"] = "a \"b\" $(rm -rf ~); {issue}", ["{issue}"] = "#01" };

        var (command, problem) = AgentCommand.Parse("agent --title={title} '{issue} x' \"y {issue}\" z\\ w", values);

        Assert.IsNull(problem);
        Assert.AreEqual("agent", command!.Program);
        CollectionAssert.AreEqual(new[] { "--title=a \"b\" $(rm -rf ~); {issue}", "#01 x", "y #01", "z w" }, command.Arguments.ToArray());
        Assert.AreEqual("MilestonePlanAgentCommand has an unclosed double quote", AgentCommand.Parse("agent \"x", values).Problem);
    }
}

using MilestonePlan.Core.Model;
using MilestonePlan.Core.Planning;
using MilestonePlan.Workflow.GitHub;
using MilestonePlan.Workflow.Tests.Support;

namespace MilestonePlan.Workflow.Tests.GitHub;

/// <summary>GhClient against the fake gh first on PATH (GitHub is not reachable here).</summary>
[TestClass]
public sealed class GhClientTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(1);

    private static GhClient Client(FakeGhEnvironment gh) => new(gh.Runner, gh.Folder, Timeout);

    [TestMethod]
    public void A_created_PR_has_exactly_the_title_body_base_and_head_given()
    {
        using var gh = new FakeGhEnvironment();
        const string body = "## Acceptance Criteria\n\n- [ ] Parser works ü ✓\r\n";

        var (number, url) = Client(gh).CreatePullRequest("milestone/m1-core", "feat/m1-01-parser", "feat(m1): Parser (#01)", body);

        Assert.AreEqual(1, number);
        Assert.AreEqual("https://github.com/example/repo/pull/1", url);
        var pr = gh.State["prs"]!.AsArray().Single()!;
        Assert.AreEqual("feat(m1): Parser (#01)", pr["title"]!.GetValue<string>());
        Assert.AreEqual(body, pr["body"]!.GetValue<string>());
        Assert.AreEqual("milestone/m1-core", pr["base"]!.GetValue<string>());
        Assert.AreEqual("feat/m1-01-parser", pr["head"]!.GetValue<string>());
        Assert.AreEqual("OPEN", pr["state"]!.GetValue<string>());
    }

    [TestMethod]
    [DataRow("pr")]
    [DataRow("issue")]
    public void A_title_or_body_holding_a_secret_is_never_sent_and_the_message_names_only_its_kind(string what)
    {
        using var gh = new FakeGhEnvironment();
        const string body = "Summary\n\ndebug: ghp_abcdefghijklmnopqrstuvwxyz0123456789\n";

        var e = Assert.ThrowsExactly<MilestonePlan.Workflow.WorkflowException>(() =>
        {
            if (what == "pr")
            {
                Client(gh).CreatePullRequest("milestone/m1-core", "chore/m1-plan-tracking", "chore(m1): update plan tracking", body);
            }
            else
            {
                Client(gh).CreateIssue("t", body, []);
            }
        });

        StringAssert.Contains(e.Message, "would publish a GitHub token; nothing was sent to GitHub");
        Assert.DoesNotContain("ghp_abc", e.Message);
        Assert.IsEmpty(gh.State["prs"]?.AsArray() ?? []);
        Assert.IsEmpty(gh.State["issues"]?.AsArray() ?? []);
    }

    [TestMethod]
    public void Auto_merge_is_requested_with_squash_and_branch_deletion_and_read_back_as_pending()
    {
        using var gh = new FakeGhEnvironment();
        var client = Client(gh);
        var (number, _) = client.CreatePullRequest("milestone/m1-core", "feat/m1-01-parser", "t", "b");

        var merge = client.EnableAutoMerge(number);
        var pr = client.View(number);

        Assert.IsTrue(merge.Succeeded, merge.Describe());
        CollectionAssert.AreEqual(new[] { "pr", "merge", "1", "--auto", "--squash", "--delete-branch" }, gh.Calls.Single(c => c[1] == "merge"));
        CollectionAssert.AreEqual(new[] { "pr", "view", "1", "--json", "number,title,state,headRefName,baseRefName,url,mergedAt,isDraft,createdAt,statusCheckRollup,mergeStateStatus,autoMergeRequest" },
            gh.Calls.Single(c => c[1] == "view"));
        Assert.IsTrue(pr.IsOpen);
        Assert.IsFalse(pr.IsMerged);
        Assert.IsTrue(pr.AutoMergeEnabled);
        Assert.AreEqual(("feat/m1-01-parser", "milestone/m1-core"), (pr.HeadRefName, pr.BaseRefName));
    }

    [TestMethod]
    public void A_PR_that_merges_at_once_reads_back_as_merged()
    {
        using var gh = new FakeGhEnvironment();
        gh.Configure(s => s["autoMergeMode"] = "immediate");
        var client = Client(gh);
        var (number, _) = client.CreatePullRequest("milestone/m1-core", "feat/m1-01-parser", "t", "b");

        Assert.IsTrue(client.EnableAutoMerge(number).Succeeded);
        var pr = client.View("feat/m1-01-parser");

        Assert.IsTrue(pr.IsMerged);
        Assert.AreEqual(new DateTimeOffset(2026, 11, 24, 12, 0, 0, TimeSpan.Zero), pr.MergedAt);
    }

    [TestMethod]
    public void A_refused_auto_merge_is_a_result_with_ghs_reason_not_an_exception()
    {
        using var gh = new FakeGhEnvironment();
        gh.Configure(s => s["autoMergeMode"] = "refuse");
        var client = Client(gh);
        var (number, _) = client.CreatePullRequest("milestone/m1-core", "feat/m1-01-parser", "t", "b");

        var merge = client.EnableAutoMerge(number);

        Assert.IsFalse(merge.Succeeded);
        StringAssert.Contains(merge.StandardError, "Auto merge is not allowed for this repository");
        Assert.IsFalse(client.View(number).AutoMergeEnabled);
    }

    [TestMethod]
    public void Not_authenticated_is_reported_with_ghs_own_words()
    {
        using var gh = new FakeGhEnvironment();
        gh.Configure(s => s["authenticated"] = false);
        var client = Client(gh);

        var status = client.AuthStatus();
        var ensure = Assert.ThrowsExactly<WorkflowException>(client.EnsureAuthenticated);
        var create = Assert.ThrowsExactly<WorkflowException>(() => client.CreatePullRequest("b", "h", "t", "b"));

        Assert.IsFalse(status.IsAuthenticated);
        StringAssert.Contains(status.Message, "You are not logged into any GitHub hosts");
        Assert.AreEqual("MP9001", ensure.Rule.Id);
        StringAssert.Contains(ensure.Message, "You are not logged into any GitHub hosts");
        StringAssert.Contains(create.Message, "gh is not authenticated");
        StringAssert.Contains(create.Message, "gh auth login");
        Assert.AreEqual(0, gh.State["prs"]?.AsArray().Count ?? 0, "no PR was created");
    }

    [TestMethod]
    public void An_authenticated_gh_passes_the_check()
    {
        using var gh = new FakeGhEnvironment();
        var status = Client(gh).AuthStatus();

        Assert.IsTrue(status.IsAuthenticated);
        StringAssert.Contains(status.Message, "Logged in to github.com");
        Client(gh).EnsureAuthenticated();
    }

    [TestMethod]
    public void A_failing_gh_command_becomes_MP9001_with_the_command_and_ghs_stderr()
    {
        using var gh = new FakeGhEnvironment();
        gh.Configure(s => s["failCommand"] = "pr list");

        var error = Assert.ThrowsExactly<WorkflowException>(() => Client(gh).List("main"));

        Assert.AreEqual("MP9001", error.Rule.Id);
        StringAssert.Contains(error.Message, "gh pr list --base main");
        StringAssert.Contains(error.Message, "HTTP 502: Bad Gateway");
    }

    [TestMethod]
    public void Hostile_titles_arrive_byte_exact()
    {
        using var gh = new FakeGhEnvironment();
        var client = Client(gh);
        string[] titles =
        [
            "Fix \"quotes\" and 'single'", "$(rm -rf /) and ${HOME}", "`id` ticks", "a; b && c | d > e", "ünïcode — ✓ 日本語 🚀",
            "-t starts with a dash", "--", "back\\slash\\", "tab\tand\nnewline",
        ];

        for (var i = 0; i < titles.Length; i++)
        {
            client.CreatePullRequest("main-base", $"feat/m1-0{i}-x", titles[i], titles[i]);
        }

        CollectionAssert.AreEqual(titles, gh.Calls.Select(c => c[Array.IndexOf(c, "--title") + 1]).ToArray());
        CollectionAssert.AreEqual(titles, gh.State["prs"]!.AsArray().Select(p => p!["title"]!.GetValue<string>()).ToArray());
        CollectionAssert.AreEqual(titles, gh.State["prs"]!.AsArray().Select(p => p!["body"]!.GetValue<string>()).ToArray());
    }

    [TestMethod]
    public void An_issue_is_created_with_labels_milestone_and_body_and_its_number_returned()
    {
        using var gh = new FakeGhEnvironment();
        gh.Configure(s => s["nextNumber"] = 41);

        var number = Client(gh).CreateIssue("Parser ü", "Body ✓\n", ["type:feature", "area: a,b", "say \"hi\""], "M1: Core");

        Assert.AreEqual(41, number);
        var issue = gh.State["issues"]!.AsArray().Single()!;
        Assert.AreEqual("Parser ü", issue["title"]!.GetValue<string>());
        Assert.AreEqual("Body ✓\n", issue["body"]!.GetValue<string>());
        Assert.AreEqual("M1: Core", issue["milestone"]!.GetValue<string>());
        CollectionAssert.AreEqual(new[] { "type:feature", "area: a,b", "say \"hi\"" },
            issue["labels"]!.AsArray().Select(l => l!.GetValue<string>()).ToArray(), "gh reads --label as CSV; a comma must not split a label");
    }

    [TestMethod]
    public void A_milestone_GitHub_does_not_have_is_an_error()
    {
        using var gh = new FakeGhEnvironment();
        gh.Configure(s => s["milestones"] = new System.Text.Json.Nodes.JsonArray("M1"));

        var error = Assert.ThrowsExactly<WorkflowException>(() => Client(gh).CreateIssue("t", "b", [], "M2"));

        StringAssert.Contains(error.Message, "could not add to milestone 'M2'");
    }

    [TestMethod]
    public void The_PR_list_of_a_base_branch_is_read_with_states_and_merge_times()
    {
        using var gh = new FakeGhEnvironment();
        var client = Client(gh);
        client.CreatePullRequest("milestone/m1-core", "feat/m1-01-a", "A", "a");
        client.CreatePullRequest("milestone/m1-core", "feat/m1-02-b", "B", "b");
        client.CreatePullRequest("other", "feat/m2-01-c", "C", "c");
        gh.Configure(s => s["autoMergeMode"] = "immediate");
        client.EnableAutoMerge(1);

        var list = client.List("milestone/m1-core");

        CollectionAssert.AreEqual(new[] { 2, 1 }, list.Select(p => p.Number).ToArray(), "newest first, other bases left out");
        Assert.IsTrue(list.Single(p => p.Number == 1).IsMerged);
        Assert.IsTrue(list.Single(p => p.Number == 2).IsOpen);
        Assert.IsNull(list.Single(p => p.Number == 2).MergedAt);
    }

    [TestMethod]
    [DataRow("pending", "Pending")]
    [DataRow("passing", "Passing")]
    [DataRow("failing", "Failing")]
    [DataRow("none", "Passing")]
    public void A_PR_is_read_back_with_its_checks_draft_flag_and_creation_time(string checks, string expected)
    {
        using var gh = new FakeGhEnvironment();
        gh.Configure(s => s["checks"] = checks);
        var client = Client(gh);
        client.CreatePullRequest("main-base", "feat/m1-01-a", "A", "a");

        var pr = client.View(1);

        Assert.AreEqual(Enum.Parse<CheckState>(expected), pr.Checks);
        Assert.IsFalse(pr.IsDraft);
        Assert.IsNotNull(pr.CreatedAt);
    }

    [TestMethod]
    public void An_older_gh_without_autoMergeRequest_is_asked_again_without_it()
    {
        using var gh = new FakeGhEnvironment();
        gh.Configure(s => s["legacyJsonFields"] = true);
        var client = Client(gh);
        client.CreatePullRequest("main-base", "feat/m1-01-a", "A", "a");

        var pr = client.View(1);

        Assert.AreEqual("A", pr.Title);
        CollectionAssert.AreEqual(
            new[] { "number,title,state,headRefName,baseRefName,url,mergedAt,isDraft,createdAt,statusCheckRollup,mergeStateStatus,autoMergeRequest", "number,title,state,headRefName,baseRefName,url,mergedAt,isDraft,createdAt,statusCheckRollup,mergeStateStatus" },
            gh.Calls.Where(c => c[1] == "view").Select(c => c[^1]).ToArray());
    }

    [TestMethod]
    public void A_missing_gh_is_MP9001_naming_gh()
    {
        using var gh = new FakeGhEnvironment(installGh: false);
        var client = Client(gh);

        var error = Assert.ThrowsExactly<WorkflowException>(client.EnsureAuthenticated);
        var result = client.TryRun("auth", "status");

        StringAssert.Contains(error.Message, "gh (the GitHub CLI) was not found on PATH");
        Assert.IsTrue(result.NotFound);
        Assert.IsEmpty(gh.Calls);
    }

    [TestMethod]
    public void Label_arguments_are_CSV_quoted_only_when_needed()
    {
        Assert.AreEqual("type:feature", GhCommand.LabelArgument("type:feature"));
        Assert.AreEqual("\"a,b\"", GhCommand.LabelArgument("a,b"));
        Assert.AreEqual("\"say \"\"hi\"\"\"", GhCommand.LabelArgument("say \"hi\""));
    }

    [TestMethod]
    public void What_a_dry_run_prints_is_what_gh_is_given_but_the_body_file()
    {
        using var gh = new FakeGhEnvironment();

        Client(gh).CreateIssue("Parser", "Body\n", ["a,b", "plain"], "M1");

        var given = gh.Calls.Single(c => c[0] == "issue");
        var printed = GhCommand.CreateIssue("Parser", GhCommand.BodyPlaceholder, ["a,b", "plain"], "M1");
        var file = Array.IndexOf(given, "--body-file") + 1;
        CollectionAssert.AreEqual(printed, given.Select((a, i) => i == file ? GhCommand.BodyPlaceholder : a).ToArray());
        Assert.IsFalse(File.Exists(given[file]), "the body file is deleted once gh has read it");
    }
}

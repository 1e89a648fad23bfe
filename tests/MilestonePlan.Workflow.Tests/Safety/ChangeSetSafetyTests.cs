using MilestonePlan.Workflow.Git;
using MilestonePlan.Workflow.Processes;
using MilestonePlan.Workflow.StopConditions;
using MilestonePlan.Workflow.Tests.Support;

namespace MilestonePlan.Workflow.Tests.Safety;

/// <summary>
/// PRODUCT.md section 7, "never lets a stop be bypassed by a file name": the change set comes from git's -z outputs,
/// through real git, for every name shape and change kind.
/// </summary>
[TestClass]
public sealed class ChangeSetSafetyTests
{
    private const string Token = "ghp_0123456789abcdefghijklmnopqrstuvwxyzAB";

    private static readonly string[] HostileNames =
    [
        "config/local settings.txt", "config/\"quoted\".txt", "config/tab\there.txt", "config/new\nline.txt", "config/ünïcödé 😀.txt",
        "-leading-dash.txt", "config/back\\slash.txt", "config/'single'.txt", "config/ b/x.txt", "config/+++ b.txt", "config/\u007fdel.txt",
    ];

    private static (TempGitRepository Repo, GitClient Git) Branch()
    {
        var repo = new TempGitRepository();
        repo.Git("checkout", "--quiet", "-b", "feat/m1-01-x");
        return (repo, new GitClient(new ProcessRunner(), repo.Path_, TimeSpan.FromMinutes(1)));
    }

    private static IReadOnlyList<StopFinding> Classify(GitClient git) =>
        StopConditionClassifier.Classify(ChangeSetLoader.Load(git, "refs/heads/main", "HEAD"), new StopPolicy(), new StopFacts("milestone/m1-core"));

    [TestMethod]
    public void A_secret_is_found_whatever_the_file_is_called()
    {
        foreach (var name in HostileNames)
        {
            var (repo, git) = Branch();
            using (repo)
            {
                repo.Write(name, $"line one\ntoken = {Token}\n");
                repo.CommitAll("add");

                var changes = ChangeSetLoader.Load(git, "refs/heads/main", "HEAD");
                var secret = Classify(git).Single(f => f.Code == "secret");

                Assert.AreEqual(name, changes.Files.Single().Path, "the name exactly as written");
                Assert.AreEqual((name, 2), (secret.Path, secret.Line), name);
                Assert.DoesNotContain(Token, secret.ToString(), "the finding never holds the secret");
            }
        }
    }

    [TestMethod]
    [DataRow(".github/workflows/{0}.yml", "protected-path")]
    [DataRow("deploy/{0}.sh", "protected-path")]
    [DataRow("src/Data/Migrations/{0}.cs", "database-migration")]
    [DataRow("web/{0}/package.json", "dependency-change")]
    [DataRow("src/Auth/{0}.cs", "sensitive-code")]
    public void Every_path_stop_holds_whatever_the_file_is_called(string pattern, string code)
    {
        foreach (var name in new[] { "a b", "q\"x", "t\tb", "n\nl", "ünï 😀", "-dash", "back\\slash" })
        {
            var (repo, git) = Branch();
            using (repo)
            {
                var path = string.Format(System.Globalization.CultureInfo.InvariantCulture, pattern, name);
                repo.Write(path, "content\n");
                repo.CommitAll("add");

                var findings = Classify(git);

                Assert.IsTrue(findings.Any(f => f.Code == code && f.Path == path), $"{code} for '{path}': {string.Join("; ", findings)}");
            }
        }
    }

    [TestMethod]
    public void An_added_line_that_looks_like_a_patch_header_is_still_an_added_line()
    {
        var (repo, git) = Branch();
        using (repo)
        {
            repo.Write("notes.txt", $"++ b/innocent.txt\n@@ -0,0 +1 @@\n+{Token}\n");
            repo.CommitAll("add");

            var file = ChangeSetLoader.Load(git, "refs/heads/main", "HEAD").Files.Single();

            Assert.AreEqual(3, file.AddedLines.Count);
            Assert.AreEqual("secret", Classify(git).Single().Code);
        }
    }

    [TestMethod]
    public void A_gitattributes_that_marks_files_binary_does_not_hide_a_secret()
    {
        var (repo, git) = Branch();
        using (repo)
        {
            repo.Write(".gitattributes", "*.txt binary\n");
            repo.Write("a.txt", $"{Token}\n");
            repo.CommitAll("add");

            Assert.IsTrue(Classify(git).Any(f => f.Code == "secret" && f.Path == "a.txt"));
        }
    }

    [TestMethod]
    public void A_rename_is_classified_under_both_names_and_its_added_lines_are_scanned()
    {
        var (repo, git) = Branch();
        using (repo)
        {
            repo.Git("checkout", "--quiet", "main");
            repo.Write(".env.production", string.Join("\n", Enumerable.Range(1, 20).Select(i => $"LINE_{i}=value {i}")) + "\n");
            repo.CommitAll("base");
            repo.Git("checkout", "--quiet", "feat/m1-01-x");
            repo.Git("merge", "--quiet", "--ff-only", "main");
            Directory.CreateDirectory(Path.Combine(repo.Path_, "docs"));
            repo.Git("mv", ".env.production", "docs/moved settings.txt");
            File.AppendAllText(Path.Combine(repo.Path_, "docs/moved settings.txt"), $"TOKEN={Token}\n");
            repo.CommitAll("move");

            var file = ChangeSetLoader.Load(git, "refs/heads/main", "HEAD").Files.Single();
            var findings = Classify(git);

            Assert.AreEqual((ChangeKind.Renamed, "docs/moved settings.txt", ".env.production"), (file.Kind, file.Path, file.OldPath));
            Assert.IsTrue(findings.Any(f => f.Code == "protected-path" && f.Path == ".env.production"), "moved out of a protected name");
            Assert.IsTrue(findings.Any(f => f.Code == "secret" && f.Path == "docs/moved settings.txt" && f.Line == 21));
        }
    }

    [TestMethod]
    public void Deletions_symlinks_submodules_and_mode_changes_are_all_classified()
    {
        var (repo, git) = Branch();
        using (repo)
        {
            repo.Git("checkout", "--quiet", "main");
            repo.Write("infra/main.tf", "resource\n");
            repo.Write("tool.sh", "echo hi\n");
            repo.CommitAll("base");
            repo.Git("checkout", "--quiet", "feat/m1-01-x");
            repo.Git("merge", "--quiet", "--ff-only", "main");
            repo.Git("rm", "--quiet", "infra/main.tf");
            File.CreateSymbolicLink(Path.Combine(repo.Path_, "docs link"), "/etc/passwd");
            repo.Git("add", "-A");
            repo.Git("update-index", "--chmod=+x", "tool.sh");
            var commit = repo.Git("rev-parse", "HEAD").Trim();
            // A gitlink without a work tree folder: `add -A` would drop it again, so commit the index as it is.
            repo.Git("update-index", "--add", "--cacheinfo", $"160000,{commit},vendor/lib");
            repo.Git("commit", "--quiet", "-m", "changes");

            var files = ChangeSetLoader.Load(git, "refs/heads/main", "HEAD").Files.ToDictionary(f => f.Path);
            var findings = Classify(git);

            Assert.AreEqual(ChangeKind.Deleted, files["infra/main.tf"].Kind);
            Assert.IsTrue(findings.Any(f => f.Code == "protected-path" && f.Path == "infra/main.tf"), "a deletion of a protected file");
            Assert.IsTrue(files["docs link"].IsSymbolicLink);
            Assert.IsTrue(findings.Any(f => f.Code == "symbolic-link" && f.Path == "docs link"));
            Assert.IsTrue(files["vendor/lib"].IsSubmodule);
            Assert.IsTrue(findings.Any(f => f.Code == "dependency-change" && f.Path == "vendor/lib"));
            Assert.AreEqual(("100644", "100755"), (files["tool.sh"].OldMode, files["tool.sh"].NewMode));
        }
    }

    [TestMethod]
    [DataRow("\"a\\tb\"", "a\tb")]
    [DataRow("\"b/caf\\303\\251\"", "b/café")]
    [DataRow("\"b/q\\\"x\\\\y\\n\"", "b/q\"x\\y\n")]
    [DataRow("b/plain name", "b/plain name")]
    [DataRow("\"b/ü\"", "b/ü")]
    public void Git_quoting_is_undone(string quoted, string name) => Assert.AreEqual(name, GitPatch.Unquote(quoted));
}

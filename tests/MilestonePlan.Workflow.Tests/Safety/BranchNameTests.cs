using CsCheck;
using MilestonePlan.Core.Model;
using MilestonePlan.Workflow.Processes;

namespace MilestonePlan.Workflow.Tests.Safety;

/// <summary>BranchName is git's own rule (differential, against the installed git) plus the refusals git does not make.</summary>
[TestClass]
public sealed class BranchNameTests
{
    // Pieces that hit every clause of refs.c's check_refname_format, and the names that mean something else to git.
    private static readonly string[] Pieces =
    [
        "a", "feat", "m1", "01", "x-y", "/", "//", ".", "..", "-", "+", "@", "@{", "{", "}", "~", "^", ":", "?", "*", "[", "]", "\\",
        " ", "\t", "\u007f", "\u0001", ".lock", "lock", "HEAD", "main", "refs/", "é", "ü", "😀", "\u00a0", "\u2028", "_", "=", "!", "#", "'", "\"",
    ];

    private static readonly Gen<string> Names = Gen.OneOfConst(Pieces).Array[0, 8].Select(parts => string.Concat(parts));

    [TestMethod]
    public void Agrees_with_git_check_ref_format_branch_and_refuses_a_subset_of_what_git_accepts()
    {
        var outside = Path.Combine(Path.GetTempPath(), "mp-refs-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(outside);
        var runner = new ProcessRunner();
        var environment = new Dictionary<string, string> { ["GIT_CEILING_DIRECTORIES"] = Path.GetTempPath().TrimEnd('/'), ["LC_ALL"] = "C" };
        var checkedNames = 0;
        try
        {
            Names.Sample(name =>
            {
                var git = runner.Run("git", ["check-ref-format", "--branch", name], outside, TimeSpan.FromSeconds(30), environment);
                var gitAccepts = git.Succeeded && git.StandardOutput.TrimEnd('\n') == name;
                Assert.AreEqual(gitAccepts, BranchName.IsValidForGit(name), $"git and BranchName disagree on '{name}': {git.StandardError}");
                if (BranchName.TryCreate(name) is not null)
                {
                    Assert.IsTrue(gitAccepts, name);
                    Assert.IsFalse(name.StartsWith('+') || name.StartsWith('-') || name.StartsWith("refs/", StringComparison.Ordinal) || name is "@" or "HEAD", name);
                }

                checkedNames++;
            }, iter: 1_500, threads: 1);
        }
        finally
        {
            Directory.Delete(outside, recursive: true);
        }

        Assert.AreEqual(1_500, checkedNames);
    }

    [TestMethod]
    [DataRow("feat/m1-01-parser")]
    [DataRow("milestone/m4.1-ünï")]
    [DataRow("feat/m1-01-😀")]
    [DataRow("a.b/c-d_e")]
    public void Usable_names(string name)
    {
        var branch = BranchName.TryCreate(name)!;

        Assert.AreEqual("refs/heads/" + name, branch.FullRef);
        Assert.AreEqual($"refs/heads/{name}:refs/heads/{name}", branch.PushRefspec);
        Assert.IsFalse(branch.IsMainLine);
    }

    [TestMethod]
    [DataRow("", "is empty")]
    [DataRow("+main", "'+'")]
    [DataRow("-f", "'-'")]
    [DataRow("HEAD", "checked-out")]
    [DataRow("@", "checked-out")]
    [DataRow("refs/heads/x", "refs/")]
    [DataRow("a..b", "'..'")]
    [DataRow("a/.b", "'.'")]
    [DataRow("a.lock/b", ".lock")]
    [DataRow("a//b", "'//'")]
    [DataRow("a/", "'/'")]
    [DataRow("a.", "'.'")]
    [DataRow("a@{1}", "'@{'")]
    [DataRow("a b", "' '")]
    [DataRow("a\nb", "control")]
    [DataRow("a:b", "':'")]
    public void Unusable_names_say_why(string name, string reason)
    {
        Assert.IsNull(BranchName.TryCreate(name));
        StringAssert.Contains(BranchName.Problem(name), reason);
    }

    [TestMethod]
    public void A_lone_surrogate_is_refused()
    {
        // Not a DataRow: test data is serialised, which would replace the lone surrogate with U+FFFD.
        var name = "feat/x" + '\ud800';
        StringAssert.Contains(BranchName.Problem(name), "Unicode");
        StringAssert.Contains(BranchName.Problem("feat/" + '\udc00' + "x"), "Unicode");
        Assert.IsNotNull(BranchName.TryCreate("feat/😀"));
    }

    [TestMethod]
    public void Main_lines_are_recognised_in_any_case()
    {
        Assert.IsTrue(BranchName.TryCreate("main")!.IsMainLine);
        Assert.IsTrue(BranchName.TryCreate("Master")!.IsMainLine);
        Assert.IsFalse(BranchName.TryCreate("mainline")!.IsMainLine);
    }
}

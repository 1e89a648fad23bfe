using CsCheck;
using MilestonePlan.Core.IO;
using MilestonePlan.Core.Model;
using MilestonePlan.Workflow.Git;
using MilestonePlan.Workflow.Publishing;
using MilestonePlan.Workflow.StopConditions;

namespace MilestonePlan.Workflow.Tests.Safety;

/// <summary>
/// Property: every validator and reader of untrusted text (ref names, paths, git's outputs, text on its way into a plan
/// or the log) takes any string without throwing and keeps its promise. 2,000 cases each by default;
/// MILESTONEPLAN_FUZZ_ITERATIONS=100000 for a long run by hand.
/// </summary>
[TestClass]
public sealed class UntrustedTextFuzzTests
{
    private const string Root = "/repo";
    private const string Folder = "/repo/docs/03-build-notes/m1";

    private static readonly string[] Pieces =
    [
        "a", "feat", "m1", "01", "/", "//", "\\", ".", "..", "../", "..\\", "~", "~/", "-", "+", "@", "@{", "{", "}", "^", ":", "?", "*", "[",
        " ", "\t", "\n", "\r\n", "\0", "\u0001", "\u007f", "\u0085", "\u2028", ".lock", "HEAD", "main", "refs/heads/", "C:", "C:\\", "\\\\srv\\s",
        "é", "😀", "\ud800", "\udc00", "\"", "'", "`", "|", "<", ">", "%", "$", "ghp_0123456789abcdefghijklmnopqrstuvwxyzAB", "TOKEN=", "sk-",
        "password = \"hunter22\"", "-----BEGIN PRIVATE KEY-----", "١٢", "\uFEFF", "\u200B",
    ];

    // Built from the pieces that hit the rules, or any UTF-16 at all (lone surrogates and control characters included).
    private static readonly Gen<string> Text = Gen.OneOf(
        Gen.OneOfConst(Pieces).Array[0, 12].Select(p => string.Concat(p)),
        Gen.Char.Array[0, 40].Select(c => new string(c)),
        Gen.Select(Gen.OneOfConst(Pieces), Gen.Int[1, 3000], (p, n) => string.Concat(Enumerable.Repeat(p, n))));

    private static int Iterations =>
        int.TryParse(Environment.GetEnvironmentVariable("MILESTONEPLAN_FUZZ_ITERATIONS"), out var n) && n > 0 ? n : 2_000;

    [TestMethod]
    public void Branch_names_either_pass_every_rule_or_are_refused_with_a_reason() =>
        Text.Sample(name =>
        {
            var problem = BranchName.Problem(name);
            var branch = BranchName.TryCreate(name);
            Assert.AreEqual(problem is null, branch is not null);
            if (branch is not null)
            {
                Assert.IsTrue(BranchName.IsValidForGit(name));
                Assert.IsFalse(name[0] is '+' or '-');
                Assert.AreEqual($"refs/heads/{name}:refs/heads/{name}", branch.PushRefspec);
            }
        }, iter: Iterations, threads: 1);

    [TestMethod]
    public void Paths_resolve_inside_the_repository_or_are_refused() =>
        Text.Sample(path =>
        {
            var resolved = RepositoryPath.Resolve(Root, Folder, path);
            Assert.AreEqual(resolved.FullPath is null, resolved.Problem is not null);
            if (resolved.FullPath is { } full)
            {
                Assert.IsTrue(RepositoryPath.IsUnder(Root, full), $"'{path}' resolved to {full}");
                Assert.IsFalse(full.Contains("/../", StringComparison.Ordinal) || full.EndsWith("/..", StringComparison.Ordinal));
            }
        }, iter: Iterations, threads: 1);

    [TestMethod]
    public void Git_output_readers_take_any_text() =>
        Text.Sample(output =>
        {
            _ = GitOutput.NameStatus(output);
            _ = GitOutput.NumStat(output);
            _ = GitOutput.Raw(output);
            _ = GitOutput.PorcelainStatus(output);
            _ = GitOutput.Version(output);
            _ = GitPatch.AddedLines(output);
            _ = GitPatch.Unquote("\"" + output + "\"");
        }, iter: Iterations, threads: 1);

    [TestMethod]
    public void Text_for_a_plan_line_is_one_line_without_a_secret() =>
        Text.Sample(text =>
        {
            var line = PublishedText.PlanLine(text);
            Assert.IsFalse(line.Contains('\n') || line.Contains('\r') || line.Contains('\u2028') || line.Contains('\u0085'), line);
            Assert.IsFalse(line.Any(char.IsControl), line);
            Assert.IsNull(SecretScanner.KindOf(line), line);
            Assert.IsNull(SecretScanner.KindOf(PublishedText.Log(text)), text);
        }, iter: Iterations, threads: 1);
}

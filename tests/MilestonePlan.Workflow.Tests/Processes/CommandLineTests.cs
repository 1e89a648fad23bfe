using MilestonePlan.Workflow.Processes;

namespace MilestonePlan.Workflow.Tests.Processes;

/// <summary>
/// Arguments go to the child as one quoted string (netstandard2.0 has no ArgumentList); these tests start real
/// processes to prove each argument arrives exactly as given, with nothing interpreted by a shell.
/// </summary>
[TestClass]
public sealed class CommandLineTests
{
    private static readonly string[] Hostile =
    [
        "", "two words", "quote\"inside", "\"", "\\", "back\\slash\\", "\\\"", "\\\\\"", "trailing\\\\", "\\\\server\\share\\",
        "$(whoami)", "`id`", "${HOME}", "a;b", "a|b&c>d<e", "'single'", "* ? [x]", "~", "-n", "--", "%PATH%", "!history",
        "tab\there", "new\nline", "crlf\r\n", "ünïcode — ✓ 日本語 🚀", "  leading and trailing  ",
    ];

    [TestMethod]
    public void Hostile_arguments_reach_the_child_byte_for_byte()
    {
        CollectionAssert.AreEqual(Hostile, Echo(Hostile));
    }

    [TestMethod]
    public void Random_mixes_of_quotes_backslashes_and_spaces_round_trip()
    {
        var random = new Random(20261124);
        const string alphabet = "ab \"\\\t'$`;ü";
        var arguments = Enumerable.Range(0, 300)
            .Select(_ => new string(Enumerable.Range(0, random.Next(0, 9)).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray()))
            .ToArray();

        CollectionAssert.AreEqual(arguments, Echo(arguments));
    }

    [TestMethod]
    public void Simple_arguments_are_not_quoted_and_others_are()
    {
        Assert.AreEqual("pr create --title feat(m1):x", CommandLine.Join(["pr", "create", "--title", "feat(m1):x"]));
        // A trailing backslash needs doubling only inside quotes, where it would otherwise escape the closing quote.
        Assert.AreEqual("\"\" \"a b\" \"say \\\"hi\\\"\" end\\ \"a b\\\\\"", CommandLine.Join(["", "a b", "say \"hi\"", "end\\", "a b\\"]));
        Assert.AreEqual("git push \"-u x\"", CommandLine.Display("git", ["push", "-u x"]));
    }

    /// <summary>Runs printf with each argument as a %s value, NUL-terminated, and splits what it printed.</summary>
    private static string[] Echo(string[] arguments)
    {
        var result = new ProcessRunner().Run("printf", ["%s\\0", .. arguments], Path.GetTempPath(), TimeSpan.FromSeconds(30));
        Assert.IsTrue(result.Succeeded, result.Describe());
        var parts = result.StandardOutput.Split('\0');
        Assert.AreEqual(string.Empty, parts[^1], "every argument ends with NUL");
        return parts[..^1];
    }
}

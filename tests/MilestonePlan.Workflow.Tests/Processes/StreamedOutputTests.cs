using MilestonePlan.Workflow.Processes;

namespace MilestonePlan.Workflow.Tests.Processes;

/// <summary>A long run's output (the coding agent's) goes to the caller line by line while the program runs, bounded.</summary>
[TestClass]
public sealed class StreamedOutputTests
{
    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(60);

    private readonly ProcessRunner runner = new();

    [TestMethod]
    public void Lines_reach_the_caller_while_the_program_still_runs()
    {
        // The program ends only after the caller has seen its first line (the caller then creates the file it waits
        // for): with output handed over only at the end, this run would reach its timeout instead.
        using var folder = new TempFolder();
        var go = folder.File("go");
        var script = folder.Script("talk", $"echo 'first ü'; while [ ! -e '{go}' ]; do sleep 0.05; done; printf 'second\\r\\nthird' >&2");
        var seen = new List<string>();
        var threads = new HashSet<int>();

        var result = runner.Run(script, [], folder.Path, Generous, onLine: line =>
        {
            seen.Add(line);
            threads.Add(Environment.CurrentManagedThreadId);
            if (line == "first ü")
            {
                File.WriteAllText(go, string.Empty);
            }
        });

        Assert.IsFalse(result.TimedOut, "the first line was not handed over while the program ran");
        Assert.IsTrue(result.Succeeded, result.Describe());
        CollectionAssert.AreEqual(new[] { "first ü", "second", "third" }, seen);
        Assert.AreEqual(1, threads.Count, "every line is handed over on one thread");
        Assert.AreEqual(Environment.CurrentManagedThreadId, threads.Single(), "the caller's thread (MSBuild logs from the task's thread)");
        Assert.AreEqual("first ü\n", result.StandardOutput, "the start of each stream is kept, for the error's first line");
        Assert.AreEqual("second\r\nthird", result.StandardError);
    }

    [TestMethod]
    public void A_program_that_never_stops_writing_is_bounded_in_lines_and_line_length()
    {
        // 30,000 lines, then one line of 10,000 characters without an end, then more lines: nothing of it is kept past
        // the bounds, and the count of what was not shown is said at the end.
        using var folder = new TempFolder();
        var script = folder.Script("flood",
            "i=0; while [ $i -lt 30000 ]; do echo \"line $i\"; i=$((i+1)); done; head -c 10000 /dev/zero | tr '\\0' 'x'; echo; echo last");
        var seen = new List<string>();

        var result = runner.Run(script, [], folder.Path, Generous, onLine: seen.Add);

        Assert.IsTrue(result.Succeeded, result.Describe());
        Assert.AreEqual(OutputLines.MaxLines + 2, seen.Count);
        Assert.AreEqual("line 0", seen[0]);
        Assert.AreEqual($"line {OutputLines.MaxLines - 1}", seen[OutputLines.MaxLines - 1]);
        StringAssert.StartsWith(seen[OutputLines.MaxLines], "(the program goes on writing;");
        // 30,000 - 20,000 lines, the long line in three pieces (4,096 + 4,096 + 1,808) and "last".
        Assert.AreEqual("(10,004 more lines were not shown)", seen[^1]);
        Assert.AreEqual(OutputCapture.StreamedKeptBytes, result.StandardOutput.Length, "only the start is kept");
        StringAssert.StartsWith(result.StandardOutput, "line 0\nline 1\n");
    }

    [TestMethod]
    public void A_long_line_is_cut_into_pieces_without_splitting_a_character()
    {
        var lines = new OutputLines();
        var splitter = new LineSplitter(lines);
        // 4,095 ASCII characters, then an emoji (a surrogate pair) across the 4,096 boundary, split over two writes.
        var bytes = System.Text.Encoding.UTF8.GetBytes(new string('a', OutputLines.MaxLineLength - 1) + "😀" + "tail\r\nnext");
        splitter.Write(bytes[..4097], 4097);
        splitter.Write(bytes[4097..], bytes.Length - 4097);
        splitter.End();
        var seen = new List<string>();
        lines.Drain(seen.Add);

        Assert.HasCount(3, seen);
        Assert.AreEqual(new string('a', OutputLines.MaxLineLength - 1) + "😀", seen[0], "the pair stays in one piece");
        Assert.AreEqual("tail", seen[1]);
        Assert.AreEqual("next", seen[2]);
    }

    [TestMethod]
    public void A_failing_line_handler_ends_the_program()
    {
        using var folder = new TempFolder();
        var pidFile = folder.File("pid");
        var script = folder.Script("forever", $"echo $$ > '{pidFile}'; echo hello; sleep 600");

        Assert.ThrowsExactly<InvalidOperationException>(() =>
            runner.Run(script, [], folder.Path, Generous, onLine: _ => throw new InvalidOperationException("logger broke")));

        var pid = int.Parse(File.ReadAllText(pidFile).Trim(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.IsTrue(HasEnded(pid), "the program outlived the run");
    }

    [TestMethod]
    public void A_program_writing_past_the_output_limit_is_ended_and_fails()
    {
        // Without the limit this program writes until its timeout, and all of it would be held in memory.
        using var folder = new TempFolder();
        var script = folder.Script("endless", "while true; do echo 'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx'; done");
        var limited = new ProcessRunner(maxOutputBytes: 64 * 1024);

        var result = limited.Run(script, [], folder.Path, TimeSpan.FromMinutes(5));

        Assert.AreEqual(64L * 1024, result.OutputLimit);
        Assert.IsFalse(result.Succeeded);
        Assert.IsFalse(result.TimedOut, "ended at the limit, not at the timeout");
        Assert.AreEqual(64 * 1024, result.StandardOutput.Length, "the start is kept, up to the limit");
        StringAssert.EndsWith(result.Describe(), "wrote more than 0.06 MiB of output and was ended");
    }

    [TestMethod]
    public void The_limit_applies_to_standard_error_too_and_not_to_a_program_under_it()
    {
        using var folder = new TempFolder();
        var flood = folder.Script("flood-err", "head -c 200000 /dev/zero >&2; echo done");
        var small = folder.Script("small", "head -c 60000 /dev/zero; echo done");
        var limited = new ProcessRunner(maxOutputBytes: 64 * 1024);

        Assert.IsNotNull(limited.Run(flood, [], folder.Path, Generous).OutputLimit);
        var fine = limited.Run(small, [], folder.Path, Generous);
        Assert.IsTrue(fine.Succeeded, fine.Describe());
        Assert.AreEqual(60_005, fine.StandardOutput.Length);
    }

    [TestMethod]
    public void A_failure_message_quotes_at_most_2000_characters_of_what_the_program_wrote()
    {
        var long_ = new ProcessResult("git diff", 1, string.Empty, new string('e', 1999) + "😀" + new string('f', 5000), TimedOut: false, NotFound: false);
        var fromStdout = new ProcessResult("git diff", 1, new string('o', 3000), "  ", TimedOut: false, NotFound: false);

        Assert.AreEqual(new string('e', 1999) + "…", long_.FailureDetail(), "cut before a surrogate pair, never inside it");
        Assert.AreEqual(new string('o', 2000) + "…", fromStdout.FailureDetail());
        Assert.AreEqual("git diff failed (exit 1): " + new string('o', 2000) + "…", fromStdout.Describe());
        Assert.AreEqual("x", new ProcessResult("git diff", 1, string.Empty, " x\n", TimedOut: false, NotFound: false).FailureDetail());
    }

    private static bool HasEnded(int pid)
    {
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(pid);
            return process.WaitForExit(10_000);
        }
        catch (ArgumentException)
        {
            return true;
        }
    }
}

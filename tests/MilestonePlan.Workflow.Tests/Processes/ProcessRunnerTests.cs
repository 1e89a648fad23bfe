using System.Diagnostics;
using MilestonePlan.Workflow.Processes;

namespace MilestonePlan.Workflow.Tests.Processes;

[TestClass]
public sealed class ProcessRunnerTests
{
    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(30);

    private readonly ProcessRunner runner = new();

    [TestMethod]
    public void A_missing_program_is_a_NotFound_result_not_an_exception()
    {
        var result = runner.Run("mp-definitely-not-a-tool", ["--version"], Path.GetTempPath(), Generous);

        Assert.IsTrue(result.NotFound);
        Assert.IsFalse(result.Succeeded);
        Assert.AreEqual(-1, result.ExitCode);
        Assert.AreEqual("mp-definitely-not-a-tool --version", result.CommandLine);
        StringAssert.Contains(result.Describe(), "was not found on PATH");
    }

    [TestMethod]
    public void A_file_that_cannot_be_executed_is_NotFound_with_the_reason()
    {
        using var folder = new TempFolder();
        var path = folder.File("not-executable");
        File.WriteAllText(path, "#!/bin/sh\necho hi\n");

        var result = runner.Run(path, [], folder.Path, Generous);

        Assert.IsTrue(result.NotFound);
        StringAssert.Contains(result.StandardError, path);
    }

    [TestMethod]
    public void Output_is_captured_as_UTF8_with_line_endings_as_written_and_stderr_apart()
    {
        using var folder = new TempFolder();
        var script = folder.Script("speak", "printf 'one\\r\\ntwo ü ✓\\nno end'; printf 'warn: é\\n' >&2; exit 3");

        var result = runner.Run(script, [], folder.Path, Generous);

        Assert.AreEqual(3, result.ExitCode);
        Assert.AreEqual("one\r\ntwo ü ✓\nno end", result.StandardOutput);
        Assert.AreEqual("warn: é\n", result.StandardError);
        Assert.IsFalse(result.Succeeded);
        StringAssert.Contains(result.Describe(), "failed (exit 3): warn: é");
    }

    [TestMethod]
    public void Working_directory_and_extra_environment_reach_the_child()
    {
        using var folder = new TempFolder();
        var script = folder.Script("where", "pwd; printf '%s' \"$MP_TEST_VALUE\"");

        var result = runner.Run(script, [], folder.Path, Generous, new Dictionary<string, string> { ["MP_TEST_VALUE"] = "a b ü $(x)" });

        Assert.AreEqual(Path.GetFullPath(folder.Path) + "\na b ü $(x)", result.StandardOutput);
    }

    [TestMethod]
    public void The_program_is_looked_up_on_the_PATH_given_for_the_child()
    {
        using var folder = new TempFolder();
        folder.Script("mp-fake-tool", "echo fake");

        var found = runner.Run("mp-fake-tool", [], folder.Path, Generous, new Dictionary<string, string> { ["PATH"] = folder.Path });
        var notFound = runner.Run("mp-fake-tool", [], folder.Path, Generous);

        Assert.AreEqual("fake\n", found.StandardOutput);
        Assert.IsTrue(notFound.NotFound);
    }

    [TestMethod]
    public void A_missing_working_directory_is_a_failure_but_not_a_missing_tool()
    {
        var result = runner.Run("cat", [], Path.Combine(Path.GetTempPath(), "mp-no-such-folder-" + Guid.NewGuid().ToString("N")), Generous);

        Assert.IsFalse(result.Succeeded);
        Assert.IsFalse(result.NotFound);
        StringAssert.Contains(result.Describe(), "does not exist");
    }

    [TestMethod]
    public void Stdin_is_closed_so_a_program_waiting_for_input_ends()
    {
        var result = runner.Run("cat", [], Path.GetTempPath(), Generous);

        Assert.IsTrue(result.Succeeded, result.Describe());
        Assert.AreEqual(string.Empty, result.StandardOutput);
    }

    [TestMethod]
    public void A_timeout_kills_the_whole_process_tree_and_keeps_the_output_so_far()
    {
        using var folder = new TempFolder();
        // The child `sleep` holds stdout open; killing only the shell would leave it running and the read waiting.
        var script = folder.Script("hang", "sleep 60 &\necho \"child $!\"\nwait");
        var clock = Stopwatch.StartNew();

        var result = runner.Run(script, [], folder.Path, TimeSpan.FromMilliseconds(700));

        Assert.IsTrue(result.TimedOut);
        Assert.IsFalse(result.Succeeded);
        Assert.IsLessThan(15, clock.Elapsed.TotalSeconds, "the runner did not wait for the child");
        var child = int.Parse(result.StandardOutput.Trim().Split(' ')[1]);
        Assert.IsTrue(SpinWait.SpinUntil(() => !IsRunning(child), TimeSpan.FromSeconds(5)), $"child {child} still running");
        StringAssert.Contains(result.Describe(), "timed out");
    }

    [TestMethod]
    public void Cancellation_kills_the_program_and_throws()
    {
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(400));
        var clock = Stopwatch.StartNew();

        Assert.ThrowsExactly<OperationCanceledException>(() => runner.Run("sleep", ["60"], Path.GetTempPath(), Generous, null, cancel.Token));

        Assert.IsLessThan(15, clock.Elapsed.TotalSeconds);
    }

    [TestMethod]
    public void An_already_cancelled_token_starts_nothing()
    {
        using var folder = new TempFolder();
        var marker = folder.File("ran");
        var script = folder.Script("touch-marker", $"touch '{marker}'");

        Assert.ThrowsExactly<OperationCanceledException>(() => runner.Run(script, [], folder.Path, Generous, null, new CancellationToken(canceled: true)));
        Assert.IsFalse(File.Exists(marker));
    }

    /// <summary>Running means in /proc and not a zombie (a killed child may wait there for a reaper that never comes).</summary>
    private static bool IsRunning(int pid)
    {
        var stat = $"/proc/{pid}/stat";
        try
        {
            var fields = File.ReadAllText(stat);
            return fields[(fields.LastIndexOf(')') + 2)..][0] is not ('Z' or 'X');
        }
        catch (IOException)
        {
            return false;
        }
    }
}

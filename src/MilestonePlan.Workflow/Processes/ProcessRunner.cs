using System.ComponentModel;
using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;

namespace MilestonePlan.Workflow.Processes;

/// <summary>
/// The real runner: resolves the program on PATH itself, passes the arguments as one string quoted so that each
/// arrives unchanged (no shell is involved), captures UTF-8 output, closes stdin so nothing waits for a prompt, and
/// kills the whole process tree on timeout or cancellation.
/// </summary>
internal sealed class ProcessRunner(long maxOutputBytes = ProcessRunner.DefaultMaxOutputBytes) : IProcessRunner
{
    /// <summary>
    /// 64 MiB per stream. Untrusted content flows through git's output (an agent's change read as a patch for the secret
    /// scanner, a file's blob): a program writing more is ended and its result is a failure, so nothing it wrote is
    /// judged on a part, and a multi-gigabyte file cannot take the build's memory. Real outputs here are kilobytes.
    /// </summary>
    public const long DefaultMaxOutputBytes = 64L * 1024 * 1024;

    /// <summary>How long output is still read after the program ended, for grandchildren that kept the pipe open.</summary>
    private static readonly TimeSpan DrainGrace = TimeSpan.FromSeconds(5);

    /// <summary>How often the lines of a streamed run are handed to the caller while it waits.</summary>
    private static readonly TimeSpan LineInterval = TimeSpan.FromMilliseconds(200);

    public ProcessResult Run(string program, IReadOnlyList<string> arguments, string workingDirectory, TimeSpan timeout,
        IReadOnlyDictionary<string, string>? environment = null, CancellationToken cancellationToken = default,
        Action<string>? onLine = null)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var display = CommandLine.Display(program, arguments);
        var location = ExecutableLocator.Locate(program, Variable(environment, "PATH"));
        if (location.Path is not { } resolved)
        {
            // A refused .cmd/.bat shim is reported as the tool being unusable, with the reason and the fix (MP9001).
            return new ProcessResult(display, -1, string.Empty, location.Refusal ?? string.Empty, TimedOut: false, NotFound: true);
        }

        if (!Directory.Exists(workingDirectory))
        {
            // Not a missing tool: the program is there, the folder to run it in is not.
            return new ProcessResult(display, -1, string.Empty, $"the working directory {workingDirectory} does not exist", TimedOut: false, NotFound: false);
        }

        var start = new ProcessStartInfo(resolved, CommandLine.Join(arguments))
        {
            WorkingDirectory = workingDirectory,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            CreateNoWindow = true,
            StandardOutputEncoding = new UTF8Encoding(false),
            StandardErrorEncoding = new UTF8Encoding(false),
        };
        foreach (var pair in environment ?? new Dictionary<string, string>())
        {
            start.Environment[pair.Key] = pair.Value;
        }

        using var process = new Process { StartInfo = start };
        try
        {
            process.Start();
        }
        catch (Exception e) when (e is Win32Exception or InvalidOperationException)
        {
            // Found but not startable (no execute permission, wrong format, working directory missing): the tool is
            // as good as missing, and the reason goes where the tool's own error would.
            return new ProcessResult(display, -1, string.Empty, $"{resolved}: {e.Message}", TimedOut: false, NotFound: true);
        }

        var lines = onLine is null ? null : new OutputLines();
        var output = new OutputCapture(process.StandardOutput.BaseStream, lines, maxOutputBytes, () => ProcessTree.Kill(process));
        var error = new OutputCapture(process.StandardError.BaseStream, lines, maxOutputBytes, () => ProcessTree.Kill(process));
        try
        {
            // Nothing is ever typed in: a program that asks (a credential prompt) reads end-of-file and gives up.
            process.StandardInput.Close();
        }
        catch (IOException)
        {
            // The program already exited and closed its end.
        }

        bool exited;
        using (cancellationToken.Register(() => ProcessTree.Kill(process)))
        {
            try
            {
                exited = lines is null ? process.WaitForExit(Milliseconds(timeout)) : WaitHandingOver(process, timeout, lines, onLine!);
            }
            catch
            {
                // The caller's line handler failed: the program must not outlive the run that started it.
                ProcessTree.Kill(process);
                throw;
            }

            if (!exited)
            {
                ProcessTree.Kill(process);
                process.WaitForExit(Milliseconds(DrainGrace));
            }
        }

        output.WaitForEnd(DrainGrace);
        error.WaitForEnd(DrainGrace);
        lines?.Finish(onLine!);

        cancellationToken.ThrowIfCancellationRequested();
        if (output.Overflowed || error.Overflowed)
        {
            return new ProcessResult(display, -1, output.Text(), error.Text(), TimedOut: false, NotFound: false, OutputLimit: maxOutputBytes);
        }

        return exited
            ? new ProcessResult(display, process.ExitCode, output.Text(), error.Text(), TimedOut: false, NotFound: false)
            : new ProcessResult(display, -1, output.Text(), error.Text(), TimedOut: true, NotFound: false);
    }

    /// <summary>Waits for the program like WaitForExit(timeout), handing its lines to <paramref name="onLine"/> meanwhile.</summary>
    private static bool WaitHandingOver(Process process, TimeSpan timeout, OutputLines lines, Action<string> onLine)
    {
        var clock = Stopwatch.StartNew();
        var forever = Milliseconds(timeout) == Timeout.Infinite;
        while (true)
        {
            var slice = forever ? LineInterval : TimeSpan.FromTicks(Math.Min(LineInterval.Ticks, Math.Max(0, (timeout - clock.Elapsed).Ticks)));
            if (process.WaitForExit(Milliseconds(slice)))
            {
                return true;
            }

            lines.Drain(onLine);
            if (!forever && clock.Elapsed >= timeout)
            {
                return false;
            }
        }
    }

    /// <summary>A variable as the child will see it: the caller's value if given (any casing on Windows), else inherited.</summary>
    private static string? Variable(IReadOnlyDictionary<string, string>? environment, string name)
    {
        if (environment is not null)
        {
            if (environment.TryGetValue(name, out var exact))
            {
                return exact;
            }

            if (RuntimeInformation.IsOSPlatform(OSPlatform.Windows)
                && environment.FirstOrDefault(p => string.Equals(p.Key, name, StringComparison.OrdinalIgnoreCase)) is { Key: not null } pair)
            {
                return pair.Value;
            }
        }

        return Environment.GetEnvironmentVariable(name);
    }

    private static int Milliseconds(TimeSpan timeout) =>
        timeout == Timeout.InfiniteTimeSpan || timeout.TotalMilliseconds >= int.MaxValue ? Timeout.Infinite
        : (int)Math.Max(0, timeout.TotalMilliseconds);
}

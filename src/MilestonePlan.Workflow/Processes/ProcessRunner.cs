using System.Diagnostics;
using System.Text;

namespace MilestonePlan.Workflow.Processes;

/// <summary>The real runner: resolves the program on PATH, captures UTF-8 output, kills the process on timeout.</summary>
public sealed class ProcessRunner : IProcessRunner
{
    public ProcessResult Run(string program, IReadOnlyList<string> arguments, string workingDirectory, TimeSpan timeout,
        IReadOnlyDictionary<string, string>? environment = null)
    {
        var display = CommandLine.Display(program, arguments);
        var path = environment is not null && environment.TryGetValue("PATH", out var p) ? p : Environment.GetEnvironmentVariable("PATH");
        var resolved = ExecutableLocator.Find(program, path);
        if (resolved is null)
        {
            return new ProcessResult(display, -1, string.Empty, string.Empty, TimedOut: false, NotFound: true);
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

        var output = new StringBuilder();
        var error = new StringBuilder();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(error, e.Data);
        try
        {
            process.Start();
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return new ProcessResult(display, -1, string.Empty, string.Empty, TimedOut: false, NotFound: true);
        }

        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!process.WaitForExit((int)Math.Min(int.MaxValue, timeout.TotalMilliseconds)))
        {
            Kill(process);
            return new ProcessResult(display, -1, Text(output), Text(error), TimedOut: true, NotFound: false);
        }

        process.WaitForExit();
        return new ProcessResult(display, process.ExitCode, Text(output), Text(error), TimedOut: false, NotFound: false);
    }

    private static void Append(StringBuilder builder, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (builder)
        {
            builder.Append(line).Append('\n');
        }
    }

    private static string Text(StringBuilder builder)
    {
        lock (builder)
        {
            return builder.ToString();
        }
    }

    private static void Kill(Process process)
    {
        try
        {
            process.Kill();
        }
        catch (InvalidOperationException)
        {
        }
    }
}

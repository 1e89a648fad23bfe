using System.Diagnostics;
using System.Text;

namespace MilestonePlan.LoopBench;

/// <summary>What a process printed (standard output and error interleaved as they came), its exit code and wall time.</summary>
internal sealed record ExecResult(int ExitCode, string Output, TimeSpan Elapsed)
{
    public bool Succeeded => ExitCode == 0;
}

/// <summary>Runs a program with an argument list (never a shell) and added environment variables, capturing its output.</summary>
internal static class Exec
{
    /// <summary>
    /// MSBuild's variables that `dotnet run` may leave in our environment; a consumer build started from here must
    /// find its own SDK, as it would at a user's prompt.
    /// </summary>
    private static readonly string[] Inherited = ["MSBuildSDKsPath", "MSBUILD_EXE_PATH", "MSBuildExtensionsPath", "MSBuildLoadMicrosoftTargetsReadOnly"];

    public static ExecResult Run(string program, string directory, IEnumerable<string> arguments,
        IReadOnlyDictionary<string, string>? environment = null, TimeSpan? timeout = null)
    {
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var variable in Inherited)
        {
            start.Environment.Remove(variable);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        start.Environment["DOTNET_CLI_UI_LANGUAGE"] = "en";
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        var output = new StringBuilder();
        var clock = Stopwatch.StartNew();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        process.Start();
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!process.WaitForExit(timeout ?? TimeSpan.FromMinutes(10)))
        {
            // A stuck run must not hold the machine: its whole tree (MSBuild, the agent, gh) goes.
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            Append(output, $"(killed after {clock.Elapsed.TotalSeconds:0} s)");
            return new ExecResult(-1, output.ToString(), clock.Elapsed);
        }

        process.WaitForExit();
        return new ExecResult(process.ExitCode, output.ToString(), clock.Elapsed);
    }

    /// <summary>git in <paramref name="directory"/>; a failure is the bench's own bug, so it throws with git's message.</summary>
    public static string Git(string directory, params string[] arguments)
    {
        var result = Run("git", directory, arguments);
        return result.Succeeded ? result.Output : throw new InvalidOperationException($"git {string.Join(" ", arguments)} failed in {directory}:\n{result.Output}");
    }

    private static void Append(StringBuilder output, string? line)
    {
        if (line is not null)
        {
            lock (output)
            {
                output.AppendLine(line);
            }
        }
    }
}

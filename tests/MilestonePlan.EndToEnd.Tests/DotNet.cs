using System.Diagnostics;
using System.Text;

namespace MilestonePlan.EndToEnd.Tests;

/// <summary>Runs `dotnet` (or git) as a process with an argument list, with a private NuGet cache, and captures everything.</summary>
internal static class DotNet
{
    public sealed record Result(int ExitCode, string Output)
    {
        public IReadOnlyList<string> Lines => Output.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
    }

    public static Result Run(string workingDirectory, params string[] arguments) => Exec("dotnet", workingDirectory, arguments);

    /// <summary>
    /// Runs in the repository itself (dotnet pack): with the user's own NuGet cache, because restoring the
    /// repository's projects against a private cache would point their obj/project.assets.json at a folder
    /// that this test run deletes.
    /// </summary>
    public static Result RunInRepository(string workingDirectory, params string[] arguments) =>
        Exec("dotnet", workingDirectory, privateCache: false, arguments);

    public static Result Exec(string fileName, string workingDirectory, params string[] arguments) =>
        Exec(fileName, workingDirectory, privateCache: true, arguments);

    /// <summary>As <see cref="Run"/>, with variables added to the environment (a PATH with the fake gh first, its state file).</summary>
    public static Result RunWith(IReadOnlyDictionary<string, string> environment, string workingDirectory, params string[] arguments) =>
        Exec("dotnet", workingDirectory, privateCache: true, arguments, environment);

    private static Result Exec(string fileName, string workingDirectory, bool privateCache, string[] arguments,
        IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        if (privateCache)
        {
            start.Environment["NUGET_PACKAGES"] = Fixture.PackagesFolder;
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        start.Environment["DOTNET_CLI_UI_LANGUAGE"] = "en";
        // The test host's own MSBuild settings must not leak into the consumer's build.
        foreach (var variable in new[] { "MSBuildSDKsPath", "MSBUILD_EXE_PATH", "MSBuildExtensionsPath", "VSTEST_HOST_DEBUG" })
        {
            start.Environment.Remove(variable);
        }

        foreach (var pair in environment ?? new Dictionary<string, string>())
        {
            start.Environment[pair.Key] = pair.Value;
        }

        var output = new StringBuilder();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { lock (output) { output.AppendLine(e.Data); } } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { lock (output) { output.AppendLine(e.Data); } } };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!process.WaitForExit(TimeSpan.FromMinutes(5)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{fileName} {string.Join(" ", arguments)} did not finish in 5 minutes:\n{output}");
        }

        process.WaitForExit();
        return new Result(process.ExitCode, output.ToString());
    }
}

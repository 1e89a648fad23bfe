using System.Text.Json;
using System.Text.Json.Nodes;
using MilestonePlan.Workflow.Processes;

namespace MilestonePlan.Workflow.Tests.Support;

/// <summary>
/// A `gh` shim first on PATH that runs the FakeGh program (built beside the tests through a project reference), with
/// its state and argument log in a temp folder. Use <see cref="Runner"/> (or <see cref="Environment"/>) so only the
/// processes of the test see it; the test process's own environment is not changed.
/// </summary>
internal sealed class FakeGhEnvironment : IDisposable
{
    /// <param name="installGh">False: a PATH with git and dotnet but no gh at all, to test a missing gh.</param>
    public FakeGhEnvironment(bool installGh = true)
    {
        Folder = Path.Combine(Path.GetTempPath(), "mp-gh-" + Guid.NewGuid().ToString("N")[..10]);
        BinDirectory = Path.Combine(Folder, "bin");
        Directory.CreateDirectory(BinDirectory);
        StatePath = Path.Combine(Folder, "state.json");
        LogPath = Path.Combine(Folder, "log.jsonl");
        FakeGhDll = Path.Combine(AppContext.BaseDirectory, "FakeGh.dll");
        if (!File.Exists(FakeGhDll))
        {
            throw new InvalidOperationException($"{FakeGhDll} is missing: the test project references tests/FakeGh so that it is built and copied here");
        }

        var inherited = System.Environment.GetEnvironmentVariable("PATH") ?? string.Empty;
        if (installGh)
        {
            WriteShim();
            Path_ = BinDirectory + Path.PathSeparator + inherited;
        }
        else
        {
            // A real gh may be installed next to git (/usr/bin): dropping whole folders from PATH would drop git and
            // dotnet too. Instead the PATH is one folder holding links to exactly the programs the tests need.
            foreach (var tool in new[] { "git", "dotnet" })
            {
                if (ExecutableLocator.Find(tool, inherited) is { } found)
                {
                    File.CreateSymbolicLink(Path.Combine(BinDirectory, Path.GetFileName(found)), found);
                }
            }

            Path_ = BinDirectory;
        }

        Environment = new Dictionary<string, string>
        {
            ["PATH"] = Path_,
            ["FAKE_GH_STATE"] = StatePath,
            ["FAKE_GH_LOG"] = LogPath,
        };
        Runner = new EnvironmentRunner(Environment);
    }

    public string Folder { get; }

    /// <summary>The folder first on <see cref="Path_"/>, holding the `gh` shim.</summary>
    public string BinDirectory { get; }

    public string StatePath { get; }

    public string LogPath { get; }

    public string FakeGhDll { get; }

    /// <summary>The PATH the test's processes get.</summary>
    public string Path_ { get; }

    /// <summary>PATH, FAKE_GH_STATE and FAKE_GH_LOG, for a process started some other way (an MSBuild test, say).</summary>
    public IReadOnlyDictionary<string, string> Environment { get; }

    /// <summary>A real <see cref="ProcessRunner"/> that adds <see cref="Environment"/> to every process.</summary>
    public IProcessRunner Runner { get; }

    public JsonObject State => File.Exists(StatePath) ? JsonNode.Parse(File.ReadAllText(StatePath))!.AsObject() : new JsonObject();

    /// <summary>Every argument list gh received, in order, including the ones it rejected.</summary>
    public IReadOnlyList<string[]> Calls => File.Exists(LogPath)
        ? File.ReadAllLines(LogPath).Select(l => JsonSerializer.Deserialize<string[]>(l)!).ToList()
        : [];

    /// <summary>Changes the state before a test runs gh: switches (authenticated, autoMergeMode, failCommand...) or PRs.</summary>
    public void Configure(Action<JsonObject> change)
    {
        var state = State;
        change(state);
        File.WriteAllText(StatePath, state.ToJsonString());
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private void WriteShim()
    {
        var dotnet = DotnetHost();
        if (OperatingSystem.IsWindows())
        {
            File.WriteAllText(Path.Combine(BinDirectory, "gh.cmd"), $"@\"{dotnet}\" \"{FakeGhDll}\" %*\r\n");
            return;
        }

        var shim = Path.Combine(BinDirectory, "gh");
        File.WriteAllText(shim, $"#!/bin/sh\nexec \"{dotnet}\" \"{FakeGhDll}\" \"$@\"\n");
        File.SetUnixFileMode(shim, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    /// <summary>The dotnet that runs these tests (the SDK sets DOTNET_HOST_PATH), else the one on PATH.</summary>
    private static string DotnetHost() =>
        System.Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host
        : ExecutableLocator.Find("dotnet", System.Environment.GetEnvironmentVariable("PATH")) ?? "dotnet";
}

using System.Text.Json;
using System.Text.Json.Nodes;
using MilestonePlan.Workflow.Processes;

namespace MilestonePlan.Workflow.Tests.Support;

/// <summary>
/// A `gh` shim first on PATH that runs the FakeGh program, with its state and argument log in a temp folder.
/// Use <see cref="Runner"/> so only the processes of the test see it.
/// </summary>
internal sealed class FakeGhEnvironment : IDisposable
{
    public FakeGhEnvironment(bool installGh = true)
    {
        Folder = Path.Combine(Path.GetTempPath(), "mp-gh-" + Guid.NewGuid().ToString("N")[..10]);
        var bin = Path.Combine(Folder, "bin");
        Directory.CreateDirectory(bin);
        StatePath = Path.Combine(Folder, "state.json");
        LogPath = Path.Combine(Folder, "log.jsonl");
        if (installGh)
        {
            var fake = Path.Combine(AppContext.BaseDirectory, "FakeGh.dll");
            if (OperatingSystem.IsWindows())
            {
                File.WriteAllText(Path.Combine(bin, "gh.cmd"), $"@dotnet \"{fake}\" %*\r\n");
            }
            else
            {
                var shim = Path.Combine(bin, "gh");
                File.WriteAllText(shim, $"#!/bin/sh\nexec dotnet \"{fake}\" \"$@\"\n");
                File.SetUnixFileMode(shim, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }
        }

        // Without gh, PATH still needs git and dotnet: keep only the folders that hold them, and never a real gh.
        var keep = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator)
            .Where(d => d.Length > 0 && !File.Exists(Path.Combine(d, "gh")));
        Path_ = string.Join(Path.PathSeparator, new[] { bin }.Concat(keep));
        Runner = new EnvironmentRunner(new ProcessRunner(), new Dictionary<string, string>
        {
            ["PATH"] = Path_,
            ["FAKE_GH_STATE"] = StatePath,
            ["FAKE_GH_LOG"] = LogPath,
        });
    }

    public string Folder { get; }

    public string StatePath { get; }

    public string LogPath { get; }

    public string Path_ { get; }

    public IProcessRunner Runner { get; }

    public void Configure(Action<JsonObject> change)
    {
        var state = File.Exists(StatePath) ? JsonNode.Parse(File.ReadAllText(StatePath))!.AsObject() : new JsonObject();
        change(state);
        File.WriteAllText(StatePath, state.ToJsonString());
    }

    public JsonObject State => File.Exists(StatePath) ? JsonNode.Parse(File.ReadAllText(StatePath))!.AsObject() : new JsonObject();

    /// <summary>Every argument list gh received, in order.</summary>
    public IReadOnlyList<string[]> Calls => File.Exists(LogPath)
        ? File.ReadAllLines(LogPath).Select(l => JsonSerializer.Deserialize<string[]>(l)!).ToList()
        : [];

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

    /// <summary>Adds environment variables to every process it runs.</summary>
    private sealed class EnvironmentRunner(IProcessRunner inner, Dictionary<string, string> extra) : IProcessRunner
    {
        public ProcessResult Run(string program, IReadOnlyList<string> arguments, string workingDirectory, TimeSpan timeout,
            IReadOnlyDictionary<string, string>? environment = null)
        {
            var merged = new Dictionary<string, string>(extra);
            foreach (var pair in environment ?? new Dictionary<string, string>())
            {
                merged[pair.Key] = pair.Value;
            }

            return inner.Run(program, arguments, workingDirectory, timeout, merged);
        }
    }
}

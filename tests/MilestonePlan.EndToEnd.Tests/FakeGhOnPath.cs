namespace MilestonePlan.EndToEnd.Tests;

/// <summary>
/// The fake gh (tests/FakeGh, built beside these tests) first on PATH for the builds of one test, with its own state:
/// GitHub stands in for real, merging on the consumer's bare origin (docs in tests/FakeGh/FakeState.cs).
/// </summary>
internal sealed class FakeGhOnPath : IDisposable
{
    public FakeGhOnPath(string stateJson)
    {
        Folder = Path.Combine(Path.GetTempPath(), "mp-e2e-gh-" + Guid.NewGuid().ToString("N")[..10]);
        var bin = Path.Combine(Folder, "bin");
        Directory.CreateDirectory(bin);
        var state = Path.Combine(Folder, "state.json");
        File.WriteAllText(state, stateJson);
        var fakeGh = Path.Combine(AppContext.BaseDirectory, "FakeGh.dll");
        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";
        var shim = Path.Combine(bin, "gh");
        File.WriteAllText(shim, $"#!/bin/sh\nexec \"{dotnet}\" \"{fakeGh}\" \"$@\"\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(shim, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        Environment_ = new Dictionary<string, string>
        {
            ["PATH"] = bin + Path.PathSeparator + Environment.GetEnvironmentVariable("PATH"),
            ["FAKE_GH_STATE"] = state,
            ["FAKE_GH_LOG"] = Path.Combine(Folder, "log.jsonl"),
        };
    }

    public string Folder { get; }

    public IReadOnlyDictionary<string, string> Environment_ { get; }

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
}

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

    /// <summary>The fake's state as it is now (tests/FakeGh/FakeState.cs).</summary>
    public System.Text.Json.Nodes.JsonObject State =>
        System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Path.Combine(Folder, "state.json")))!.AsObject();

    /// <summary>The issue PR from <paramref name="head"/> as the fake holds it.</summary>
    public System.Text.Json.Nodes.JsonObject PullRequestFrom(string head) =>
        State["prs"]!.AsArray().Last(p => p!["head"]!.GetValue<string>() == head)!.AsObject();

    /// <summary>Changes the fake's state (what a test sets, or what GitHub would have done meanwhile).</summary>
    public void Configure(Action<System.Text.Json.Nodes.JsonObject> change)
    {
        var state = State;
        change(state);
        File.WriteAllText(Path.Combine(Folder, "state.json"), state.ToJsonString());
    }

    /// <summary>Runs gh (the fake) in <paramref name="repository"/>, as a person at a terminal would.</summary>
    public DotNet.Result Run(string repository, params string[] arguments) =>
        DotNet.RunWith(Environment_, repository, [Path.Combine(AppContext.BaseDirectory, "FakeGh.dll"), .. arguments]);

    /// <summary>Every gh call the workflow made, as argument lists (FAKE_GH_LOG).</summary>
    public IReadOnlyList<string[]> Calls => File.Exists(Environment_["FAKE_GH_LOG"])
        ? File.ReadAllLines(Environment_["FAKE_GH_LOG"]).Select(l => System.Text.Json.JsonSerializer.Deserialize<string[]>(l) ?? []).ToList()
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
}

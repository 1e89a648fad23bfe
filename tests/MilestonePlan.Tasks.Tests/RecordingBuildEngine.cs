using System.Collections;
using Microsoft.Build.Framework;

namespace MilestonePlan.Tasks.Tests;

/// <summary>A build engine that records what a task logs, and keeps registered task objects like MSBuild does per build.</summary>
internal sealed class RecordingBuildEngine : IBuildEngine6
{
    /// <summary>What <see cref="GetGlobalProperties"/> answers: the inner build's global properties (e.g. TargetFramework).</summary>
    public Dictionary<string, string> GlobalProperties { get; init; } = [];

    private readonly Dictionary<object, object> objects = [];

    public List<BuildErrorEventArgs> Errors { get; } = [];

    public List<BuildWarningEventArgs> Warnings { get; } = [];

    public List<BuildMessageEventArgs> Messages { get; } = [];

    public bool ContinueOnError => false;

    public int LineNumberOfTaskNode => 0;

    public int ColumnNumberOfTaskNode => 0;

    public string ProjectFileOfTaskNode => "test.proj";

    public bool IsRunningMultipleNodes => false;

    public void LogErrorEvent(BuildErrorEventArgs e) => Errors.Add(e);

    public void LogWarningEvent(BuildWarningEventArgs e) => Warnings.Add(e);

    public void LogMessageEvent(BuildMessageEventArgs e) => Messages.Add(e);

    public void LogCustomEvent(CustomBuildEventArgs e)
    {
    }

    public bool BuildProjectFile(string projectFileName, string[] targetNames, IDictionary globalProperties, IDictionary targetOutputs) => false;

    public bool BuildProjectFile(string projectFileName, string[] targetNames, IDictionary globalProperties, IDictionary targetOutputs, string toolsVersion) => false;

    public bool BuildProjectFilesInParallel(string[] projectFileNames, string[] targetNames, IDictionary[] globalProperties, IDictionary[] targetOutputsPerProject, string[] toolsVersion, bool useResultsCache, bool unloadProjectsOnCompletion) => false;

    public BuildEngineResult BuildProjectFilesInParallel(string[] projectFileNames, string[] targetNames, IDictionary[] globalProperties, IList<string>[] removeGlobalProperties, string[] toolsVersion, bool returnTargetOutputs) => default;

    public void Yield()
    {
    }

    public void Reacquire()
    {
    }

    public void RegisterTaskObject(object key, object obj, RegisteredTaskObjectLifetime lifetime, bool allowEarlyCollection) => objects[key] = obj;

    public object? GetRegisteredTaskObject(object key, RegisteredTaskObjectLifetime lifetime) => objects.TryGetValue(key, out var o) ? o : null;

    public object? UnregisterTaskObject(object key, RegisteredTaskObjectLifetime lifetime)
    {
        objects.Remove(key, out var o);
        return o;
    }

    public IReadOnlyDictionary<string, string> GetGlobalProperties() => GlobalProperties;

    public void LogTelemetry(string eventName, IDictionary<string, string> properties)
    {
    }
}

using MilestonePlan.Core.Configuration;

namespace MilestonePlan.Tasks;

/// <summary>Reads .editorconfig and .globalconfig files from disk for <see cref="SeverityConfiguration"/>, each once.</summary>
internal sealed class AnalyzerConfigLoader
{
    private readonly Dictionary<string, AnalyzerConfigFile?> files = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IReadOnlyList<AnalyzerConfigFile>> byDirectory = new(StringComparer.Ordinal);

    /// <summary>Every file read, so the validation fingerprint changes when severities change.</summary>
    public HashSet<string> FilesRead { get; } = new(StringComparer.Ordinal);

    /// <summary>.globalconfig files in the project folder and every folder up to the repository root.</summary>
    public IReadOnlyList<AnalyzerConfigFile> GlobalConfigs(string projectDirectory, string repositoryRoot)
    {
        var found = new List<AnalyzerConfigFile>();
        var root = Path.GetFullPath(repositoryRoot).TrimEnd(Path.DirectorySeparatorChar);
        for (var dir = new DirectoryInfo(projectDirectory); dir is not null; dir = dir.Parent)
        {
            if (Load(Path.Combine(dir.FullName, ".globalconfig")) is { } config)
            {
                found.Insert(0, config);
            }

            if (string.Equals(dir.FullName.TrimEnd(Path.DirectorySeparatorChar), root, StringComparison.Ordinal))
            {
                break;
            }
        }

        return found;
    }

    /// <summary>The .editorconfig files that apply to <paramref name="file"/>, farthest first.</summary>
    public IReadOnlyList<AnalyzerConfigFile> EditorConfigsFor(string file)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(file)) ?? string.Empty;
        if (byDirectory.TryGetValue(directory, out var cached))
        {
            return cached;
        }

        var found = new List<AnalyzerConfigFile>();
        for (var dir = new DirectoryInfo(directory); dir is not null; dir = dir.Parent)
        {
            if (Load(Path.Combine(dir.FullName, ".editorconfig")) is { } config)
            {
                found.Insert(0, config);
                if (config.IsRoot)
                {
                    break;
                }
            }
        }

        byDirectory[directory] = found;
        return found;
    }

    private AnalyzerConfigFile? Load(string path)
    {
        if (files.TryGetValue(path, out var config))
        {
            return config;
        }

        try
        {
            config = File.Exists(path) ? AnalyzerConfigFile.Parse(path, File.ReadAllText(path)) : null;
            if (config is not null)
            {
                FilesRead.Add(path);
            }
        }
        catch (IOException)
        {
            config = null;
        }
        catch (UnauthorizedAccessException)
        {
            config = null;
        }

        files[path] = config;
        return config;
    }
}

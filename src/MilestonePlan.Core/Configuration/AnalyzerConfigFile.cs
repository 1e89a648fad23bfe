using MilestonePlan.Core.Diagnostics;

namespace MilestonePlan.Core.Configuration;

/// <summary>One parsed .editorconfig or .globalconfig: its sections and their `dotnet_diagnostic.ID.severity` entries.</summary>
internal sealed class AnalyzerConfigFile
{
    private readonly List<(EditorConfigGlob? Glob, Dictionary<string, PlanSeverity?> Severities)> sections = [];

    private AnalyzerConfigFile(string directory, bool isRoot, bool isGlobal)
    {
        Directory = directory;
        IsRoot = isRoot;
        IsGlobal = isGlobal;
    }

    /// <summary>Folder of the file, with `/` separators.</summary>
    public string Directory { get; }

    public bool IsRoot { get; }

    /// <summary>A .globalconfig (or `is_global = true`): applies to every file, whatever its sections say.</summary>
    public bool IsGlobal { get; }

    public static AnalyzerConfigFile Parse(string path, string text)
    {
        var global = Path.GetFileName(path).Equals(".globalconfig", StringComparison.OrdinalIgnoreCase)
            || text.IndexOf("is_global", StringComparison.OrdinalIgnoreCase) >= 0 && HasTrue(text, "is_global");
        var file = new AnalyzerConfigFile(Path.GetDirectoryName(path)!.Replace('\\', '/'), HasTrue(text, "root"), global);
        var current = (Glob: (EditorConfigGlob?)null, Severities: new Dictionary<string, PlanSeverity?>(StringComparer.OrdinalIgnoreCase));
        file.sections.Add(current);
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line[0] is '#' or ';')
            {
                continue;
            }

            if (line[0] == '[' && line.EndsWith("]", StringComparison.Ordinal))
            {
                current = (EditorConfigGlob.Parse(line.Substring(1, line.Length - 2)), new Dictionary<string, PlanSeverity?>(StringComparer.OrdinalIgnoreCase));
                file.sections.Add(current);
                continue;
            }

            var equals = line.IndexOf('=');
            if (equals <= 0)
            {
                continue;
            }

            var key = line.Substring(0, equals).Trim();
            const string prefix = "dotnet_diagnostic.";
            const string suffix = ".severity";
            if (key.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) && key.EndsWith(suffix, StringComparison.OrdinalIgnoreCase)
                && key.Length > prefix.Length + suffix.Length)
            {
                var id = key.Substring(prefix.Length, key.Length - prefix.Length - suffix.Length);
                current.Severities[id] = ParseSeverity(StripComment(line.Substring(equals + 1)));
            }
        }

        return file;
    }

    /// <summary>The severity this file sets for <paramref name="id"/> on <paramref name="fullPath"/>; null when it says nothing (or `default`).</summary>
    public PlanSeverity? SeverityFor(string id, string fullPath)
    {
        PlanSeverity? result = null;
        var path = fullPath.Replace('\\', '/');
        var relative = path.StartsWith(Directory + "/", StringComparison.Ordinal) ? path.Substring(Directory.Length + 1) : null;
        foreach (var (glob, severities) in sections)
        {
            var applies = glob is null ? IsGlobal : IsGlobal || (relative is not null && glob.IsMatch(relative));
            if (applies && severities.TryGetValue(id, out var severity) && severity is not null)
            {
                result = severity;
            }
        }

        return result;
    }

    internal static PlanSeverity? ParseSeverity(string value) => value.Trim().ToLowerInvariant() switch
    {
        "error" => PlanSeverity.Error,
        "warning" => PlanSeverity.Warning,
        "suggestion" or "info" => PlanSeverity.Info,
        "silent" or "hidden" or "refactoring" => PlanSeverity.Hidden,
        "none" => PlanSeverity.None,
        _ => null,
    };

    private static string StripComment(string value)
    {
        var hash = value.IndexOfAny(['#', ';']);
        return hash >= 0 ? value.Substring(0, hash) : value;
    }

    private static bool HasTrue(string text, string key)
    {
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            if (line.StartsWith("[", StringComparison.Ordinal))
            {
                return false;
            }

            var equals = line.IndexOf('=');
            if (equals > 0 && line.Substring(0, equals).Trim().Equals(key, StringComparison.OrdinalIgnoreCase))
            {
                return StripComment(line.Substring(equals + 1)).Trim().Equals("true", StringComparison.OrdinalIgnoreCase);
            }
        }

        return false;
    }
}

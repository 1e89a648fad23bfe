using System.Runtime.InteropServices;

namespace MilestonePlan.Workflow.Processes;

/// <summary>
/// Finds a program on PATH ourselves rather than letting the OS do it, so that the PATH a caller passes for the child
/// (a test's fake `gh` first) is the one searched, and so PATHEXT works on Windows for `git` → `git.exe`.
/// </summary>
public static class ExecutableLocator
{
    private const string DefaultPathExt = ".COM;.EXE;.BAT;.CMD";

    public static string? Find(string program, string? path, string? pathExt = null) =>
        Find(program, path, pathExt ?? Environment.GetEnvironmentVariable("PATHEXT"), RuntimeInformation.IsOSPlatform(OSPlatform.Windows));

    /// <summary>The search itself, with the platform passed in so the Windows rules are testable anywhere.</summary>
    internal static string? Find(string program, string? path, string? pathExt, bool windows)
    {
        if (program.Length == 0)
        {
            return null;
        }

        var extensions = Extensions(program, pathExt, windows);
        if (program.IndexOf('/') >= 0 || (windows && program.IndexOf('\\') >= 0))
        {
            // A path (absolute or relative to the current directory) is taken as it is: no PATH search.
            return extensions.Select(e => program + e).FirstOrDefault(IsFile) is { } given ? Path.GetFullPath(given) : null;
        }

        foreach (var directory in (path ?? string.Empty).Split(windows ? ';' : ':'))
        {
            // An empty entry means "the current directory" to a shell; a tool runner should not pick programs from there.
            var folder = directory.Trim().Trim('"');
            if (folder.Length == 0 || !Path.IsPathRooted(folder))
            {
                continue;
            }

            foreach (var extension in extensions)
            {
                var candidate = Path.Combine(folder, program + extension);
                if (IsFile(candidate))
                {
                    return candidate;
                }
            }
        }

        return null;
    }

    /// <summary>
    /// On Windows a name with a PATHEXT extension is tried as it is, any other name only with each PATHEXT extension
    /// (a bare `gh` file beside `gh.exe`, such as a shell script, cannot be started by CreateProcess).
    /// </summary>
    private static IReadOnlyList<string> Extensions(string program, string? pathExt, bool windows)
    {
        if (!windows)
        {
            return [string.Empty];
        }

        var known = (string.IsNullOrWhiteSpace(pathExt) ? DefaultPathExt : pathExt!)
            .Split(';').Select(e => e.Trim()).Where(e => e.StartsWith(".", StringComparison.Ordinal)).ToList();
        var extension = Path.GetExtension(program);
        return extension.Length > 0 && known.Contains(extension, StringComparer.OrdinalIgnoreCase) ? [string.Empty] : known;
    }

    private static bool IsFile(string candidate)
    {
        try
        {
            return File.Exists(candidate);
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}

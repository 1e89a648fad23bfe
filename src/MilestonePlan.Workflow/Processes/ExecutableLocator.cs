using System.Runtime.InteropServices;

namespace MilestonePlan.Workflow.Processes;

/// <summary>Finds a program on PATH ourselves, so a test's fake `gh` first on PATH wins and PATHEXT works on Windows.</summary>
public static class ExecutableLocator
{
    public static string? Find(string program, string? path)
    {
        if (program.IndexOfAny(['/', '\\']) >= 0)
        {
            return File.Exists(program) ? Path.GetFullPath(program) : null;
        }

        var windows = RuntimeInformation.IsOSPlatform(OSPlatform.Windows);
        var extensions = windows
            ? (Environment.GetEnvironmentVariable("PATHEXT") ?? ".EXE;.CMD;.BAT").Split(';').Where(e => e.Length > 0).Prepend(string.Empty)
            : [string.Empty];
        foreach (var directory in (path ?? string.Empty).Split(Path.PathSeparator).Where(d => d.Length > 0))
        {
            foreach (var extension in extensions)
            {
                var candidate = Path.Combine(directory.Trim('"'), program + extension);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        return null;
    }
}

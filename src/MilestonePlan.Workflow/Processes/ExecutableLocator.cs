using System.Runtime.InteropServices;

namespace MilestonePlan.Workflow.Processes;

/// <summary>Where a program was found, or why the one found is refused.</summary>
internal sealed record ProgramLocation(string? Path, string? Refusal)
{
    public static ProgramLocation None { get; } = new(null, null);
}

/// <summary>
/// Finds a program on PATH ourselves rather than letting the OS do it, so that the PATH a caller passes for the child
/// (a test's fake `gh` first) is the one searched. On Windows only a real `.exe` is run: a `.cmd`/`.bat` shim is run by
/// cmd.exe, which parses its arguments again (`&amp;`, `|`, `%VAR%` in a PR title would run commands), so the first such
/// shim on PATH is refused with an explanation instead of being run or silently skipped.
/// </summary>
internal static class ExecutableLocator
{
    private static readonly string[] Shims = [".cmd", ".bat"];

    public static string? Find(string program, string? path, string? pathExt = null) => Locate(program, path).Path;

    public static ProgramLocation Locate(string program, string? path) =>
        Locate(program, path, RuntimeInformation.IsOSPlatform(OSPlatform.Windows));

    /// <summary>Kept for callers that pass PATHEXT: it no longer matters, since only `.exe` is ever run on Windows.</summary>
    internal static string? Find(string program, string? path, string? pathExt, bool windows) => Locate(program, path, windows).Path;

    /// <summary>The search itself, with the platform passed in so the Windows rules are testable anywhere.</summary>
    internal static ProgramLocation Locate(string program, string? path, bool windows)
    {
        if (program.Length == 0)
        {
            return ProgramLocation.None;
        }

        if (program.IndexOf('/') >= 0 || (windows && program.IndexOf('\\') >= 0))
        {
            // A path (absolute or relative to the current directory) is taken as it is: no PATH search.
            if (windows && Shims.Any(e => program.EndsWith(e, StringComparison.OrdinalIgnoreCase)))
            {
                return new ProgramLocation(null, Refusal(program, System.IO.Path.GetFileName(program)));
            }

            var given = windows && !program.EndsWith(".exe", StringComparison.OrdinalIgnoreCase) ? program + ".exe" : program;
            return IsFile(given) ? new ProgramLocation(System.IO.Path.GetFullPath(given), null) : ProgramLocation.None;
        }

        foreach (var directory in (path ?? string.Empty).Split(windows ? ';' : ':'))
        {
            // An empty entry means "the current directory" to a shell; a tool runner should not pick programs from there.
            var folder = directory.Trim().Trim('"');
            if (folder.Length == 0 || !System.IO.Path.IsPathRooted(folder))
            {
                continue;
            }

            if (!windows)
            {
                var candidate = System.IO.Path.Combine(folder, program);
                if (IsFile(candidate))
                {
                    return new ProgramLocation(candidate, null);
                }

                continue;
            }

            var stem = program.EndsWith(".exe", StringComparison.OrdinalIgnoreCase) ? program.Substring(0, program.Length - 4) : program;
            if (Entry(folder, stem + ".exe") is { } exe)
            {
                return new ProgramLocation(exe, null);
            }

            if (Shims.Select(e => Entry(folder, stem + e)).FirstOrDefault(e => e is not null) is { } shim)
            {
                return new ProgramLocation(null, Refusal(shim, stem));
            }
        }

        return ProgramLocation.None;
    }

    private static string Refusal(string shim, string program) =>
        $"'{program}' resolves to {shim}, a batch shim that cmd.exe would run and parse again (plan text could run commands); "
        + $"MilestonePlan runs only real .exe files: put the folder holding {System.IO.Path.GetFileNameWithoutExtension(program)}.exe before this one on PATH";

    /// <summary>The entry of <paramref name="folder"/> named <paramref name="name"/> in any case (Windows names are case-insensitive).</summary>
    private static string? Entry(string folder, string name)
    {
        try
        {
            return Directory.Exists(folder)
                ? Directory.EnumerateFiles(folder).FirstOrDefault(f => string.Equals(System.IO.Path.GetFileName(f), name, StringComparison.OrdinalIgnoreCase))
                : null;
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or IOException or UnauthorizedAccessException)
        {
            return null;
        }
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

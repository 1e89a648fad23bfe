using System.ComponentModel;
using System.Diagnostics;
using System.Reflection;
using System.Runtime.InteropServices;

namespace MilestonePlan.Workflow.Processes;

/// <summary>
/// Ends a process and everything it started. A timed-out `git push` leaves `ssh` or a credential helper behind, and
/// those hold the output pipes open; killing only the parent would leave them running and the reads waiting.
/// </summary>
internal static class ProcessTree
{
    // Process.Kill(bool entireProcessTree) exists from .NET Core 3.0 on, which is every runtime MSBuild uses except
    // .NET Framework; netstandard2.0 cannot name it, so it is found once by reflection.
    private static readonly MethodInfo? KillEntireTree = typeof(Process).GetMethod("Kill", [typeof(bool)]);

    public static void Kill(Process process)
    {
        try
        {
            if (KillEntireTree is not null)
            {
                KillEntireTree.Invoke(process, [true]);
            }
            else if (RuntimeInformation.IsOSPlatform(OSPlatform.Windows))
            {
                KillWithTaskkill(process.Id);
            }
            else
            {
                process.Kill();
            }
        }
        catch (Exception e) when (e is InvalidOperationException or Win32Exception or NotSupportedException
            or TargetInvocationException)
        {
            // Already exited, or not ours to kill any more: nothing left to do.
        }
    }

    /// <summary>.NET Framework on Windows: `taskkill /T` ends the tree the way Kill(true) does on newer runtimes.</summary>
    private static void KillWithTaskkill(int processId)
    {
        var start = new ProcessStartInfo("taskkill", $"/PID {processId} /T /F")
        {
            UseShellExecute = false,
            CreateNoWindow = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var taskkill = Process.Start(start);
        if (taskkill is not null && !taskkill.WaitForExit(10_000))
        {
            taskkill.Kill();
        }
    }
}

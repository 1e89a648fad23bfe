using System.Globalization;
using System.Text;

namespace MilestonePlan.Workflow.Actions;

/// <summary>
/// One workflow run per repository at a time: an exclusive lock on `milestoneplan.lock` in the git directory (beside
/// git's own locks, never in the work tree, so it cannot dirty it). The lock is the operating system's (an open file
/// shared with no one), so it ends with the process that held it: a lock file left by a crashed run is simply taken
/// over. The file names the holder (pid, target, time) for a
/// person who looks; the operating system keeps other processes from reading it while it is held.
/// </summary>
internal sealed class WorkflowLock : IDisposable
{
    private readonly FileStream stream;

    private WorkflowLock(FileStream stream) => this.stream = stream;

    public const string FileName = "milestoneplan.lock";

    /// <summary>Takes the lock in <paramref name="gitDirectory"/>, or throws MP9001 naming the run that holds it.</summary>
    public static WorkflowLock Acquire(string gitDirectory, string action)
    {
        var path = Path.Combine(gitDirectory, FileName);
        FileStream stream;
        try
        {
            stream = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 256, FileOptions.DeleteOnClose);
        }
        catch (IOException)
        {
            throw WorkflowException.Tool($"another MilestonePlan workflow run holds {path}; nothing was done — "
                + "wait for it to finish (a lock left by a run that crashed is taken over automatically)");
        }
        catch (UnauthorizedAccessException e)
        {
            throw WorkflowException.Tool($"cannot take the workflow lock {path}: {e.Message}");
        }

        var holder = Encoding.UTF8.GetBytes(string.Format(CultureInfo.InvariantCulture, "pid {0}, {1}, since {2:u}\n",
            System.Diagnostics.Process.GetCurrentProcess().Id, action, DateTime.UtcNow));
        stream.SetLength(0);
        stream.Write(holder, 0, holder.Length);
        stream.Flush();
        return new WorkflowLock(stream);
    }

    public void Dispose() => stream.Dispose();
}

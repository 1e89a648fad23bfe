namespace FakeGh;

/// <summary>
/// One gh call at a time per state file. GitHub takes concurrent calls safely; the fake reads its whole state, changes
/// it and writes it back, so two calls at once (a workflow running agents side by side) would lose one's change. On Unix
/// .NET takes an advisory lock (flock) for FileShare.None, which another fake process's FileShare.None respects.
/// </summary>
internal static class StateLock
{
    public static IDisposable Acquire(string statePath)
    {
        var path = statePath + ".lock";
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException e) when (e is not DirectoryNotFoundException && waited.Elapsed < TimeSpan.FromMinutes(1))
            {
                Thread.Sleep(10);
            }
        }
    }
}

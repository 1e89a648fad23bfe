using System.Collections.Concurrent;

namespace MilestonePlan.Workflow.Processes;

/// <summary>
/// The lines a running program writes, handed from the threads reading its pipes to the thread waiting for it (which
/// logs them: MSBuild's logger is called from the task's own thread only). Bounded whatever the program writes: a line
/// is cut at <see cref="MaxLineLength"/> characters, and after <see cref="MaxLines"/> lines the rest are only counted,
/// so an agent that prints without end can neither fill the memory of the build nor its log.
/// </summary>
internal sealed class OutputLines
{
    public const int MaxLineLength = 4096;
    public const int MaxLines = 20_000;

    private readonly ConcurrentQueue<string> lines = new();
    private long offered;

    /// <summary>Lines written after the first <see cref="MaxLines"/>: counted, not kept.</summary>
    private long NotShown => Math.Max(0, Interlocked.Read(ref offered) - MaxLines);

    /// <summary>From a pipe's reader: one line, without its line ending.</summary>
    public void Add(string line)
    {
        var number = Interlocked.Increment(ref offered);
        if (number <= MaxLines)
        {
            lines.Enqueue(line);
        }
        else if (number == MaxLines + 1)
        {
            lines.Enqueue($"(the program goes on writing; after {MaxLines:N0} lines the rest is not shown)");
        }
    }

    /// <summary>After the program and its pipes ended: the last lines, then how many were not shown, if any.</summary>
    public void Finish(Action<string> onLine)
    {
        Drain(onLine);
        if (NotShown > 0)
        {
            onLine($"({NotShown:N0} more lines were not shown)");
        }
    }

    /// <summary>On the waiting thread: every line added so far, in order.</summary>
    public void Drain(Action<string> onLine)
    {
        while (lines.TryDequeue(out var line))
        {
            onLine(line);
        }
    }
}

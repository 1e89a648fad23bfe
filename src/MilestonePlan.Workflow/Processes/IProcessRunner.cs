namespace MilestonePlan.Workflow.Processes;

/// <summary>Runs a program with an argument list (never through a shell). The seam tests and dry runs use.</summary>
internal interface IProcessRunner
{
    /// <summary>
    /// Runs <paramref name="program"/> (a name looked up on PATH, or a path) and waits for it. A program that cannot be
    /// found or started, a timeout and a non-zero exit are all results, never exceptions; only cancellation throws
    /// (<see cref="OperationCanceledException"/>), after the process tree was ended.
    /// </summary>
    /// <param name="environment">Variables added to (or replacing) the inherited environment; its PATH is also where the
    /// program is looked up.</param>
    /// <param name="onLine">
    /// When given, each line the program writes (standard output and error, as they arrive) is passed to it on the
    /// calling thread while the program runs, bounded as <see cref="OutputLines"/> says, and the result holds only the
    /// first <see cref="OutputCapture.StreamedKeptBytes"/> bytes of each stream (for <see cref="ProcessResult.Describe"/>):
    /// for a long run whose output is read by a person (the coding agent, the checks), not parsed by the workflow.
    /// </param>
    ProcessResult Run(string program, IReadOnlyList<string> arguments, string workingDirectory, TimeSpan timeout,
        IReadOnlyDictionary<string, string>? environment = null, CancellationToken cancellationToken = default,
        Action<string>? onLine = null);
}

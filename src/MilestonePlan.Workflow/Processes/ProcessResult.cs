namespace MilestonePlan.Workflow.Processes;

/// <summary>What a finished (or failed to start) process did.</summary>
public sealed record ProcessResult(string CommandLine, int ExitCode, string StandardOutput, string StandardError, bool TimedOut, bool NotFound)
{
    public bool Succeeded => !TimedOut && !NotFound && ExitCode == 0;

    /// <summary>One line for an error message: what ran and how it failed, with the tool's own stderr.</summary>
    public string Describe()
    {
        if (NotFound)
        {
            return $"{CommandLine}: the program was not found on PATH";
        }

        if (TimedOut)
        {
            return $"{CommandLine} timed out";
        }

        var detail = StandardError.Trim().Length > 0 ? StandardError.Trim() : StandardOutput.Trim();
        return $"{CommandLine} failed (exit {ExitCode})" + (detail.Length > 0 ? ": " + detail : string.Empty);
    }
}

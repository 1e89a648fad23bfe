namespace MilestonePlan.Workflow.Processes;

/// <summary>What a finished (or failed to start) process did.</summary>
/// <param name="CommandLine">The command as people read it (quoted like the argument string the child received).</param>
/// <param name="ExitCode">The exit code; -1 when the program did not start or was killed at the timeout.</param>
/// <param name="StandardOutput">Everything the program wrote to stdout, decoded as UTF-8, line endings as written.</param>
/// <param name="StandardError">The same for stderr; when the program could not be started, why.</param>
/// <param name="TimedOut">The program (and its children) were killed at the timeout.</param>
/// <param name="NotFound">The program is not on PATH or could not be started at all (the tool is missing).</param>
/// <param name="OutputLimit">
/// When not null, the program wrote more than this many bytes to one stream and was ended there (the output holds the
/// first that many): never a success, whatever its exit code.
/// </param>
internal sealed record ProcessResult(string CommandLine, int ExitCode, string StandardOutput, string StandardError, bool TimedOut, bool NotFound,
    long? OutputLimit = null)
{
    public bool Succeeded => !TimedOut && !NotFound && OutputLimit is null && ExitCode == 0;

    /// <summary>One line for an error message: what ran and how it failed, with the tool's own stderr.</summary>
    public string Describe()
    {
        if (NotFound)
        {
            var why = StandardError.Trim();
            return $"{CommandLine}: the program was not found on PATH" + (why.Length > 0 ? " (" + why + ")" : string.Empty);
        }

        if (OverLimit is { } over)
        {
            return $"{CommandLine} {over}";
        }

        if (TimedOut)
        {
            return $"{CommandLine} timed out" + (StandardError.Trim().Length > 0 ? ": " + StandardError.Trim() : string.Empty);
        }

        var detail = FailureDetail();
        return $"{CommandLine} failed (exit {ExitCode})" + (detail.Length > 0 ? ": " + detail : string.Empty);
    }

    /// <summary>`wrote more than 64 MiB of output and was ended`, or null when the program stayed under the limit.</summary>
    public string? OverLimit => OutputLimit is { } limit ? $"wrote more than {limit / (1024 * 1024.0):0.##} MiB of output and was ended" : null;

    /// <summary>
    /// What the program said about its failure, for a message: its stderr, else its stdout, trimmed, at most
    /// <see cref="MaxDetail"/> characters (a failing `git diff` would otherwise put a whole patch in the message).
    /// </summary>
    public string FailureDetail()
    {
        var detail = StandardError.Trim().Length > 0 ? StandardError.Trim() : StandardOutput.Trim();
        return detail.Length <= MaxDetail
            ? detail
            : detail.Substring(0, char.IsHighSurrogate(detail[MaxDetail - 1]) ? MaxDetail - 1 : MaxDetail) + "…";
    }

    private const int MaxDetail = 2000;
}

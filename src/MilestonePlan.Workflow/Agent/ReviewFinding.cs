namespace MilestonePlan.Workflow.Agent;

/// <summary>
/// One finding of the code reviewer, read from its SARIF log: what it says (one plan line), how sure or severe it is
/// (SARIF's `rank`, 0–100; -1 when the reviewer gave none), and where (repository-relative file, 1-based line).
/// </summary>
internal sealed record ReviewFinding(string Text, double Score, string? File, int? Line);

/// <summary>What one review came to: its findings, or why there is no answer (a crash, a timeout, an unreadable log).</summary>
internal sealed record ReviewResult(IReadOnlyList<ReviewFinding> Findings, string? Failure)
{
    /// <summary>The findings at or above <paramref name="threshold"/>: critical, the PR must not merge.</summary>
    public IReadOnlyList<ReviewFinding> Critical(double threshold) => Findings.Where(f => f.Score >= threshold).ToList();
}

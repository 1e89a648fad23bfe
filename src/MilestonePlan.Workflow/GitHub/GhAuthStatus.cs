namespace MilestonePlan.Workflow.GitHub;

/// <summary>What `gh auth status` said: whether gh can talk to GitHub, and gh's own words (it writes them to stderr).</summary>
public sealed record GhAuthStatus(bool IsAuthenticated, string Message);

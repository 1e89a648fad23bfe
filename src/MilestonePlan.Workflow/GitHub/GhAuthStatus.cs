namespace MilestonePlan.Workflow.GitHub;

/// <summary>What `gh auth status` said: whether gh can talk to GitHub, and gh's own words (it writes them to stderr).</summary>
internal sealed record GhAuthStatus(bool IsAuthenticated, string Message);

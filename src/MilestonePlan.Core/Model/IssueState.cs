namespace MilestonePlan.Core.Model;

/// <summary>Where an issue stands, as the plan's tracking says. One selector derives it for every target.</summary>
internal enum IssueState
{
    Open,
    InProgress,
    OpenPullRequest,
    Done,
    /// <summary>⛔ Needs Review (STOP): a hard stop; skipped until a person clears it.</summary>
    Stopped,
    /// <summary>⏭️ Skipped: a soft stop; skipped until a person clears it.</summary>
    Skipped,
}

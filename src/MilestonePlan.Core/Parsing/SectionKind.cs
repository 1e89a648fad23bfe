namespace MilestonePlan.Core.Parsing;

/// <summary>What a heading introduces, recognised by meaning rather than exact spelling.</summary>
internal enum SectionKind
{
    Other,
    Overview,
    Phase,
    Tracking,
    CompletedIssues,
    OpenPullRequests,
    Blocked,
    Skipped,
    CurrentPhase,
    RequiredReads,
    CompletionChecklist,
}

internal static class SectionClassifier
{
    public static SectionKind Classify(string heading)
    {
        var h = InlineText.Normalize(heading).ToLowerInvariant();
        if (h.StartsWith("phase", StringComparison.Ordinal) && h.Length > 5 && !char.IsLetter(h[5]))
        {
            return SectionKind.Phase;
        }

        return h switch
        {
            _ when h.Contains("overview") => SectionKind.Overview,
            _ when h.Contains("completed issues") || h == "completed" || h.StartsWith("completed ", StringComparison.Ordinal)
                => SectionKind.CompletedIssues,
            _ when h.Contains("open prs") || h.Contains("open pr") || h.Contains("open pull request") => SectionKind.OpenPullRequests,
            _ when h.Contains("blocked") || h.Contains("needs review") => SectionKind.Blocked,
            _ when h.Contains("skipped") => SectionKind.Skipped,
            _ when h.Contains("current phase") || h.Contains("current status") || h.Contains("current issue") => SectionKind.CurrentPhase,
            _ when h.Contains("always load") || h.Contains("required reads") => SectionKind.RequiredReads,
            _ when h.Contains("completion checklist") => SectionKind.CompletionChecklist,
            _ when h.Contains("tracking") => SectionKind.Tracking,
            _ => SectionKind.Other,
        };
    }

    /// <summary>The tracking sections whose items are entries (one issue per line or row).</summary>
    public static bool IsEntryList(SectionKind kind) => kind is SectionKind.CompletedIssues or SectionKind.OpenPullRequests
        or SectionKind.Blocked or SectionKind.Skipped;

    public static bool IsTracking(SectionKind kind) => kind is SectionKind.Tracking or SectionKind.CompletedIssues
        or SectionKind.OpenPullRequests or SectionKind.Blocked or SectionKind.Skipped or SectionKind.CurrentPhase;
}

namespace MilestonePlan.Workflow.StopConditions;

/// <summary>One commit a push would publish: its id, its message, and the lines it added (per path, with line numbers).</summary>
internal sealed record PublishedCommit(string Commit, string Message, IReadOnlyDictionary<string, List<(int Line, string Text)>> AddedLines)
{
    public string Short => Commit.Length > 12 ? Commit.Substring(0, 12) : Commit;
}

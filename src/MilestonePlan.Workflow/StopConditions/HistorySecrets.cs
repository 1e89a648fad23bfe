using MilestonePlan.Workflow.Publishing;

namespace MilestonePlan.Workflow.StopConditions;

/// <summary>Secrets in any commit a push would publish: in a line it added, or in its message. Pure.</summary>
internal static class HistorySecrets
{
    public static IEnumerable<StopFinding> Find(IReadOnlyList<PublishedCommit> commits)
    {
        foreach (var commit in commits)
        {
            foreach (var (kind, line) in SecretScanner.Scan(commit.Message))
            {
                yield return new StopFinding(StopKind.Safety, "secret", $"a {kind} is in the message of commit {commit.Short} (line {line})",
                    "reword the commit (rewrite the branch's history) and rotate the secret");
            }

            foreach (var file in commit.AddedLines)
            {
                foreach (var (kind, line) in SecretScanner.Scan(file.Value))
                {
                    yield return new StopFinding(StopKind.Safety, "secret", $"a {kind} was added in commit {commit.Short}, even if a later commit removed it",
                        "remove it from the branch history (rewrite the commits) and rotate it", file.Key, line);
                }
            }
        }
    }
}

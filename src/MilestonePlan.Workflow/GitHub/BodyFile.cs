namespace MilestonePlan.Workflow.GitHub;

/// <summary>
/// The one place a PR or issue body is written for gh's `--body-file` (never passed on the command line: bodies are
/// long, untrusted and may start with `-`): a temporary UTF-8 file, deleted once gh has read it.
/// </summary>
internal static class BodyFile
{
    public static T With<T>(string body, Func<string, T> use)
    {
        var path = Path.Combine(Path.GetTempPath(), "milestoneplan-body-" + Guid.NewGuid().ToString("N") + ".md");
        File.WriteAllText(path, body);
        try
        {
            return use(path);
        }
        finally
        {
            File.Delete(path);
        }
    }
}

namespace MilestonePlan.Workflow.GitHub;

/// <summary>
/// The last line of defence for what a target publishes on GitHub (the targets check earlier, to record a stop): a
/// title or body that holds a secret is never sent, whichever target built it (issue PRs, issues, the tracking PR,
/// the milestone's PR), and a dry run refuses it the same way. The message names the kind of secret, never the secret.
/// </summary>
internal static class PublishGuard
{
    /// <summary>The kind of the first secret in <paramref name="title"/> or <paramref name="body"/>, or null.</summary>
    public static string? SecretKind(string title, string body) =>
        Publishing.SecretScanner.KindOf(title) ?? Publishing.SecretScanner.Scan(body).Select(s => s.Kind).FirstOrDefault();

    public static void RequireNothingSecret(string what, string title, string body)
    {
        if (SecretKind(title, body) is { } kind)
        {
            throw WorkflowException.Tool($"the {what}'s title or body would publish a {kind}; nothing was sent to GitHub (remove it, and rotate it)");
        }
    }
}

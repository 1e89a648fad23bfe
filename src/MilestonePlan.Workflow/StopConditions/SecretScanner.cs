using System.Text.RegularExpressions;

namespace MilestonePlan.Workflow.StopConditions;

/// <summary>Finds secrets in added lines. It reports the kind and the place, never the secret itself.</summary>
public static class SecretScanner
{
    private static readonly (string Kind, Regex Pattern)[] Patterns =
    [
        ("GitHub token", new Regex(@"\b(gh[pousr]_[A-Za-z0-9]{36,}|github_pat_[A-Za-z0-9_]{22,})\b", RegexOptions.CultureInvariant)),
        ("AWS access key id", new Regex(@"\b(AKIA|ASIA)[0-9A-Z]{16}\b", RegexOptions.CultureInvariant)),
        ("OpenAI-style API key", new Regex(@"\bsk-(proj-)?[A-Za-z0-9_\-]{20,}", RegexOptions.CultureInvariant)),
        ("private key block", new Regex(@"-----BEGIN ([A-Z]+ )?PRIVATE KEY-----", RegexOptions.CultureInvariant)),
        ("password assignment", new Regex(@"(?i)\b(password|passwd|pwd|secret|api[_-]?key|client[_-]?secret)\b\s*[""']?\s*[:=]\s*[""'][^""'\s]{6,}[""']", RegexOptions.CultureInvariant)),
    ];

    public static IEnumerable<(string Kind, int Line)> Scan(IEnumerable<(int Line, string Text)> addedLines)
    {
        foreach (var (line, text) in addedLines)
        {
            foreach (var (kind, pattern) in Patterns)
            {
                if (pattern.IsMatch(text))
                {
                    yield return (kind, line);
                    break;
                }
            }
        }
    }
}

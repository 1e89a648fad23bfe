using System.Text.RegularExpressions;

namespace MilestonePlan.Workflow.Publishing;

/// <summary>
/// The one secret scanner: over a diff's added lines, a spec before `gh issue create`, a PR body, and everything the
/// workflow writes into a plan or prints. It reports the kind and the place, never the secret itself, and redacts.
/// </summary>
internal static class SecretScanner
{
    private static readonly TimeSpan Budget = TimeSpan.FromMilliseconds(250);

    // A private key's body lines are plain base64 with no marker of their own: in a whole text the block is redacted
    // from its BEGIN line to its END line (or to the end of the text when it has none).
    private static readonly Regex PrivateKeyWhole = new(
        @"-----BEGIN ([A-Z0-9]+ )*PRIVATE KEY( BLOCK)?-----[\s\S]*?(-----END ([A-Z0-9]+ )*PRIVATE KEY( BLOCK)?-----|\z)",
        RegexOptions.CultureInvariant, Budget);

    private static readonly Regex PrivateKeyBegin = new(@"-----BEGIN ([A-Z0-9]+ )*PRIVATE KEY( BLOCK)?-----", RegexOptions.CultureInvariant, Budget);

    private static readonly Regex PrivateKeyEnd = new(@"-----END ([A-Z0-9]+ )*PRIVATE KEY( BLOCK)?-----", RegexOptions.CultureInvariant, Budget);

    private static readonly (string Kind, Regex Pattern)[] Patterns =
    [
        ("GitHub token", new Regex(@"\b(gh[pousr]_[A-Za-z0-9]{36,}|github_pat_[A-Za-z0-9_]{22,})", RegexOptions.CultureInvariant, Budget)),
        ("AWS access key id", new Regex(@"\b(AKIA|ASIA|ABIA|ACCA)[0-9A-Z]{16}\b", RegexOptions.CultureInvariant, Budget)),
        ("AWS secret access key", new Regex(@"(?i)aws_?secret_?(access_?)?key[""']?\s*[:=]\s*[""']?[A-Za-z0-9/+]{40}\b", RegexOptions.CultureInvariant, Budget)),
        ("OpenAI-style API key", new Regex(@"\bsk-(proj-|ant-)?[A-Za-z0-9_\-]{20,}", RegexOptions.CultureInvariant, Budget)),
        ("Slack token", new Regex(@"\bxox[abposr]-[A-Za-z0-9\-]{10,}", RegexOptions.CultureInvariant, Budget)),
        ("private key block", PrivateKeyBegin),
        ("password assignment", new Regex(
            @"(?i)\b(password|passwd|pwd|secret|token|access[_-]?token|auth[_-]?token|api[_-]?key|client[_-]?secret)\b[""']?\s*[:=]\s*[""'][^""'\s]{6,}[""']",
            RegexOptions.CultureInvariant, Budget)),
        // .env style: an upper-case name that says what it is, an unquoted value.
        ("password assignment", new Regex(
            @"\b[A-Z0-9_]*(PASSWORD|PASSWD|SECRET|TOKEN|API_KEY|APIKEY|PRIVATE_KEY)[A-Z0-9_]*\s*=\s*[^\s""'$][^\s]{7,}",
            RegexOptions.CultureInvariant, Budget)),
    ];

    /// <summary>The first secret of each line: its kind and line number.</summary>
    public static IEnumerable<(string Kind, int Line)> Scan(IEnumerable<(int Line, string Text)> lines)
    {
        foreach (var (line, text) in lines)
        {
            if (KindOf(text) is { } kind)
            {
                yield return (kind, line);
            }
        }
    }

    /// <summary>Every line of a whole text (a spec, a PR body), numbered from 1.</summary>
    public static IReadOnlyList<(string Kind, int Line)> Scan(string text) =>
        Scan(text.Split('\n').Select((t, i) => (i + 1, t))).ToList();

    /// <summary>The kind of the first secret in <paramref name="text"/>, or null.</summary>
    public static string? KindOf(string text)
    {
        foreach (var (kind, pattern) in Patterns)
        {
            if (Matches(pattern, text))
            {
                return kind;
            }
        }

        return null;
    }

    /// <summary>
    /// For text that arrives a line at a time: whether <paramref name="line"/> opens a private key block it does not
    /// also close, so the lines after it are key material until one <see cref="ClosesPrivateKey"/>.
    /// </summary>
    public static bool OpensPrivateKey(string line)
    {
        if (Find(PrivateKeyBegin, line) is not { } open)
        {
            return true;
        }

        return open.Success && Find(PrivateKeyEnd, line.Substring(open.Index + open.Length)) is not { Success: true };
    }

    /// <summary>Whether <paramref name="line"/> ends a private key block (a line too costly to scan counts as not).</summary>
    public static bool ClosesPrivateKey(string line) => Find(PrivateKeyEnd, line) is { Success: true };

    /// <summary>The match, or a failed one; null when the scan ran out of time (callers then assume the worst).</summary>
    private static Match? Find(Regex pattern, string text)
    {
        try
        {
            return pattern.Match(text);
        }
        catch (RegexMatchTimeoutException)
        {
            return null;
        }
    }

    /// <summary><paramref name="text"/> with every secret replaced by `[redacted: kind]`.</summary>
    public static string Redact(string text)
    {
        try
        {
            text = PrivateKeyWhole.Replace(text, "[redacted: private key block]");
        }
        catch (RegexMatchTimeoutException)
        {
            return $"[redacted: text too long to scan ({text.Length} characters)]";
        }

        foreach (var (kind, pattern) in Patterns)
        {
            try
            {
                text = pattern.Replace(text, $"[redacted: {kind}]");
            }
            catch (RegexMatchTimeoutException)
            {
                // Too costly to scan: drop the text rather than risk printing a secret.
                return $"[redacted: text too long to scan ({text.Length} characters)]";
            }
        }

        return text;
    }

    // A pathological line (megabytes without a break) is counted as holding a secret: a stop a person looks at,
    // never a line nobody scanned.
    private static bool Matches(Regex pattern, string text)
    {
        try
        {
            return pattern.IsMatch(text);
        }
        catch (RegexMatchTimeoutException)
        {
            return true;
        }
    }
}

namespace MilestonePlan.Core.Model;

/// <summary>
/// A branch name the workflow may hand to git: valid for <c>git check-ref-format --branch</c>, and none of the names
/// git accepts that would change what a command means (a leading <c>+</c> makes a push a force push, a leading
/// <c>-</c> an option) or that name no ordinary branch (<c>HEAD</c>, <c>@</c>, <c>refs/...</c>). The only owner of
/// "is this branch name usable": the build's MP4001/MP4003 and every workflow target ask it.
/// </summary>
internal sealed class BranchName : IEquatable<BranchName>
{
    /// <summary>Branches the workflow never creates as a feature branch and never pushes to.</summary>
    public static readonly IReadOnlyList<string> MainLines = ["main", "master"];

    private BranchName(string value) => Value = value;

    public string Value { get; }

    /// <summary><c>refs/heads/X</c>: what every git command is given, so a tag or a path of the same name cannot stand in.</summary>
    public string FullRef => "refs/heads/" + Value;

    /// <summary><c>refs/heads/X:refs/heads/X</c>: a push of exactly this branch to the same name; never a pattern, never forced.</summary>
    public string PushRefspec => FullRef + ":" + FullRef;

    /// <summary><c>main</c> or <c>master</c>, in any case (refs collide on case-insensitive file systems).</summary>
    public bool IsMainLine => MainLines.Contains(Value, StringComparer.OrdinalIgnoreCase);

    /// <summary>The name, or null when <see cref="Problem"/> has something to say.</summary>
    public static BranchName? TryCreate(string? text) => Problem(text) is null ? new BranchName(text!) : null;

    /// <summary>Null when <paramref name="text"/> is a usable branch name; otherwise why not, in a few words.</summary>
    public static string? Problem(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "is empty";
        }

        if (text![0] == '-')
        {
            return "starts with '-' (git would read it as an option)";
        }

        if (text[0] == '+')
        {
            return "starts with '+' (git would read it as a force push)";
        }

        if (text is "HEAD" or "@")
        {
            return $"is '{text}', which names the checked-out commit, not a branch";
        }

        if (text.StartsWith("refs/", StringComparison.Ordinal))
        {
            return "starts with 'refs/' (give the short name; the workflow adds refs/heads/ itself)";
        }

        if (HasLoneSurrogate(text))
        {
            return "is not valid Unicode";
        }

        return GitRules(text);
    }

    /// <summary>Exactly <c>git check-ref-format --branch</c> outside a repository (refs.c, check_refname_format on refs/heads/NAME).</summary>
    public static bool IsValidForGit(string text) => text.Length > 0 && text[0] != '-' && text != "HEAD" && GitRules(text) is null;

    private static string? GitRules(string name)
    {
        if (name.EndsWith(".", StringComparison.Ordinal))
        {
            return "ends with '.'";
        }

        var componentStart = 0;
        for (var i = 0; i <= name.Length; i++)
        {
            var c = i < name.Length ? name[i] : '/';
            if (c == '/')
            {
                var length = i - componentStart;
                if (length == 0)
                {
                    return name.Length == 0 || i == 0 || i == name.Length ? "starts or ends with '/'" : "has an empty part ('//')";
                }

                if (name[componentStart] == '.')
                {
                    return "has a part that starts with '.'";
                }

                if (length >= 5 && string.CompareOrdinal(name, i - 5, ".lock", 0, 5) == 0)
                {
                    return "has a part that ends with '.lock'";
                }

                componentStart = i + 1;
                continue;
            }

            if (c < 0x20 || c == 0x7f)
            {
                return "holds a control character";
            }

            switch (c)
            {
                case ' ' or '~' or '^' or ':' or '?' or '*' or '[' or '\\':
                    return $"holds '{c}', which git does not allow in a branch name";
                case '.' when i > 0 && name[i - 1] == '.':
                    return "holds '..'";
                case '{' when i > 0 && name[i - 1] == '@':
                    return "holds '@{'";
            }
        }

        return null;
    }

    private static bool HasLoneSurrogate(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                return true;
            }
        }

        return false;
    }

    public bool Equals(BranchName? other) => other is not null && string.Equals(Value, other.Value, StringComparison.Ordinal);

    public override bool Equals(object? obj) => Equals(obj as BranchName);

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Value);

    public override string ToString() => Value;
}

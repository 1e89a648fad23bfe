namespace MilestonePlan.Core.Analysis;

/// <summary>The rules of `git check-ref-format --branch`, so the build can say a branch is invalid without git.</summary>
public static class GitRefName
{
    public static bool IsValidBranchName(string name)
    {
        if (name.Length == 0 || name == "@" || name.StartsWith("-", StringComparison.Ordinal)
            || name.StartsWith("/", StringComparison.Ordinal) || name.EndsWith("/", StringComparison.Ordinal)
            || name.EndsWith(".", StringComparison.Ordinal) || name.Contains("..") || name.Contains("//") || name.Contains("@{"))
        {
            return false;
        }

        foreach (var c in name)
        {
            if (c < 0x20 || c == 0x7f || c is ' ' or '~' or '^' or ':' or '?' or '*' or '[' or '\\')
            {
                return false;
            }
        }

        return name.Split('/').All(part => part.Length > 0 && !part.StartsWith(".", StringComparison.Ordinal)
            && !part.EndsWith(".lock", StringComparison.OrdinalIgnoreCase));
    }
}

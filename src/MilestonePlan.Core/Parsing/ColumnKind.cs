namespace MilestonePlan.Core.Parsing;

/// <summary>What a table column holds, recognised from its header text.</summary>
internal enum ColumnKind
{
    Unknown,
    Number,
    GitHubNumber,
    File,
    Title,
    Priority,
    Dependencies,
    FeatureBranch,
    PrTitleToken,
    Size,
    Status,
    PullRequest,
    /// <summary>Header `Issue`: the number when no other column is, else the title.</summary>
    IssueAmbiguous,
}

internal static class ColumnClassifier
{
    public static ColumnKind Classify(string header)
    {
        // A table thousands of columns wide (issue #19) has mostly empty headers: no need to normalise them.
        if (header.Length == 0)
        {
            return ColumnKind.Unknown;
        }

        var h = new string(InlineText.Normalize(header).ToLowerInvariant().Where(c => char.IsLetterOrDigit(c) || c == '#').ToArray());
        return h switch
        {
            "#" or "issue#" or "plan#" or "planissue" or "no" or "issueno" or "number" or "issuenumber" or "id" => ColumnKind.Number,
            "github#" or "github" or "gh#" or "githubissue" or "ghissue" or "githubissue#" => ColumnKind.GitHubNumber,
            "issue" => ColumnKind.IssueAmbiguous,
            "issuefile" or "file" or "spec" or "specfile" or "issuespec" => ColumnKind.File,
            "title" or "issuetitle" or "name" or "summary" => ColumnKind.Title,
            "priority" or "prio" or "p" => ColumnKind.Priority,
            "dependencies" or "dependency" or "deps" or "dependson" or "blockedby" => ColumnKind.Dependencies,
            "featurebranch" or "branch" => ColumnKind.FeatureBranch,
            "prtitletoken" or "prtoken" or "token" or "titletoken" => ColumnKind.PrTitleToken,
            "estsize" or "size" or "estimate" or "est" => ColumnKind.Size,
            "status" or "state" => ColumnKind.Status,
            "pr" or "pullrequest" or "pr#" => ColumnKind.PullRequest,
            _ => ColumnKind.Unknown,
        };
    }

    /// <summary>Resolves `Issue` columns: the number when nothing else is, otherwise the title.</summary>
    public static ColumnKind[] Resolve(IReadOnlyList<string> headers)
    {
        var kinds = headers.Select(Classify).ToArray();
        var hasNumber = kinds.Contains(ColumnKind.Number);
        var hasTitle = kinds.Contains(ColumnKind.Title);
        for (var i = 0; i < kinds.Length; i++)
        {
            if (kinds[i] == ColumnKind.IssueAmbiguous)
            {
                kinds[i] = !hasNumber ? ColumnKind.Number : !hasTitle ? ColumnKind.Title : ColumnKind.Unknown;
                hasNumber = true;
            }
        }

        return kinds;
    }
}

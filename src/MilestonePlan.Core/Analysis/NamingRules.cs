using MilestonePlan.Core.Diagnostics;
using MilestonePlan.Core.Model;
using static MilestonePlan.Core.Diagnostics.Rules;
using MilestonePlan.Core.Parsing;

namespace MilestonePlan.Core.Analysis;

/// <summary>MP4001–MP4003: branch names and PR title tokens follow the workflow's conventions.</summary>
internal sealed class NamingRules : IPlanRule
{
    private static readonly HashSet<string> CommitTypes = new(StringComparer.Ordinal)
    {
        "feat", "fix", "docs", "test", "refactor", "chore", "perf", "build", "ci", "style",
    };

    public IEnumerable<PlanDiagnostic> Analyze(PlanContext context)
    {
        var milestone = context.Plan.Milestone;
        var baseOnce = new BranchNames.BaseOnce();
        foreach (var row in context.Plan.Issues)
        {
            // The same words the workflow targets refuse the branch with (BranchNames owns them), then the convention.
            if (row.FeatureBranch is { IsEmpty: false } branch && !Placeholders.Any(branch)
                && BranchNames.Feature(context.Plan, row, baseOnce) is var choice
                && (choice.Reason ?? FeatureBranchProblem(branch.Text, row, milestone)) is { } problem)
            {
                yield return context.Report(MP4001, branch.Span, row.Number, choice.Written ?? branch.Text, problem);
            }

            if (row.PrTitleToken is { IsEmpty: false } token && !Placeholders.Any(token) && milestone is not null
                && !IsValidToken(token.Text, milestone))
            {
                yield return context.Report(MP4002, token.Span, row.Number, token.Text, $"feat({milestone})");
            }
        }

        if (context.Plan.Field(FieldKeys.MilestoneBranch) is { Value: { IsEmpty: false } value } && !Placeholders.Any(value))
        {
            if (baseOnce.Of(context.Plan) is { Reason: { } unusable } choice)
            {
                yield return context.Report(MP4003, choice.Cell?.Span ?? value.Span, choice.Written, unusable);
                yield break;
            }

            var name = TextMatching.FirstToken(value);
            var expected = $"milestone/{milestone}-";
            var slug = name.StartsWith(expected, StringComparison.Ordinal) ? name.Substring(expected.Length) : null;
            if (milestone is not null && name is not "main" and not "master" && (slug is null || !IsSlug(slug)))
            {
                yield return context.Report(MP4003, value.Span, name, $"should look like 'milestone/{milestone}-<short-name>'");
            }
        }
    }

    /// <summary>Null when `feat/m{n}-{NN}-{slug}` holds for this row; otherwise what is wrong.</summary>
    /// <summary>What is wrong with the branch name (MP4001's last argument), or null.</summary>
    internal static string? FeatureBranchProblem(string branch, IssueRow row, MilestoneId? milestone)
    {
        // The common case, checked without splitting: `feat/m1-02-` then a lower-case slug.
        if (milestone is not null && ConventionalPrefixLength(branch, milestone, row.Number) is > 0 and var prefix && IsConventional(branch, prefix))
        {
            return null;
        }

        if (BranchName.Problem(branch) is { } problem)
        {
            return problem;
        }

        string Shape() => $"should look like 'feat/{milestone?.ToString() ?? "m{n}"}-{row.Number.Padded}-<slug>'";
        if (!branch.StartsWith("feat/m", StringComparison.Ordinal))
        {
            return Shape();
        }

        var rest = branch.Substring("feat/".Length);
        var dash = rest.IndexOf('-');
        if (dash < 0 || MilestoneId.Parse(rest.Substring(0, dash)) is not { } named)
        {
            return Shape();
        }

        if (milestone is not null && named != milestone)
        {
            return $"names milestone {named}, but this plan is {milestone}";
        }

        var parts = rest.Substring(dash + 1).Split('-');
        var numbers = parts.TakeWhile(p => p.Length > 0 && p.All(AsciiNumber.IsDigit)).ToList();
        var slug = parts.Skip(numbers.Count).ToList();
        if (numbers.Count == 0 || slug.Count == 0 || !slug.All(p => p.Length > 0 && p.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9'))))
        {
            return Shape();
        }

        var matches = numbers.Any(n => IssueNumber.TryParse(n, out var value)
            && (value == row.Number || value.Value == row.GitHubNumber));
        return matches ? null : $"names issue {string.Join("-", numbers)}, not {row.Number.Padded}"
            + (row.GitHubNumber is { } gh ? $" or GitHub #{gh}" : string.Empty);
    }

    private static bool IsValidToken(string token, MilestoneId milestone)
    {
        var open = token.IndexOf('(');
        var id = milestone.ToString();

        // The common token, `feat(m1)`, checked without cutting it up; anything else the full way below.
        if (open > 0 && token.Length == open + id.Length + 2 && token[token.Length - 1] == ')'
            && string.CompareOrdinal(token, open + 1, id, 0, id.Length) == 0 && IsCommitType(token, open))
        {
            return true;
        }

        return open > 0 && token.EndsWith(")", StringComparison.Ordinal)
            && CommitTypes.Contains(token.Substring(0, open))
            && MilestoneId.Parse(token.Substring(open + 1, token.Length - open - 2)) == milestone
            && token.Substring(open + 1).StartsWith("m", StringComparison.OrdinalIgnoreCase);
    }

    private static bool IsCommitType(string token, int length)
    {
        foreach (var type in CommitTypes)
        {
            if (type.Length == length && string.CompareOrdinal(token, 0, type, 0, length) == 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The length of `feat/m{n}-{NN}-` when <paramref name="branch"/> starts with it, else 0; compared piece by piece
    /// (this runs for every row of every plan, and most branches follow the convention).
    /// </summary>
    internal static int ConventionalPrefixLength(string branch, MilestoneId milestone, IssueNumber number)
    {
        const string Feat = "feat/";
        var id = milestone.Value;
        var digits = number.Padded;
        var length = Feat.Length + id.Length + 1 + digits.Length + 1;
        if (branch.Length < length || string.CompareOrdinal(branch, 0, Feat, 0, Feat.Length) != 0
            || string.CompareOrdinal(branch, Feat.Length, id, 0, id.Length) != 0)
        {
            return 0;
        }

        var at = Feat.Length + id.Length;
        return branch[at] == '-' && branch[length - 1] == '-' && string.CompareOrdinal(branch, at + 1, digits, 0, digits.Length) == 0 ? length : 0;
    }

    private static bool IsConventional(string branch, int prefixLength)
    {
        if (branch.Length == prefixLength || branch[branch.Length - 1] == '-')
        {
            return false;
        }

        for (var i = prefixLength; i < branch.Length; i++)
        {
            var c = branch[i];
            if (c is not ((>= 'a' and <= 'z') or (>= '0' and <= '9') or '-') || (c == '-' && branch[i - 1] == '-'))
            {
                return false;
            }
        }

        return !branch.EndsWith(".lock", StringComparison.Ordinal);
    }

    private static bool IsSlug(string slug) =>
        slug.Length > 0 && slug.Split('-').All(p => p.Length > 0 && p.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9')));
}

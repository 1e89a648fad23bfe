using System.Text;
using MilestonePlan.Core.Diagnostics;
using MilestonePlan.Core.Parsing;
using MilestonePlan.Core.Model;

namespace MilestonePlan.Core.Analysis;

/// <summary>
/// A branch the plan names: the name, or why the cell cannot be used. Only an empty or absent cell takes the default;
/// a cell that is present but unusable is a problem, never silently replaced (an invalid Milestone Branch must not
/// turn into <c>main</c>).
/// </summary>
internal sealed record BranchChoice(BranchName? Name, string? Problem, TextCell? Cell)
{
    /// <summary>The name as written, when it was refused.</summary>
    public string? Written { get; init; }

    /// <summary>What is wrong with it: the last argument of the rule's message (Problem is the whole message in the
    /// rule's words: MP4003 for the base, MP4001 for a feature branch).</summary>
    public string? Reason { get; init; }

    public bool IsDefault => Cell is null;
}

/// <summary>Branch names of the workflow: the base branch, and each issue's feature branch.</summary>
internal static class BranchNames
{
    /// <summary>The base branch when the plan has no Milestone Branch (the template's default).</summary>
    public static BranchName DefaultBase { get; } = BranchName.TryCreate("main")!;

    /// <summary>Milestone Branch from the Overview (first backticked token); `main` only when the field is absent or empty.</summary>
    public static BranchChoice Base(PlanDocument plan)
    {
        var field = plan.Field(FieldKeys.MilestoneBranch);
        if (field is null || field.Value.IsEmpty)
        {
            return new BranchChoice(DefaultBase, null, null);
        }

        var name = TextMatching.FirstTokenOf(field.Value);
        var problem = Placeholders.Any(field.Value) ? "is still the template's placeholder" : BranchName.Problem(name);
        var cell = TokenCell(field.Value, name);
        return problem is null
            ? new BranchChoice(BranchName.TryCreate(name), null, cell)
            : new BranchChoice(null, Rules.MP4003.Format(name, problem), cell) { Written = name, Reason = problem };
    }

    /// <summary>The backticked token of a one-line field value as a cell of its own, so a finding points at the name, not the note after it.</summary>
    private static TextCell TokenCell(TextCell value, string name)
    {
        var raw = value.Raw;
        var tick = raw.IndexOf('`');
        var close = tick >= 0 ? raw.IndexOf('`', tick + 1) : -1;
        var span = value.Span;
        return close > tick && span.Line == span.EndLine && span.Column + close <= span.EndColumn
            ? new TextCell(name, raw.Substring(tick, close - tick + 1), new Diagnostics.SourceSpan(span.Line, span.Column + tick, span.Line, span.Column + close))
            : value;
    }

    /// <summary>The row's Feature Branch, or `feat/m{n}-{NN}-{slug}` from the title only when the cell is absent or empty.</summary>
    public static BranchChoice Feature(PlanDocument plan, IssueRow row) => Feature(plan, row, null);

    /// <summary>
    /// As above; <paramref name="baseOnce"/> holds the plan's <see cref="Base"/> once it has been asked for, so a rule
    /// that checks every row computes it at most once (it depends only on the plan).
    /// </summary>
    public static BranchChoice Feature(PlanDocument plan, IssueRow row, BaseOnce? baseOnce)
    {
        if (row.FeatureBranch is not { IsEmpty: false } cell)
        {
            return new BranchChoice(Generated(plan, row), null, null);
        }

        var written = cell.Text.Trim();
        var problem = Placeholders.Any(cell) ? "is still the template's placeholder"
            : BranchName.Problem(written) ?? (BranchName.MainLines.Contains(written, StringComparer.OrdinalIgnoreCase)
                ? "is a main line; an issue needs a branch of its own"
                : (baseOnce?.Of(plan) ?? Base(plan)).Name is { } baseName && string.Equals(baseName.Value, written, StringComparison.OrdinalIgnoreCase)
                    ? "is the milestone's base branch; an issue needs a branch of its own"
                    : null);
        return problem is null
            ? new BranchChoice(BranchName.TryCreate(written), null, cell)
            : new BranchChoice(null, Rules.MP4001.Format(row.Number, written, problem), cell) { Written = written, Reason = problem };
    }

    /// <summary>A plan's base branch choice, computed when first asked for.</summary>
    public sealed class BaseOnce
    {
        private BranchChoice? choice;

        public BranchChoice Of(PlanDocument plan) => choice ??= Base(plan);
    }

    /// <summary>The base branch's name for display and matching.</summary>
    public static string BaseBranch(PlanDocument plan) => Base(plan) is { Name: { } name } ? name.Value : "main";

    /// <summary>The feature branch's name for display and matching (never used to run git: see <see cref="Feature"/>).</summary>
    public static string FeatureBranch(PlanDocument plan, IssueRow row) =>
        Feature(plan, row) is { Name: { } name } ? name.Value : row.FeatureBranch?.Text.Trim() ?? Generated(plan, row).Value;

    private static BranchName Generated(PlanDocument plan, IssueRow row)
    {
        var milestone = plan.Milestone?.ToString() ?? "m0";
        var slug = Slug(row.TitleText);
        return BranchName.TryCreate($"feat/{milestone}-{row.Number.Padded}-{(slug.Length > 0 ? slug : "issue")}")
            ?? BranchName.TryCreate($"feat/m0-{row.Number.Padded}-issue")!;
    }

    /// <summary>Lower-case ASCII letters and digits joined by single hyphens, at most 40 characters: always a valid ref part.</summary>
    public static string Slug(string title)
    {
        var builder = new StringBuilder();
        foreach (var c in Decompose(title))
        {
            if (c is (>= 'a' and <= 'z') or (>= '0' and <= '9'))
            {
                builder.Append(c);
            }
            else if (c is >= 'A' and <= 'Z')
            {
                builder.Append(char.ToLowerInvariant(c));
            }
            else if (char.GetUnicodeCategory(c) != System.Globalization.UnicodeCategory.NonSpacingMark
                && builder.Length > 0 && builder[builder.Length - 1] != '-')
            {
                builder.Append('-');
            }

            if (builder.Length >= 40)
            {
                break;
            }
        }

        return builder.ToString().Trim('-');
    }

    /// <summary>Accents split from their letters; a title that is not valid UTF-16 (a lone surrogate) cannot be normalised and is taken as it is.</summary>
    private static string Decompose(string title)
    {
        try
        {
            return title.Normalize(NormalizationForm.FormD);
        }
        catch (ArgumentException)
        {
            return title;
        }
    }
}

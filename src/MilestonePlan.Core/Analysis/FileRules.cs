using MilestonePlan.Core.Diagnostics;
using MilestonePlan.Core.IO;
using MilestonePlan.Core.Model;
using static MilestonePlan.Core.Diagnostics.Rules;
using MilestonePlan.Core.Parsing;

namespace MilestonePlan.Core.Analysis;

/// <summary>MP2001–MP2005: the files a plan names exist, and the specs agree with their rows.</summary>
internal sealed class FileRules : IPlanRule
{
    public IEnumerable<PlanDiagnostic> Analyze(PlanContext context)
    {
        var plan = context.Plan;
        var folder = context.RepositoryRelative(plan.FolderPath) + "/";
        // One list for every row's spec findings (an iterator per row and check cost more than the checks).
        var found = new List<PlanDiagnostic>();
        foreach (var row in plan.Issues)
        {
            if (row.File is not { IsEmpty: false } file || Placeholders.Any(file))
            {
                continue;
            }

            if (context.SpecLocation(row) is { Problem: { } refused })
            {
                yield return context.Report(MP2006, file.Span, file.Text, refused);
                continue;
            }

            if (context.SpecExists(row) == false)
            {
                yield return context.Report(MP2001, file.Span, row.Number, file.Text, folder);
                continue;
            }

            if (context.Spec(row) is not { } spec)
            {
                if (context.SpecReadProblem(row) is { } notRead)
                {
                    yield return context.Report(MP2007, file.Span, file.Text, notRead);
                }

                continue;
            }

            if (spec.ReadError is { } unreadable)
            {
                yield return unreadable;
                continue;
            }

            SpecContent(spec, row, found);
            FrontMatter(context, spec, row, found);
            foreach (var d in found)
            {
                yield return d;
            }

            found.Clear();
        }

        foreach (var d in Orphans(context))
        {
            yield return d;
        }

        foreach (var link in plan.Links)
        {
            switch (LinkProblem(context.Files, context.Options.RepositoryRoot, plan, link))
            {
                case { Rule: var rule, Problem: { } problem } when rule == MP2006:
                    yield return context.Report(MP2006, link.Cell.Span, link.Target, problem);
                    break;
                case { Rule: var rule } when rule == MP2003:
                    yield return context.Report(MP2003, link.Cell.Span, link.Target);
                    break;
            }
        }
    }

    /// <summary>
    /// What is wrong with a link or required read: MP2006 with why (outside the repository, through a link), MP2003 (no
    /// such file or folder), or null (fine, a template placeholder, or not a path). The build and the workflow's
    /// "Issue Spec Problems" stop ask the same question here.
    /// </summary>
    public static (DiagnosticDescriptor Rule, string? Problem)? LinkProblem(IFileSystemView files, string repositoryRoot, PlanDocument plan, PlanLink link)
    {
        if (link.Target.IndexOfAny(['{', '<', '*']) >= 0 || !link.CanBeAPath)
        {
            return null;
        }

        var location = RepositoryPath.ResolveOnDisk(files, repositoryRoot, link.IsRepositoryRelative ? repositoryRoot : plan.FolderPath, link.Target);
        if (location.FullPath is not { } full)
        {
            return (MP2006, location.Problem);
        }

        return files.FileExists(full) == false && files.DirectoryExists(full) == false ? (MP2003, null) : null;
    }

    /// <summary>The spec's `dependencies` and the row's, when both can be read and they differ (MP2005); else null.</summary>
    public static (IReadOnlyList<int> Spec, IReadOnlyList<int> Plan, FrontMatterValue Value)? DependencyDisagreement(PlanDocument plan, IssueSpec spec, IssueRow row)
    {
        if (spec.Get("dependencies") is not { } dependencyValue || row.Dependencies is not { IsReadable: true, Cell: not null })
        {
            return null;
        }

        var written = dependencyValue.Items ?? (string.IsNullOrWhiteSpace(dependencyValue.Scalar)
            ? [] : dependencyValue.Scalar!.Split(',').Select(s => s.Trim()).ToList());
        if (SpecDependencies(plan, written) is not { } specSet)
        {
            return null;
        }

        var planSet = PlanDependencies(plan, row);
        return specSet.SequenceEqual(planSet) ? null : (specSet, planSet, dependencyValue);
    }

    private static void SpecContent(IssueSpec spec, IssueRow row, List<PlanDiagnostic> found)
    {
        var name = Path.GetFileName(spec.Path);
        var top = spec.Title?.Span ?? SourceSpan.FileStart;
        if (spec.DoneDefinition is null)
        {
            found.Add(PlanDiagnostic.Create(RuleMessages.MP2004NoDoneDefinition, spec.Path, top, name, row.Number));
        }

        if (spec.AcceptanceCriteria is null)
        {
            found.Add(PlanDiagnostic.Create(MP2004, spec.Path, top, name, row.Number));
        }
        else if (spec.AcceptanceItems.Count == 0)
        {
            found.Add(PlanDiagnostic.Create(RuleMessages.MP2004NoCheckbox, spec.Path, spec.AcceptanceCriteria.Span, name));
        }
    }

    private static void FrontMatter(PlanContext context, IssueSpec spec, IssueRow row, List<PlanDiagnostic> found)
    {
        if (spec.FrontMatterError is { } error)
        {
            found.Add(error);
            return;
        }

        if (spec.Get("title") is { Scalar: { Length: > 0 } title } titleValue && row.Title is { IsEmpty: false } rowTitle
            && !Placeholders.Any(rowTitle) && !TextMatching.SameTitle(title, rowTitle.Text))
        {
            found.Add(PlanDiagnostic.Create(MP2005, spec.Path, titleValue.Span, $"title '{title}'", $"title '{rowTitle.Text}'", row.Number));
        }

        if (spec.Get("priority") is { Scalar: { Length: > 0 } priorityText } priorityValue && row.PriorityCell is not null
            && Priority.TryParse(priorityText, out var priority) && row.Priority.IsKnown && priority != row.Priority)
        {
            found.Add(PlanDiagnostic.Create(MP2005, spec.Path, priorityValue.Span, $"priority {priority}", row.Priority, row.Number));
        }

        if (DependencyDisagreement(context.Plan, spec, row) is { } disagreement)
        {
            found.Add(PlanDiagnostic.Create(MP2005, spec.Path, disagreement.Value.Span, $"dependencies [{Format(disagreement.Spec)}]", $"[{Format(disagreement.Plan)}]", row.Number));
        }

        if (spec.Get("github_issue") is { Scalar: { Length: > 0 } gitHubText } gitHubValue && row.GitHubNumber is { } rowGitHub
            && IssueNumber.TryParse(gitHubText, out var gitHub) && gitHub.Value != rowGitHub)
        {
            found.Add(PlanDiagnostic.Create(MP2005, spec.Path, gitHubValue.Span, $"github_issue #{gitHub.Value}", $"GitHub #{rowGitHub}", row.Number));
        }
    }

    /// <summary>The issues the spec's `dependencies` name, sorted without repeats; null when one of them names no issue.</summary>
    private static List<int>? SpecDependencies(PlanDocument plan, IReadOnlyList<string> written)
    {
        var numbers = new List<int>(written.Count);
        foreach (var item in written)
        {
            if (ResolveSpecDependency(plan, item) is not { } number)
            {
                return null;
            }

            numbers.Add(number.Value);
        }

        return SortedDistinct(numbers);
    }

    /// <summary>The issues of this plan the row depends on (its own numbering, external ones left out), sorted without repeats.</summary>
    private static List<int> PlanDependencies(PlanDocument plan, IssueRow row)
    {
        var numbers = new List<int>(row.Dependencies.References.Count);
        foreach (var reference in row.Dependencies.References)
        {
            if (!reference.IsExternal)
            {
                numbers.Add((plan.Resolve(reference.Number)?.Number ?? reference.Number).Value);
            }
        }

        return SortedDistinct(numbers);
    }

    private static List<int> SortedDistinct(List<int> numbers)
    {
        numbers.Sort();
        var kept = 0;
        for (var i = 0; i < numbers.Count; i++)
        {
            if (kept == 0 || numbers[kept - 1] != numbers[i])
            {
                numbers[kept++] = numbers[i];
            }
        }

        numbers.RemoveRange(kept, numbers.Count - kept);
        return numbers;
    }

    private static IssueNumber? ResolveSpecDependency(PlanDocument plan, string written)
    {
        if (IssueNumber.TryParse(written, out var number))
        {
            return plan.Resolve(number)?.Number ?? number;
        }

        var byFile = plan.Issues.FirstOrDefault(r => string.Equals(r.FileName, written.Trim(), StringComparison.OrdinalIgnoreCase)
            || string.Equals(Path.GetFileNameWithoutExtension(r.FileName ?? string.Empty), written.Trim(), StringComparison.OrdinalIgnoreCase));
        return byFile?.Number;
    }

    public static string Format(IEnumerable<int> numbers) => string.Join(", ", numbers.Select(n => new IssueNumber(n).ToString()));

    private static IEnumerable<PlanDiagnostic> Orphans(PlanContext context)
    {
        var plan = context.Plan;
        if (!plan.HasIssueTable)
        {
            yield break;
        }

        var named = new HashSet<string>(plan.Issues.Select(r => r.FileName).OfType<string>().Select(Path.GetFileName)!,
            StringComparer.OrdinalIgnoreCase);
        var ignored = new HashSet<string>(context.Options.NonSpecFileNames, StringComparer.OrdinalIgnoreCase);
        foreach (var file in context.Files.EnumerateFiles(plan.FolderPath, recursive: false).OrderBy(f => f, StringComparer.Ordinal))
        {
            var name = Path.GetFileName(file);
            if (!name.EndsWith(".md", StringComparison.OrdinalIgnoreCase) || ignored.Contains(name) || named.Contains(name)
                || name.IndexOf("TEMPLATE", StringComparison.OrdinalIgnoreCase) >= 0)
            {
                continue;
            }

            yield return PlanDiagnostic.Create(MP2002, file, SourceSpan.FileStart, name);
        }
    }
}

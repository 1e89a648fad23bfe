using MilestonePlan.Workflow.Publishing;
namespace MilestonePlan.Workflow.StopConditions;

/// <summary>
/// PRODUCT.md section 6 as a pure function: a change set and the facts around it → every stop that applies.
/// Safety stops first, then hard, then soft; deterministic order within each.
/// </summary>
internal static class StopConditionClassifier
{
    private static readonly string[] ProjectFileExtensions = [".csproj", ".fsproj", ".vbproj", ".props", ".targets"];

    public static IReadOnlyList<StopFinding> Classify(ChangeSet changes, StopPolicy policy, StopFacts facts)
    {
        var findings = new List<StopFinding>();

        if (policy.ProtectedBranches.Contains(facts.BaseBranch, StringComparer.OrdinalIgnoreCase))
        {
            findings.Add(new StopFinding(StopKind.Safety, "base-is-main",
                $"the PR would target '{facts.BaseBranch}'; issue PRs target the milestone branch, only CompleteMilestone targets it",
                "set the plan's Milestone Branch"));
        }

        // What a push publishes is each commit and its message: a secret added and removed again, or in a message,
        // never shows in the net diff. A path whose secret is still in the diff is reported once, by the diff, below.
        var secretInDiff = new HashSet<string>(changes.Files.Where(f => SecretScanner.Scan(f.AddedLines).Any()).Select(f => f.Path), StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var finding in HistorySecrets.Find(changes.Commits ?? []))
        {
            if ((finding.Path is null || !secretInDiff.Contains(finding.Path)) && seen.Add(finding.ToString()))
            {
                findings.Add(finding);
            }
        }

        foreach (var file in changes.Files)
        {
            foreach (var (kind, line) in SecretScanner.Scan(file.AddedLines))
            {
                findings.Add(new StopFinding(StopKind.Safety, "secret", $"a {kind} was added", "remove it from the branch history and rotate it", file.Path, line));
            }

            if (file.Paths.FirstOrDefault(p => PathGlob.Any(policy.ProtectedPaths, p)) is { } protectedPath)
            {
                findings.Add(new StopFinding(StopKind.Safety, "protected-path", $"protected surface '{protectedPath}' changed", "a maintainer's review", protectedPath));
            }
        }

        if (facts.SpecProblem is { } spec)
        {
            findings.Add(new StopFinding(StopKind.Hard, "spec-problem", spec, "a clear spec with readable dependencies"));
        }

        foreach (var file in changes.Files)
        {
            findings.AddRange(HardStops(file, policy));
        }

        if (changes.Files.Count > policy.MaxFiles)
        {
            findings.Add(new StopFinding(StopKind.Soft, "large-diff", $"{changes.Files.Count} files changed (more than {policy.MaxFiles})", "split the issue"));
        }

        if (changes.ChangedLines > policy.MaxChangedLines)
        {
            findings.Add(new StopFinding(StopKind.Soft, "large-diff", $"{changes.ChangedLines} lines changed (more than {policy.MaxChangedLines})", "split the issue"));
        }

        if (facts.MergeConflict)
        {
            findings.Add(new StopFinding(StopKind.Soft, "merge-conflict", $"the branch conflicts with '{facts.BaseBranch}'", "rebase on the base branch"));
        }

        if (facts.FailedChecks is { } checks)
        {
            // A reason the auto-fix already made a sentence about the checks is kept as it is.
            findings.Add(new StopFinding(StopKind.Soft, "checks-failed", checks.StartsWith("checks ", StringComparison.Ordinal) ? checks : $"checks still fail: {checks}",
                "fix the failing checks"));
        }

        return findings.OrderByDescending(f => f.Kind).ToList();
    }

    private static IEnumerable<StopFinding> HardStops(FileChange file, StopPolicy policy)
    {
        if (file.IsSubmodule)
        {
            yield return new StopFinding(StopKind.Hard, "dependency-change", $"submodule '{file.Path}' added or changed", "approval of the dependency change", file.Path);
        }
        else if (file.IsSymbolicLink)
        {
            // A link can point anywhere (outside the repository, at a secret): a person decides.
            yield return new StopFinding(StopKind.Hard, "symbolic-link", $"symbolic link '{file.Path}' added or changed", "a review of where it points", file.Path);
        }

        foreach (var finding in file.Paths.SelectMany(p => PathStops(file, p, policy)).GroupBy(f => f.Code).Select(g => g.First()))
        {
            yield return finding;
        }
    }

    private static IEnumerable<StopFinding> PathStops(FileChange file, string path, StopPolicy policy)
    {
        if (PathGlob.Any(policy.MigrationPaths, path))
        {
            yield return new StopFinding(StopKind.Hard, "database-migration", $"migration '{path}' added or changed", "a review of the schema change", path);
        }
        else if (path.EndsWith(".cs", StringComparison.OrdinalIgnoreCase))
        {
            var before = CSharpSignals.Of(file.Before);
            var after = CSharpSignals.Of(file.After);
            var migration = after.Migrations.Concat(before.Migrations).FirstOrDefault();
            if (migration is not null)
            {
                yield return new StopFinding(StopKind.Hard, "database-migration", $"EF Core migration '{migration}' added or changed", "a review of the schema change", path);
            }

            if (CSharpSignals.Difference(before.Sensitive, after.Sensitive).FirstOrDefault() is { } sensitive)
            {
                yield return new StopFinding(StopKind.Hard, "sensitive-code", $"touches auth: {sensitive}", "a security review", path);
            }
        }

        if (PathGlob.Any(policy.SensitivePaths, path))
        {
            yield return new StopFinding(StopKind.Hard, "sensitive-code", $"sensitive path '{path}' changed", "a security review", path);
        }

        if (PathGlob.Any(policy.DependencyFiles, path))
        {
            yield return new StopFinding(StopKind.Hard, "dependency-change", $"dependency, lockfile or licence file '{path}' changed", "approval of the dependency change", path);
        }
        else if (ProjectFileExtensions.Any(e => path.EndsWith(e, StringComparison.OrdinalIgnoreCase)))
        {
            var before = PackageReferences.Read(file.Before);
            var after = PackageReferences.Read(file.After);
            if (before is null || after is null || !before.SequenceEqual(after))
            {
                yield return new StopFinding(StopKind.Hard, "dependency-change", $"package references in '{path}' changed", "approval of the dependency change", path);
            }
        }
    }
}

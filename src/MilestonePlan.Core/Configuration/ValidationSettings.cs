namespace MilestonePlan.Core.Configuration;

/// <summary>
/// The one way the front ends (the build task, the workflow, the analyzer) turn the MSBuild properties of validation
/// into <see cref="ValidationOptions"/>, so the command line, the workflow targets and the IDE validate alike.
/// Before, each built its own and two ignored MilestonePlanNonSpecFiles (MP2002 then disagreed with the build).
/// </summary>
internal static class ValidationSettings
{
    /// <param name="repositoryRoot">Full path of the repository root.</param>
    /// <param name="docsRoot">MilestonePlanDocsRoot; empty for <see cref="ValidationOptions.DefaultDocsRoot"/>.</param>
    /// <param name="nonSpecFiles">MilestonePlanNonSpecFiles: `;`-separated names added to the defaults.</param>
    /// <param name="maxPlanBytes">MilestonePlanMaxPlanBytes; empty or not a positive number for the default.</param>
    /// <param name="maxSpecBytes">MilestonePlanMaxSpecBytes; likewise.</param>
    public static ValidationOptions Create(string repositoryRoot, string? docsRoot, string? nonSpecFiles, string? maxPlanBytes, string? maxSpecBytes) =>
        new()
        {
            RepositoryRoot = repositoryRoot,
            DocsRoot = string.IsNullOrWhiteSpace(docsRoot) ? ValidationOptions.DefaultDocsRoot : docsRoot!.Trim(),
            NonSpecFileNames = ValidationOptions.DefaultNonSpecFileNames
                .Concat((nonSpecFiles ?? string.Empty).Split([';'], StringSplitOptions.RemoveEmptyEntries).Select(s => s.Trim()).Where(s => s.Length > 0))
                .ToList(),
            MaxPlanBytes = ByteLimit.Parse(maxPlanBytes, IO.FileLimits.DefaultMaxPlanBytes),
            MaxSpecBytes = ByteLimit.Parse(maxSpecBytes, IO.FileLimits.DefaultMaxSpecBytes),
        };
}

namespace MilestonePlan.Tasks;

/// <summary>
/// How a project asks the shared MilestonePlan.Repository.proj for the validation. MSBuild builds a project once per
/// build only for one set of global properties, and the MSBuild task hands the caller's own global properties down:
/// an inner build of a multi-targeting project adds TargetFramework (and maybe RuntimeIdentifier), a solution adds
/// Configuration, Platform and Solution*. Each different set would validate again and print every finding again,
/// so the caller removes all of them and passes only the MilestonePlan* properties the repository project reads.
/// </summary>
internal static class RepositoryRequest
{
    /// <summary>
    /// The names to give the MSBuild task's RemoveProperties: every inherited global property but MilestonePlan* ones,
    /// which come from the command line (the same in every project) or are passed explicitly anyway.
    /// </summary>
    public static string PropertiesToRemove(IReadOnlyDictionary<string, string>? globalProperties) =>
        globalProperties is null
            ? string.Empty
            : string.Join(";", globalProperties.Keys
                .Where(k => !k.StartsWith("MilestonePlan", StringComparison.OrdinalIgnoreCase))
                .OrderBy(k => k, StringComparer.OrdinalIgnoreCase));
}

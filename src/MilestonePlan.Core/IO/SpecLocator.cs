using MilestonePlan.Core.Model;

namespace MilestonePlan.Core.IO;

/// <summary>
/// Where an issue's spec lives: its Issue File, relative to the plan's folder, resolved inside the repository
/// (<see cref="RepositoryPath"/>). The one owner of that fact, for the rules (MP2001, MP2006) and every target.
/// </summary>
internal static class SpecLocator
{
    public static PathResolution Locate(IFileSystemView files, string repositoryRoot, PlanDocument plan, IssueRow row) =>
        row.FileName is { } name
            ? RepositoryPath.ResolveOnDisk(files, repositoryRoot, plan.FolderPath, name)
            : new PathResolution(null, "is empty");
}

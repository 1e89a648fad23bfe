using MilestonePlan.Core.IO;
using MilestonePlan.Core.Configuration;

namespace MilestonePlan.Core.Validation;

/// <summary>Finds plans: every IMPLEMENTATION_PLAN.md under the docs root, in both `m{n}/` and `milestones/m{n}/` layouts.</summary>
internal static class PlanDiscovery
{
    public const string PlanFileName = "IMPLEMENTATION_PLAN.md";

    public static IReadOnlyList<string> FindPlans(IFileSystemView files, ValidationOptions options) =>
        files.EnumerateFiles(options.DocsRootFullPath, recursive: true)
            .Where(f => string.Equals(Path.GetFileName(f), PlanFileName, StringComparison.OrdinalIgnoreCase))
            .Where(f => !IsIgnoredFolder(options.DocsRootFullPath, f))
            .OrderBy(f => f, StringComparer.Ordinal)
            .ToList();

    /// <summary>Plans under bin/obj/node_modules or a hidden folder are copies, not sources.</summary>
    private static bool IsIgnoredFolder(string root, string file)
    {
        var relative = file.Length > root.Length ? file.Substring(root.Length) : file;
        return relative.Split('/', '\\').Any(part => part is "bin" or "obj" or "node_modules"
            || (part.StartsWith(".", StringComparison.Ordinal) && part.Length > 1));
    }
}

using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;
using Task = Microsoft.Build.Utilities.Task;

namespace MilestonePlan.Tasks;

/// <summary>The repository root and the Markdown files under the docs root, for AdditionalFiles and IDE up-to-date checks.</summary>
public sealed class ResolveMilestonePlanFiles : Task
{
#if NETFRAMEWORK
    static ResolveMilestonePlanFiles() => TaskAssemblyResolver.Register();

#endif
    [Required]
    public string ProjectDirectory { get; set; } = string.Empty;

    public string? RepositoryRoot { get; set; }

    public string? DocsRoot { get; set; }

    /// <summary>List the Markdown files (IDE builds need them; a command-line build only needs the root).</summary>
    public bool ListFiles { get; set; } = true;

    [Output]
    public string RepositoryRootOutput { get; set; } = string.Empty;

    [Output]
    public ITaskItem[] Files { get; set; } = [];

    public override bool Execute()
    {
        try
        {
            // A root written in a project file is relative to that project, not to MSBuild's working folder.
            RepositoryRootOutput = string.IsNullOrWhiteSpace(RepositoryRoot)
                ? RepositoryLocator.Find(ProjectDirectory)
                : Path.GetFullPath(Path.Combine(ProjectDirectory, RepositoryRoot));
            var docs = Path.GetFullPath(Path.Combine(RepositoryRootOutput, string.IsNullOrWhiteSpace(DocsRoot) ? Core.Configuration.ValidationOptions.DefaultDocsRoot : DocsRoot));
            Files = ListFiles && Directory.Exists(docs)
                ? Directory.GetFiles(docs, "*.md", SearchOption.AllDirectories).Select(f => (ITaskItem)new TaskItem(f)).ToArray()
                : [];
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            Log.LogMessage(MessageImportance.Low, "MilestonePlan: cannot list plan files: " + e.Message);
        }

        return true;
    }
}

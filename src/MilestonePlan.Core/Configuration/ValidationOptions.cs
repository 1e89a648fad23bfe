namespace MilestonePlan.Core.Configuration;

/// <summary>What to validate and how. Every value has the default a user gets with no configuration.</summary>
internal sealed record ValidationOptions
{
    /// <summary>Where plans are searched when MilestonePlanDocsRoot is not set: the one place this default is written in C#.</summary>
    public const string DefaultDocsRoot = "docs/03-build-notes";

    /// <summary>Files in a milestone folder that are never issue specs (case-insensitive file names).</summary>
    public static IReadOnlyList<string> DefaultNonSpecFileNames { get; } =
    [
        "IMPLEMENTATION_PLAN.md",
        "IMPLEMENTATION_PLAN_TEMPLATE.md",
        "_milestone.md",
        "00-epic.md",
        "00-SPECIFICATION.md",
        "PLAN_REVIEW.md",
        "README.md",
        "DEPENDENCY_GRAPH.md",
    ];

    /// <summary>Full path of the repository root; relative paths in plans are resolved against it.</summary>
    public required string RepositoryRoot { get; init; }

    /// <summary>Folder searched for IMPLEMENTATION_PLAN.md, relative to <see cref="RepositoryRoot"/> (or full).</summary>
    public string DocsRoot { get; init; } = DefaultDocsRoot;

    /// <summary>File names in a milestone folder that are not specs (MP2002 ignores them).</summary>
    public IReadOnlyList<string> NonSpecFileNames { get; init; } = DefaultNonSpecFileNames;

    /// <summary>A plan larger than this is reported (MP2007) and not read.</summary>
    public long MaxPlanBytes { get; init; } = IO.FileLimits.DefaultMaxPlanBytes;

    /// <summary>A spec larger than this is reported (MP2007), not read and never published.</summary>
    public long MaxSpecBytes { get; init; } = IO.FileLimits.DefaultMaxSpecBytes;

    public string DocsRootFullPath =>
        Path.GetFullPath(Path.IsPathRooted(DocsRoot) ? DocsRoot : Path.Combine(RepositoryRoot, DocsRoot));
}

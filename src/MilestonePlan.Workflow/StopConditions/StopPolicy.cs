namespace MilestonePlan.Workflow.StopConditions;

/// <summary>The configurable parts of the stop conditions (PRODUCT.md section 6), with their defaults.</summary>
internal sealed record StopPolicy
{
    public int MaxFiles { get; init; } = 8;

    public int MaxChangedLines { get; init; } = 400;

    public IReadOnlyList<string> SensitivePaths { get; init; } =
    [
        "**/Auth/**", "**/Authentication/**", "**/Authorization/**", "**/Permissions/**", "**/Billing/**", "**/RateLimit*/**",
    ];

    public IReadOnlyList<string> ProtectedPaths { get; init; } =
    [
        ".github/workflows/**", ".env*", "**/.env*", "**/secrets*", "**/secrets*/**", "infra/**", "deploy/**",
    ];

    public IReadOnlyList<string> MigrationPaths { get; init; } =
    [
        "**/Migrations/**", "**/migrations/**", "**/V*__*.sql", "**/*.migration.sql",
    ];

    public IReadOnlyList<string> DependencyFiles { get; init; } =
    [
        "**/packages.lock.json", "**/Directory.Packages.props", "**/package.json", "**/package-lock.json", "**/yarn.lock",
        "**/pnpm-lock.yaml", "**/requirements*.txt", "**/poetry.lock", "**/Pipfile.lock", "**/Cargo.lock", "**/go.sum",
        "LICENSE*", "**/LICENSE*", "COPYING*", "**/COPYING*",
    ];

    /// <summary>
    /// Branches an issue PR may never target. By default the main lines BranchName owns (which GitClient never pushes
    /// to, with the remote's default branch); configuration can only add to what a push refuses.
    /// </summary>
    public IReadOnlyList<string> ProtectedBranches { get; init; } = Core.Model.BranchName.MainLines;
}

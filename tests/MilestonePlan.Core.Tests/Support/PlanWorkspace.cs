using MilestonePlan.Core.Diagnostics;
using MilestonePlan.Core.IO;
using MilestonePlan.Core.Validation;
using MilestonePlan.Core.Configuration;

namespace MilestonePlan.Core.Tests.Support;

/// <summary>An in-memory repository under a fake root: write plans and specs, validate, assert.</summary>
internal sealed class PlanWorkspace
{
    public const string Root = "/repo";

    private readonly Dictionary<string, string> files = new(StringComparer.Ordinal);

    public string Add(string relativePath, string text)
    {
        var full = Path.GetFullPath(Path.Combine(Root, relativePath));
        files[full] = text;
        return full;
    }

    public string PlanPath(string milestone = "m1") =>
        Path.GetFullPath(Path.Combine(Root, "docs/03-build-notes", milestone, "IMPLEMENTATION_PLAN.md"));

    public ValidationResult Validate(bool complete = true, bool keepPlans = true) => keepPlans
        ? RepositoryValidator.ValidateAndKeepPlans(new InMemoryFileSystem(files, complete), new ValidationOptions { RepositoryRoot = Root })
        : RepositoryValidator.Validate(new InMemoryFileSystem(files, complete), new ValidationOptions { RepositoryRoot = Root });

    public IReadOnlyList<PlanDiagnostic> Diagnostics(bool complete = true) => Validate(complete).Diagnostics;
}

using MilestonePlan.Core.Diagnostics;
using MilestonePlan.Core.IO;

namespace MilestonePlan.Core.Validation;

/// <summary>Entry point of the engine: finds every plan under the docs root and runs every rule.</summary>
public static class RepositoryValidator
{
    public static ValidationResult Validate(IFileSystemView files, ValidationOptions options)
    {
        // Placeholder until the parser lands: no plans found.
        _ = files;
        _ = options;
        return new ValidationResult(Array.Empty<PlanDiagnostic>(), Array.Empty<Model.PlanDocument>(), Array.Empty<string>());
    }
}

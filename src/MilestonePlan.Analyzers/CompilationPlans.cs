using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using MilestonePlan.Core.Configuration;
using MilestonePlan.Core.Diagnostics;
using MilestonePlan.Core.Validation;

namespace MilestonePlan.Analyzers;

/// <summary>
/// One compilation's plans. Findings are reported per additional file, but a milestone's rules need the whole
/// milestone: validating it from every file's action made a milestone of n files cost n validations, and reading every
/// AdditionalFile for each file made the whole cost quadratic. Here the files are read once, each milestone is
/// validated once (on the first request for one of its files) and its findings are grouped by file. Findings of a
/// milestone whose files did not change since an earlier compilation come from <see cref="ValidationCache"/>.
/// </summary>
internal sealed class CompilationPlans
{
    private const string ViewKey = "";

    private readonly ImmutableArray<AdditionalText> files;
    private readonly ValidationOptions options;
    private readonly Action<string>? onPlanValidated;
    private readonly ValidationCache cache;
    private readonly Dictionary<string, string> planByFolder = new(StringComparer.Ordinal);
    private readonly OnceMap<string, CompilationTexts> texts = new(StringComparer.Ordinal);
    private readonly OnceMap<string, Dictionary<string, List<PlanDiagnostic>>> findingsByFolder = new(StringComparer.Ordinal);

    public CompilationPlans(ImmutableArray<AdditionalText> files, ValidationOptions options, ValidationCache cache, Action<string>? onPlanValidated)
    {
        this.files = files;
        this.options = options;
        this.cache = cache;
        this.onPlanValidated = onPlanValidated;
        foreach (var file in files)
        {
            if (string.Equals(Path.GetFileName(file.Path), PlanDiscovery.PlanFileName, StringComparison.OrdinalIgnoreCase))
            {
                // The first plan of a folder wins, as FirstOrDefault did when each file searched for its plan.
                var folder = FolderOf(file.Path);
                if (!planByFolder.ContainsKey(folder))
                {
                    planByFolder.Add(folder, file.Path);
                }
            }
        }
    }

    /// <summary>The findings located in <paramref name="file"/>, from the validation of its milestone folder's plan.</summary>
    public IReadOnlyList<PlanDiagnostic> FindingsIn(AdditionalText file, CancellationToken cancellationToken)
    {
        var folder = FolderOf(file.Path);
        if (!planByFolder.TryGetValue(folder, out var plan))
        {
            return [];
        }

        var findings = findingsByFolder.Get(folder, _ => Validate(plan, cancellationToken));
        return findings.TryGetValue(Normalize(Path.GetFullPath(file.Path)), out var inFile) ? inFile : [];
    }

    private Dictionary<string, List<PlanDiagnostic>> Validate(string plan, CancellationToken cancellationToken)
    {
        var current = texts.Get(ViewKey, _ => new CompilationTexts(files, cancellationToken));
        var key = $"{options.RepositoryRoot}\n{options.DocsRoot}\n{CompilationTexts.Normalize(plan)}";
        if (cache.TryGet(key, current) is { } cached)
        {
            return cached;
        }

        cancellationToken.ThrowIfCancellationRequested();
        onPlanValidated?.Invoke(plan);
        var recorder = new ReadRecorder(current.View);
        var (_, diagnostics, _) = RepositoryValidator.ValidatePlan(recorder, options, Path.GetFullPath(plan));
        var byFile = new Dictionary<string, List<PlanDiagnostic>>(StringComparer.Ordinal);
        foreach (var diagnostic in diagnostics)
        {
            var path = Normalize(diagnostic.FilePath);
            if (!byFile.TryGetValue(path, out var list))
            {
                byFile.Add(path, list = []);
            }

            list.Add(diagnostic);
        }

        cache.Add(key, current, recorder.FilesRead, byFile);
        return byFile;
    }

    private static string FolderOf(string path) => Normalize(Path.GetDirectoryName(path) ?? string.Empty);

    private static string Normalize(string path) => path.Replace('\\', '/');
}

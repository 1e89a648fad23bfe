using MilestonePlan.Core.Analysis;
using MilestonePlan.Core.Diagnostics;
using MilestonePlan.Core.IO;
using MilestonePlan.Core.Model;
using MilestonePlan.Core.Parsing;
using MilestonePlan.Core.Configuration;

namespace MilestonePlan.Core.Validation;

/// <summary>Entry point of the engine: finds every plan under the docs root and runs every rule on it.</summary>
internal static class RepositoryValidator
{
    private static readonly IPlanRule[] AllRules =
    [
        new StructureRules(),
        new FileRules(),
        new DependencyRules(),
        new NamingRules(),
        new TrackingRules(),
    ];

    /// <summary>Validates every plan; the result holds the findings, not the parsed plans (what a build needs).</summary>
    public static ValidationResult Validate(IFileSystemView files, ValidationOptions options) => Run(files, options, keepPlans: false);

    /// <summary>Validates every plan and keeps each parsed plan, for the workflow targets that act on them.</summary>
    public static ValidationResult ValidateAndKeepPlans(IFileSystemView files, ValidationOptions options) =>
        Run(files, options, keepPlans: true);

    private static ValidationResult Run(IFileSystemView files, ValidationOptions options, bool keepPlans)
    {
        // One answer per path to "is it a link" for this run: the folders above every spec are the same few.
        files = files as LinkCheckCache ?? new LinkCheckCache(files);
        var diagnostics = new List<PlanDiagnostic>();
        var plans = new List<PlanDocument>();
        var planCount = 0;
        var extraInputs = new List<string>();
        IReadOnlyList<string> planPaths;
        try
        {
            planPaths = PlanDiscovery.FindPlans(files, options);
        }
        catch (Exception e)
        {
            diagnostics.Add(PlanDiagnostic.Create(Rules.MP0001, options.DocsRootFullPath, SourceSpan.FileStart, Describe(e)));
            return new ValidationResult(diagnostics, 0, extraInputs);
        }

        var docsRoot = options.DocsRootFullPath;
        foreach (var path in planPaths)
        {
            var result = ValidatePlan(files, options, path);
            if (result.Plan is { } plan)
            {
                planCount++;
                extraInputs.AddRange(plan.LinkedFiles(options.RepositoryRoot));
                if (keepPlans)
                {
                    plans.Add(plan);
                }
            }

            diagnostics.AddRange(result.Diagnostics);
            foreach (var read in result.FilesRead)
            {
                if (!IO.RepositoryPath.IsUnder(docsRoot, read))
                {
                    extraInputs.Add(read);
                }
            }
        }

        var ordered = diagnostics
            .Distinct()
            .OrderBy(d => d.FilePath, StringComparer.Ordinal)
            .ThenBy(d => d.Span.Line)
            .ThenBy(d => d.Span.Column)
            .ThenBy(d => d.Id, StringComparer.Ordinal)
            .ToList();
        return new ValidationResult(ordered, planCount, extraInputs.Distinct(StringComparer.Ordinal).ToList())
        {
            Plans = plans,
        };
    }

    /// <summary>Parses and checks one plan. Never throws: a failure inside becomes one MP0001 naming the file.</summary>
    public static (PlanDocument? Plan, IReadOnlyList<PlanDiagnostic> Diagnostics, IReadOnlyList<string> FilesRead) ValidatePlan(
        IFileSystemView files, ValidationOptions options, string path)
    {
        var diagnostics = new List<PlanDiagnostic>();
        try
        {
            // A plan found through a symbolic link (or outside the repository) is never read: it could be any file.
            if (IO.RepositoryPath.Check(files, options.RepositoryRoot, path) is { } refused)
            {
                diagnostics.Add(PlanDiagnostic.Create(Rules.MP2006, path, SourceSpan.FileStart, Path.GetFileName(path), refused));
                return (null, diagnostics, []);
            }

            var file = files.Read(path, options.MaxPlanBytes);
            if (file.TooLarge)
            {
                diagnostics.Add(PlanDiagnostic.Create(Rules.MP2007, path, SourceSpan.FileStart, Path.GetFileName(path), file.Problem));
                return (null, diagnostics, []);
            }

            if (file.Text is not { } text)
            {
                diagnostics.Add(PlanDiagnostic.Create(Rules.MP1001, path, SourceSpan.FileStart, file.Problem is { } why ? $"it {why}" : "its text is not available"));
                return (null, diagnostics, []);
            }

            var parsed = PlanParser.Parse(path, text);
            diagnostics.AddRange(parsed.ParseDiagnostics);
            var context = new PlanContext(parsed, files, options);
            context.ResolveGitHubNumbersFromSpecs();
            var plan = context.Plan;
            foreach (var rule in AllRules)
            {
                diagnostics.AddRange(rule.Analyze(context));
            }

            return (plan, diagnostics, context.FilesRead);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            diagnostics.Add(PlanDiagnostic.Create(Rules.MP0001, path, SourceSpan.FileStart, Describe(e)));
            return (null, diagnostics, []);
        }
    }

    private static string Describe(Exception e) => $"{e.GetType().Name}: {e.Message}";
}

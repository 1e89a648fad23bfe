using Microsoft.Build.Framework;
using MilestonePlan.Core.Configuration;
using MilestonePlan.Core.Diagnostics;
using MilestonePlan.Core.IO;
using MilestonePlan.Core.Validation;
using Task = Microsoft.Build.Utilities.Task;

namespace MilestonePlan.Tasks;

/// <summary>
/// `dotnet build`'s plan validation: runs every rule on every plan of the repository and logs the findings at
/// their exact place. Skips itself when nothing changed since the last clean run (in this build or an earlier one).
/// </summary>
public sealed class ValidateMilestonePlans : Task
{
#if NETFRAMEWORK
    static ValidateMilestonePlans() => TaskAssemblyResolver.Register();

#endif
    /// <summary>The project's folder; the repository root is searched from here when not given.</summary>
    [Required]
    public string ProjectDirectory { get; set; } = string.Empty;

    public string? RepositoryRoot { get; set; }

    public string? DocsRoot { get; set; }

    /// <summary>File names that are never issue specs, added to the defaults (`;`-separated).</summary>
    public string? NonSpecFiles { get; set; }

    public string? NoWarn { get; set; }

    public string? WarningsAsErrors { get; set; }

    public string? WarningsNotAsErrors { get; set; }

    public bool TreatWarningsAsErrors { get; set; }

    /// <summary>
    /// The up-to-date stamp (MilestonePlanStampFile; the targets default it to the project's obj/). Empty: no stamp,
    /// validate every time asked — the shared repository project, which MSBuild runs at most once per build.
    /// </summary>
    public string? StampFile { get; set; }

    /// <summary>MilestonePlanSarifFile: where to write the findings as a SARIF 2.1.0 log (relative to <see cref="ProjectDirectory"/>).</summary>
    public string? SarifFile { get; set; }

    /// <summary>Only write the stamp for the current inputs, after the repository project validated them without an error.</summary>
    public bool RecordOnly { get; set; }

    /// <summary>With <see cref="RecordOnly"/>: the files outside the docs tree the validation depended on (its <see cref="ExtraInputFiles"/>).</summary>
    public ITaskItem[] ExtraInputs { get; set; } = [];

    /// <summary>Files outside the docs tree whose existence matters to this validation (linked guides, config files).</summary>
    [Output]
    public ITaskItem[] ExtraInputFiles { get; set; } = [];

    /// <summary>The global properties this project would hand down to the shared repository project (RemoveProperties).</summary>
    [Output]
    public string GlobalPropertiesToRemove { get; set; } = string.Empty;

    /// <summary>Environment lookup for GITHUB_STEP_SUMMARY; tests replace it.</summary>
    internal Func<string, string?> Environment { get; set; } = System.Environment.GetEnvironmentVariable;

    /// <summary>
    /// The settings by MSBuild property name (item spec; value in <c>Value</c>), as the targets pass them; without
    /// any, the task's global properties (MilestonePlan.Repository.proj). A setting wins over the parameter of the same meaning.
    /// </summary>
    public ITaskItem[] Settings { get; set; } = [];

    /// <summary>Validate even when the inputs are unchanged.</summary>
    public bool Force { get; set; }

    /// <summary>MilestonePlanMaxPlanBytes: larger plans are reported (MP2007) and not read; empty or 0 for the default.</summary>
    public string? MaxPlanBytes { get; set; }

    /// <summary>MilestonePlanMaxSpecBytes: larger specs are reported (MP2007) and not read; empty or 0 for the default.</summary>
    public string? MaxSpecBytes { get; set; }

    /// <summary>Only compare the inputs with the last clean validation (cheap, done in every project); never validate.</summary>
    public bool CheckOnly { get; set; }

    /// <summary>True when the inputs are those of the last clean validation.</summary>
    [Output]
    public bool UpToDate { get; set; }

    /// <summary>The plan and spec files read, for incremental builds and IDE up-to-date checks.</summary>
    [Output]
    public ITaskItem[] InputFiles { get; set; } = [];

    public override bool Execute()
    {
        string root = ProjectDirectory;
        if (BuildEngine is IBuildEngine6 engine6)
        {
            GlobalPropertiesToRemove = RepositoryRequest.PropertiesToRemove(engine6.GetGlobalProperties());
        }

        var settings = TaskSettings.Read(Settings, BuildEngine);
        RepositoryRoot = settings.Get("MilestonePlanRepositoryRoot", RepositoryRoot);
        DocsRoot = settings.Get("MilestonePlanDocsRoot", DocsRoot);
        NonSpecFiles = settings.Get("MilestonePlanNonSpecFiles", NonSpecFiles);
        NoWarn = settings.Get("MilestonePlanNoWarn", NoWarn);
        WarningsAsErrors = settings.Get("MilestonePlanWarningsAsErrors", WarningsAsErrors);
        WarningsNotAsErrors = settings.Get("MilestonePlanWarningsNotAsErrors", WarningsNotAsErrors);
        TreatWarningsAsErrors |= string.Equals(settings.Get("MilestonePlanTreatWarningsAsErrors"), "true", StringComparison.OrdinalIgnoreCase);
        SarifFile = settings.Get("MilestonePlanSarifFile", SarifFile);
        MaxPlanBytes = settings.Get("MilestonePlanMaxPlanBytes", MaxPlanBytes);
        MaxSpecBytes = settings.Get("MilestonePlanMaxSpecBytes", MaxSpecBytes);
        try
        {
            root = string.IsNullOrWhiteSpace(RepositoryRoot)
                ? RepositoryLocator.Find(ProjectDirectory)
                : Path.GetFullPath(Path.Combine(ProjectDirectory, RepositoryRoot));
            return Run(root);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Never MSB4018 with a stack trace: one coded diagnostic that names where it happened.
            var d = Rules.MP0001;
            Log.LogWarning(null, d.Id, d.HelpLink, d.HelpLink, Path.Combine(root, DocsRoot ?? string.Empty), 0, 0, 0, 0,
                d.Format($"{e.GetType().Name}: {e.Message}"));
            return !Log.HasLoggedErrors;
        }
    }

    private bool Run(string root)
    {
        var options = ValidationSettings.Create(root, DocsRoot, NonSpecFiles, MaxPlanBytes, MaxSpecBytes);

        var docsRoot = options.DocsRootFullPath;
        var sarif = string.IsNullOrWhiteSpace(SarifFile) ? null : Path.GetFullPath(Path.Combine(ProjectDirectory, SarifFile));
        if (!Directory.Exists(docsRoot))
        {
            Log.LogMessage(MessageImportance.Low, $"MilestonePlan: no docs root at '{docsRoot}'; nothing to validate.");
            if (!CheckOnly && !RecordOnly)
            {
                ValidationReports.Write(Log, sarif, [], root, Environment);
            }

            return true;
        }

        var configs = new AnalyzerConfigLoader();
        var globalConfigs = configs.GlobalConfigs(ProjectDirectory, root);
        configs.EditorConfigsFor(Path.Combine(docsRoot, "x.md"));
        var stamp = string.IsNullOrWhiteSpace(StampFile) ? null : new ValidationStamp(StampFile!);
        var settings = new[]
        {
            typeof(ValidateMilestonePlans).Assembly.ManifestModule.ModuleVersionId.ToString(),
            root, docsRoot, string.Join(";", options.NonSpecFileNames),
            NoWarn ?? string.Empty, WarningsAsErrors ?? string.Empty, WarningsNotAsErrors ?? string.Empty, TreatWarningsAsErrors.ToString(),
            sarif ?? string.Empty,
        };
        var treeFiles = Directory.GetFiles(docsRoot, "*", SearchOption.AllDirectories);
        InputFiles = treeFiles.Select(f => (ITaskItem)new Microsoft.Build.Utilities.TaskItem(f)).ToArray();

        // The SARIF log is an input too: deleting it makes the next build validate and write it again.
        var inputs = treeFiles.Concat(configs.FilesRead).Concat(sarif is null ? [] : [sarif]).ToList();
        using var _ = stamp?.Lock(TimeSpan.FromMinutes(2));
        if (RecordOnly)
        {
            var recorded = ExtraInputs.Select(i => i.ItemSpec).ToList();
            stamp?.Write(ValidationStamp.Fingerprint(settings, inputs.Concat(recorded)), recorded);
            return true;
        }

        var previous = stamp?.Read();
        var fingerprint = ValidationStamp.Fingerprint(settings, inputs.Concat(previous?.ExtraInputs ?? []));
        if (!Force && previous is { } last && last.Fingerprint == fingerprint)
        {
            UpToDate = true;
            Log.LogMessage(MessageImportance.Normal,
                $"MilestonePlan: plans unchanged since the last validation; skipped ({treeFiles.Length} files under {docsRoot}).");
            return true;
        }

        if (CheckOnly)
        {
            return true;
        }

        // Same build, same node, same inputs: another project already reported these findings (errors included,
        // which leave no stamp); the build has failed or passed on them already.
        var reportedKey = "MilestonePlan.Validated|" + fingerprint;
        if (!Force && BuildEngine is IBuildEngine4 engine)
        {
            if (engine.GetRegisteredTaskObject(reportedKey, RegisteredTaskObjectLifetime.Build) is not null)
            {
                Log.LogMessage(MessageImportance.Normal, "MilestonePlan: plans already validated by another project of this build; skipped.");
                return true;
            }

            engine.RegisterTaskObject(reportedKey, new object(), RegisteredTaskObjectLifetime.Build, allowEarlyCollection: false);
        }

        var result = RepositoryValidator.Validate(DiskFileSystem.Instance, options);
        var severities = new SeverityConfiguration(globalConfigs, configs.EditorConfigsFor, NoWarn, WarningsAsErrors, WarningsNotAsErrors,
            TreatWarningsAsErrors);
        var counts = new Dictionary<PlanSeverity, int>();
        var findings = new List<(PlanDiagnostic Diagnostic, PlanSeverity Severity)>();
        foreach (var diagnostic in result.Diagnostics)
        {
            var severity = severities.Effective(diagnostic);
            counts[severity] = counts.TryGetValue(severity, out var n) ? n + 1 : 1;
            findings.Add((diagnostic, severity));
            DiagnosticLogger.Log(Log, diagnostic, severity);
        }

        ValidationReports.Write(Log, sarif, findings, root, Environment);

        Log.LogMessage(MessageImportance.Normal,
            $"MilestonePlan: validated {result.PlanCount} plan(s): {Count(counts, PlanSeverity.Error)} error(s), {Count(counts, PlanSeverity.Warning)} warning(s).");

        // Files outside the docs tree that matter (linked guides, specs kept elsewhere), so a change to one re-validates.
        var extra = result.ExtraInputs
            .Concat(configs.FilesRead)
            .Distinct(StringComparer.Ordinal)
            .ToList();
        ExtraInputFiles = extra.Select(f => (ITaskItem)new Microsoft.Build.Utilities.TaskItem(f)).ToArray();
        if (Log.HasLoggedErrors)
        {
            stamp?.Delete();
        }
        else
        {
            stamp?.Write(ValidationStamp.Fingerprint(settings, inputs.Concat(extra)), extra);
        }

        return !Log.HasLoggedErrors;
    }

    private static int Count(Dictionary<PlanSeverity, int> counts, PlanSeverity severity) =>
        counts.TryGetValue(severity, out var n) ? n : 0;
}

using MilestonePlan.Core.Diagnostics;
using MilestonePlan.Core.IO;
using MilestonePlan.Core.Model;
using MilestonePlan.Core.Parsing;
using MilestonePlan.Core.Selection;
using MilestonePlan.Core.Configuration;

namespace MilestonePlan.Core.Analysis;

/// <summary>What a rule may look at: one parsed plan, its specs (parsed on demand), and a read-only file view.</summary>
internal sealed class PlanContext
{
    private readonly Dictionary<string, IssueSpec?> specs = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, PathResolution> specPaths = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> readProblems = new(StringComparer.Ordinal);

    // The spec of each Issue File name as written: rules ask once per row and rule, and the path dictionary above hashes
    // a whole full path ignoring case on every ask.
    private readonly Dictionary<string, IssueSpec?> specsByName = new(StringComparer.Ordinal);
    private PlanStatus? status;

    public PlanContext(PlanDocument plan, IFileSystemView files, ValidationOptions options)
    {
        Plan = plan;
        Files = files;
        Options = options;
    }

    public PlanDocument Plan { get; private set; }

    /// <summary>
    /// Rows get the GitHub number their spec's front matter gives when the plan has none (the template: "GitHub issue
    /// numbers are the source of truth"), so every rule and the selector resolve `#N` the same way. Specs read here
    /// stay cached for the rules.
    /// </summary>
    public void ResolveGitHubNumbersFromSpecs() =>
        (Plan, status) = (Plan.WithSpecGitHubNumbers(row => Spec(row)?.Get("github_issue")?.Scalar is { } text
            && AsciiNumber.TryParse(text.Trim().TrimStart('#'), out var number) && number > 0 ? number : null), null);

    public IFileSystemView Files { get; }

    public ValidationOptions Options { get; }

    public string Path => Plan.Path;

    public PlanStatus Status => status ??= PlanStatus.Of(Plan);

    /// <summary>Every file this plan's rules read, for incremental-build fingerprints.</summary>
    public List<string> FilesRead { get; } = [];

    /// <summary>Where a row's Issue File resolves, or why it is refused (RepositoryPath owns the answer); null when the row names none.</summary>
    public PathResolution? SpecLocation(IssueRow row)
    {
        if (row.FileName is not { } name)
        {
            return null;
        }

        if (!specPaths.TryGetValue(name, out var location))
        {
            specPaths[name] = location = SpecLocator.Locate(Files, Options.RepositoryRoot, Plan, row);
        }

        return location;
    }

    /// <summary>Whether a row's spec file exists: known without asking the disk again once it was read.</summary>
    public bool? SpecExists(IssueRow row) =>
        SpecPath(row) is not { } path ? false : Spec(row) is not null ? true : Files.FileExists(path);

    /// <summary>Full path of a spec named by a row; null when the row names none or its path is refused.</summary>
    public string? SpecPath(IssueRow row) => SpecLocation(row)?.FullPath;

    /// <summary>Why a row's spec was not read although it exists (over the size cap, not a regular file); null otherwise.</summary>
    public string? SpecReadProblem(IssueRow row) =>
        SpecPath(row) is { } path && readProblems.TryGetValue(path, out var problem) ? problem : null;

    /// <summary>The parsed spec of a row; null when missing or unreadable (MP2001 reports that).</summary>
    public IssueSpec? Spec(IssueRow row)
    {
        if (row.FileName is not { } name)
        {
            return null;
        }

        if (!specsByName.TryGetValue(name, out var spec))
        {
            specsByName[name] = spec = SpecAt(row);
        }

        return spec;
    }

    private IssueSpec? SpecAt(IssueRow row)
    {
        if (SpecPath(row) is not { } path)
        {
            return null;
        }

        if (!specs.TryGetValue(path, out var spec))
        {
            // Read says "missing" itself; whether the file exists is asked only when it was not read (a syscall each).
            var file = Files.Read(path, Options.MaxSpecBytes);
            if (file.Text is { } text)
            {
                FilesRead.Add(path);
            }
            else if (Files.FileExists(path) == true && file.Problem is { } problem)
            {
                readProblems[path] = problem;
            }

            spec = file.Text is null ? null : SpecParser.Parse(path, file.Text);
            specs[path] = spec;
        }

        return spec;
    }

    /// <summary>A path relative to the repository root with forward slashes, for comparing with plan fields.</summary>
    public string RepositoryRelative(string fullPath)
    {
        var root = System.IO.Path.GetFullPath(Options.RepositoryRoot).TrimEnd('/', '\\') + System.IO.Path.DirectorySeparatorChar;
        var full = System.IO.Path.GetFullPath(fullPath);
        var relative = full.StartsWith(root, StringComparison.OrdinalIgnoreCase) ? full.Substring(root.Length) : full;
        return relative.Replace('\\', '/');
    }

    public PlanDiagnostic Report(DiagnosticDescriptor rule, SourceSpan span, params object?[] args) =>
        PlanDiagnostic.Create(rule, Path, span, args);

    /// <summary>Where to report something that has no place of its own: the title, else line 1.</summary>
    public SourceSpan TopSpan => Plan.Title?.Span ?? SourceSpan.FileStart;
}

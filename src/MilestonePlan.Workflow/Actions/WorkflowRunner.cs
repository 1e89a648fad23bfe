using MilestonePlan.Core.Editing;
using MilestonePlan.Core.IO;
using MilestonePlan.Core.Model;
using MilestonePlan.Core.Parsing;
using MilestonePlan.Core.Selection;
using MilestonePlan.Core.Validation;
using MilestonePlan.Core.Workflow;
using MilestonePlan.Workflow.Editing;
using MilestonePlan.Workflow.Git;
using MilestonePlan.Workflow.GitHub;
using MilestonePlan.Workflow.Processes;
using MilestonePlan.Workflow.StopConditions;

namespace MilestonePlan.Workflow.Actions;

/// <summary>
/// The workflow targets' steps. Decisions come from the pure Core (selector, updater, classifier); this class
/// only sequences git, gh and plan writes, checks preconditions before changing anything, and in a dry run
/// prints each change instead of making it. Errors are <see cref="WorkflowException"/> (MP9001/MP9002).
/// </summary>
public sealed partial class WorkflowRunner
{
    private readonly WorkflowOptions options;
    private readonly IProcessRunner runner;
    private readonly Action<string> say;
    private readonly GitClient git;
    private readonly GhClient gh;

    public WorkflowRunner(WorkflowOptions options, IProcessRunner runner, Action<string> say)
    {
        this.options = options;
        this.runner = runner;
        // Everything printed passes the secret scanner: check output, git and gh messages, spec text.
        this.say = line => say(Publishing.PublishedText.Log(line));
        git = new GitClient(runner, options.RepositoryRoot, options.Timeout, options.DryRun ? say : null);
        gh = new GhClient(runner, options.RepositoryRoot, options.Timeout);
    }

    /// <summary>The targets that change something, and so take the repository's workflow lock (not in a dry run).</summary>
    public static readonly IReadOnlyList<string> ChangingActions =
        ["RunNextIssue", "SubmitIssue", "ReconcileMilestone", "MilestoneStatus", "NewMilestonePlan", "PushIssues", "CompleteMilestone", "FixMilestonePlans"];

    /// <summary>
    /// Runs one target by name. A target that changes something holds the repository's workflow lock while it runs,
    /// so a second run on the same repository refuses instead of racing this one.
    /// </summary>
    public object? Run(string action)
    {
        using var exclusive = !options.DryRun && ChangingActions.Contains(action) && GitDirectory() is { } gitDirectory
            ? WorkflowLock.Acquire(gitDirectory, action)
            : null;
        return action switch
        {
            "NextIssue" => NextIssue(),
            "RunNextIssue" => RunNextIssue(),
            "SubmitIssue" => SubmitIssue(),
            "ReconcileMilestone" => ReconcileMilestone(),
            "MilestoneStatus" => MilestoneStatus(),
            "NewMilestonePlan" => NewMilestonePlan(),
            "PushIssues" => PushIssues(),
            "CompleteMilestone" => CompleteMilestone(),
            "FixMilestonePlans" => FixMilestonePlans(),
            _ => throw WorkflowException.Tool($"unknown workflow action '{action}'"),
        };
    }

    /// <summary>The git directory of the repository, or null outside a git work tree (nothing to lock then: no git step can run).</summary>
    private string? GitDirectory()
    {
        var result = git.TryRun("rev-parse", "--absolute-git-dir");
        return result.Succeeded && result.StandardOutput.Trim() is { Length: > 0 } directory && Directory.Exists(directory) ? directory : null;
    }

    private PlanDocument ChoosePlan()
    {
        var validation = Validate();
        var choice = MilestoneChoice.Choose(validation.Plans, options.Milestone);
        // A plan refused for where it is (a symbolic link, outside the repository) says so, rather than "no plan".
        if (choice.Plan is null && validation.Diagnostics.FirstOrDefault(d => d.Id == Core.Diagnostics.Rules.MP2006.Id
            && string.Equals(Path.GetFileName(d.FilePath), PlanDiscovery.PlanFileName, StringComparison.OrdinalIgnoreCase)) is { } refused)
        {
            throw new WorkflowException(Core.Diagnostics.Rules.MP2006, refused.Message, refused.FilePath, refused.Span);
        }

        return choice.Plan ?? throw WorkflowException.Tool(choice.Error!);
    }

    private ValidationResult Validate() => RepositoryValidator.Validate(DiskFileSystem.Instance,
        new ValidationOptions { RepositoryRoot = options.RepositoryRoot, DocsRoot = options.DocsRoot, MaxPlanBytes = options.MaxPlanBytes, MaxSpecBytes = options.MaxSpecBytes });

    private void RequireGit()
    {
        var version = runner.Run("git", ["--version"], options.RepositoryRoot, options.Timeout);
        if (!version.Succeeded)
        {
            throw WorkflowException.Tool(version.NotFound ? "git was not found on PATH" : version.Describe());
        }

        if (!git.IsInsideWorkTree())
        {
            throw WorkflowException.Tool($"{options.RepositoryRoot} is not inside a git work tree");
        }
    }

    private void EnsureCleanRepository()
    {
        RequireGit();
        if (git.CurrentBranch() is null)
        {
            throw WorkflowException.Tool("HEAD is detached; check out a branch first (nothing was changed)");
        }

        var changes = git.Changes();
        if (changes.Count > 0)
        {
            throw WorkflowException.Tool("the work tree has uncommitted changes; commit or stash them first (nothing was changed):\n  "
                + string.Join("\n  ", changes.Take(10)));
        }

        if (!git.HasRemote("origin"))
        {
            throw WorkflowException.Tool("the repository has no 'origin' remote (nothing was changed)");
        }
    }

    /// <summary>Runs each check (one command per line, split on spaces, no shell); the first failure is the reason.</summary>
    private string? RunChecks()
    {
        foreach (var command in options.CheckCommand.Split(['\n'], StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = command.Trim().Split([' '], StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length == 0 || parts[0] is "none" or "false")
            {
                continue;
            }

            if (options.DryRun)
            {
                say("would run: " + CommandLine.Display(parts[0], parts.Skip(1)));
                continue;
            }

            say("Running checks: " + CommandLine.Display(parts[0], parts.Skip(1)));
            var result = runner.Run(parts[0], parts.Skip(1).ToList(), options.RepositoryRoot, TimeSpan.FromMinutes(30));
            if (!result.Succeeded)
            {
                return result.Describe().Split('\n')[0];
            }
        }

        return null;
    }

    private void Save(PlanFile file, PlanTransition transition)
    {
        if (!transition.HasChanges)
        {
            return;
        }

        foreach (var change in transition.Changes)
        {
            say((options.DryRun ? "would edit " : "edit ") + $"{Relative(file.Path)} {change}");
        }

        if (!options.DryRun)
        {
            file.Write(transition.After);
        }
    }

    private bool IsProtected(BranchName branch) => options.StopPolicy.ProtectedBranches.Contains(branch.Value, StringComparer.OrdinalIgnoreCase);

    /// <summary>The base branch, or the plan's MP4003 at the Milestone Branch cell: an unusable name never becomes `main`.</summary>
    private static BranchName RequireBase(PlanDocument plan) =>
        BranchNames.Base(plan) is { Name: { } name } ? name : throw Unusable(plan, BranchNames.Base(plan), Core.Diagnostics.Rules.MP4003);

    /// <summary>The issue's feature branch, or the plan's MP4001 at its Feature Branch cell.</summary>
    private static BranchName RequireFeature(PlanDocument plan, IssueRow row) =>
        BranchNames.Feature(plan, row) is { Name: { } name } ? name : throw Unusable(plan, BranchNames.Feature(plan, row), Core.Diagnostics.Rules.MP4001);

    /// <summary>
    /// Every branch the plan names is usable, or the target stops before running anything: a target that matches the
    /// checked-out branch against the rows must not skip a row whose name it could not read.
    /// </summary>
    private BranchName RequireBranches(PlanDocument plan)
    {
        var baseBranch = RequireBase(plan);
        foreach (var row in plan.Issues)
        {
            RequireFeature(plan, row);
            if (row.FileName is { } name && SpecLocation(plan, row) is { Problem: { } problem })
            {
                throw new WorkflowException(Core.Diagnostics.Rules.MP2006, $"{row.Number}: Issue File '{name}' {problem}; nothing was read or run",
                    plan.Path, row.File?.Span);
            }
        }

        RequireInside(plan.Path);
        return baseBranch;
    }

    /// <summary>Where a row's Issue File resolves, or why not: the same answer the build's MP2006 gives.</summary>
    private PathResolution SpecLocation(PlanDocument plan, IssueRow row) =>
        row.FileName is { } name
            ? RepositoryPath.ResolveOnDisk(DiskFileSystem.Instance, options.RepositoryRoot, plan.FolderPath, name)
            : new PathResolution(null, "is empty");

    /// <summary>A path the workflow reads or writes is inside the repository and reached through no symbolic link (MP2006).</summary>
    private string RequireInside(string fullPath) =>
        RepositoryPath.Check(DiskFileSystem.Instance, options.RepositoryRoot, fullPath) is { } problem
            ? throw new WorkflowException(Core.Diagnostics.Rules.MP2006, $"{Relative(fullPath)} {problem}; nothing was read or written", fullPath)
            : fullPath;

    private static WorkflowException Unusable(PlanDocument plan, BranchChoice choice, Core.Diagnostics.DiagnosticDescriptor rule) =>
        new(rule, choice.Problem + "; nothing was run (fix the plan, or empty the cell for the default)", plan.Path, choice.Cell?.Span);

    private string? SpecPath(PlanDocument plan, IssueRow row) => SpecLocation(plan, row).FullPath;

    /// <summary>The row's spec, read as the build reads it (regular file, size cap); null when missing or not readable.</summary>
    private IssueSpec? SpecFor(PlanDocument plan, IssueRow row) =>
        SpecPath(plan, row) is { } path && DiskFileSystem.Instance.Read(path, options.MaxSpecBytes) is { Text: { } text }
            ? SpecParser.Parse(path, text)
            : null;

    /// <summary>The plan's text read again, with the GitHub numbers its specs gave (the text alone does not hold them).</summary>
    private static PlanDocument Reread(PlanDocument plan, string text)
    {
        var numbers = plan.SpecGitHubNumbers();
        return PlanParser.Parse(plan.Path, text).WithSpecGitHubNumbers(r => numbers.TryGetValue(r.Number.Value, out var n) ? n : null);
    }

    private string Relative(string path)
    {
        var root = Path.GetFullPath(options.RepositoryRoot).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        return path.StartsWith(root, StringComparison.Ordinal) ? path.Substring(root.Length).Replace('\\', '/') : path;
    }
}

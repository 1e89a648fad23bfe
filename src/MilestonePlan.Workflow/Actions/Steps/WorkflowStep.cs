using MilestonePlan.Core.Analysis;
using MilestonePlan.Core.Configuration;
using MilestonePlan.Core.IO;
using MilestonePlan.Core.Model;
using MilestonePlan.Core.Parsing;
using MilestonePlan.Core.Planning;
using MilestonePlan.Core.Selection;
using MilestonePlan.Core.Validation;
using MilestonePlan.Workflow.Editing;
using MilestonePlan.Workflow.Git;
using MilestonePlan.Workflow.GitHub;
using MilestonePlan.Workflow.Processes;
using MilestonePlan.Workflow.Services;
using MilestonePlan.Workflow.Settings;

namespace MilestonePlan.Workflow.Actions.Steps;

/// <summary>
/// The services and the checks every target needs (the plan chosen and validated, branches and paths refused before
/// anything runs, the work tree checked, plan writes, checks run). A target is a small step class on top of it:
/// decisions come from the pure Core (selector, updater, classifier); a step only sequences git, gh and plan writes,
/// checks preconditions before changing anything, and in a dry run prints each change instead of making it.
/// </summary>
internal abstract class WorkflowStep(WorkflowServices services)
{
    protected WorkflowServices Services { get; } = services;

    protected WorkflowContext Options => Services.Options;

    protected IProcessRunner Runner => Services.Runner;

    protected Action<string> Say => Services.Say;

    protected IGit Git => Services.Git;

    protected IGitHub Gh => Services.Gh;

    /// <summary>The plan of <paramref name="milestone"/> (else of -p:Milestone, else the one open milestone), validated.</summary>
    protected PlanDocument ChoosePlan(string? milestone = null)
    {
        var validation = Validate();
        var choice = MilestoneChoice.Choose(validation.Plans, milestone ?? Options.Milestone?.ToString());
        // A plan refused for where it is (a symbolic link, outside the repository) says so, rather than "no plan".
        if (choice.Plan is null && validation.Diagnostics.FirstOrDefault(d => d.Id == Core.Diagnostics.Rules.MP2006.Id
            && string.Equals(Path.GetFileName(d.FilePath), PlanDiscovery.PlanFileName, StringComparison.OrdinalIgnoreCase)) is { } refused)
        {
            throw new WorkflowException(Core.Diagnostics.Rules.MP2006, refused.Message, refused.FilePath, refused.Span);
        }

        return choice.Plan ?? throw WorkflowException.Tool(choice.Error!);
    }

    protected ValidationResult Validate() => RepositoryValidator.ValidateAndKeepPlans(DiskFileSystem.Instance, Options.Validation);

    protected void RequireGit()
    {
        var version = Runner.Run("git", ["--version"], Options.RepositoryRoot, Options.Timeout);
        if (!version.Succeeded)
        {
            throw WorkflowException.Tool(version.NotFound ? "git was not found on PATH" : version.Describe());
        }

        if (!Git.IsInsideWorkTree())
        {
            throw WorkflowException.Tool($"{Options.RepositoryRoot} is not inside a git work tree");
        }
    }

    protected void EnsureCleanRepository()
    {
        RequireGit();
        if (Git.CurrentBranch() is null)
        {
            throw WorkflowException.Tool("HEAD is detached; check out a branch first (nothing was changed)");
        }

        var changes = Git.Changes();
        if (changes.Count > 0)
        {
            throw WorkflowException.Tool("the work tree has uncommitted changes; commit or stash them first (nothing was changed):\n  "
                + string.Join("\n  ", changes.Take(10)));
        }

        if (!Git.HasRemote("origin"))
        {
            throw WorkflowException.Tool("the repository has no 'origin' remote (nothing was changed)");
        }
    }

    /// <summary>The edit, through the run's plan store (written, or in a dry run shown): the step does not know which.</summary>
    protected void Save(PlanFile file, PlanTransition transition) => Services.Plans.Save(file, transition);

    protected bool IsProtected(BranchName branch) => Options.StopPolicy.ProtectedBranches.Contains(branch.Value, StringComparer.OrdinalIgnoreCase);

    /// <summary>The base branch, or the plan's MP4003 at the Milestone Branch cell: an unusable name never becomes `main`.</summary>
    protected static BranchName RequireBase(PlanDocument plan) =>
        BranchNames.Base(plan) is { Name: { } name } ? name : throw Unusable(plan, BranchNames.Base(plan), Core.Diagnostics.Rules.MP4003);

    /// <summary>The issue's feature branch, or the plan's MP4001 at its Feature Branch cell.</summary>
    protected static BranchName RequireFeature(PlanDocument plan, IssueRow row) =>
        BranchNames.Feature(plan, row) is { Name: { } name } ? name : throw Unusable(plan, BranchNames.Feature(plan, row), Core.Diagnostics.Rules.MP4001);

    /// <summary>
    /// Every branch the plan names is usable, or the target stops before running anything: a target that matches the
    /// checked-out branch against the rows must not skip a row whose name it could not read.
    /// </summary>
    protected BranchName RequireBranches(PlanDocument plan)
    {
        var baseBranch = RequireBase(plan);
        foreach (var row in plan.Issues)
        {
            RequireFeature(plan, row);
            if (row.FileName is { } name && SpecLocation(plan, row) is { Problem: { } problem })
            {
                throw new WorkflowException(Core.Diagnostics.Rules.MP2006, $"{row.Number}: Issue File " + Core.Diagnostics.Rules.MP2006.Format(name, problem) + "; nothing was run",
                    plan.Path, row.File?.Span);
            }
        }

        RequireInside(plan.Path);
        return baseBranch;
    }

    /// <summary>Where a row's Issue File resolves, or why not: the same answer the build's MP2006 gives.</summary>
    protected PathResolution SpecLocation(PlanDocument plan, IssueRow row) =>
        SpecLocator.Locate(DiskFileSystem.Instance, Options.RepositoryRoot, plan, row);

    /// <summary>A path the workflow reads or writes is inside the repository and reached through no symbolic link (MP2006).</summary>
    protected string RequireInside(string fullPath) =>
        RepositoryPath.Check(DiskFileSystem.Instance, Options.RepositoryRoot, fullPath) is { } problem
            ? throw new WorkflowException(Core.Diagnostics.Rules.MP2006, Core.Diagnostics.Rules.MP2006.Format(Relative(fullPath), problem), fullPath)
            : fullPath;

    protected static WorkflowException Unusable(PlanDocument plan, BranchChoice choice, Core.Diagnostics.DiagnosticDescriptor rule) =>
        new(rule, choice.Problem + "; nothing was run (fix the plan, or empty the cell for the default)", plan.Path, choice.Cell?.Span);

    private bool fetched;

    /// <summary>One `git fetch` until the next record: RunNextIssue syncs the base and then records on the tracking branch with one fetch.</summary>
    protected void FetchOnce()
    {
        if (!fetched)
        {
            Git.Fetch();
            fetched = true;
        }
    }

    /// <summary>The base branch exists locally: from origin's, else created from main and pushed (the template's bootstrap).</summary>
    protected void EnsureBaseBranch(BranchName baseBranch)
    {
        if (!Git.LocalBranchExists(baseBranch))
        {
            if (Git.RemoteBranchExists(baseBranch))
            {
                Git.CreateBranch(baseBranch, GitClient.RemoteTracking(baseBranch));
            }
            else
            {
                if (IsProtected(baseBranch))
                {
                    throw WorkflowException.Tool($"the base branch '{baseBranch}' does not exist locally or on origin");
                }

                var main = BranchNames.DefaultBase;
                var start = Git.RemoteBranchExists(main) ? GitClient.RemoteTracking(main) : Git.LocalBranchExists(main) ? main.FullRef
                    : throw WorkflowException.Tool($"cannot create '{baseBranch}': there is no 'main' branch to start it from");
                Say($"Creating base branch {baseBranch} from {(start.StartsWith("refs/remotes/", StringComparison.Ordinal) ? "origin/" + main : main.Value)} and pushing it");
                Git.CreateBranch(baseBranch, start);
                Git.Push(baseBranch);
            }
        }
    }

    /// <summary>
    /// Runs <paramref name="edit"/> on the milestone's tracking branch (checked out, up to date), then commits what it
    /// wrote under the docs root there, pushes it and keeps the one tracking PR open (<see cref="Tracking.TrackingBranch"/>).
    /// The edit chooses the plan again: on that branch the plan holds the milestone's tracked state. Afterwards the
    /// branch the target started on is checked out again (when it had one), so the work tree ends clean and named.
    /// </summary>
    protected T OnTracking<T>(PlanDocument plan, BranchName baseBranch, string summary, Func<PlanDocument, T> edit, bool openPullRequest = true)
    {
        var milestone = plan.Milestone ?? throw WorkflowException.Tool($"{Relative(plan.Path)} names no milestone, so its tracking branch has no name");
        // An interrupted run may have left its own edits on the tracking branch: they are committed now, so a rerun
        // converges. Anything else uncommitted stops the target before it changes anything.
        var docs = Options.DocsRoot.Replace('\\', '/').TrimEnd('/') + "/";
        if (!Options.DryRun && !(Git.CurrentBranch() == Tracking.TrackingBranch.For(milestone).Value
            && Git.Changes().All(c => c.Length > 3 && c.Substring(3).StartsWith(docs, StringComparison.Ordinal))))
        {
            EnsureCleanRepository();
        }

        var started = Git.CurrentBranch() is { } name ? BranchName.TryCreate(name) : null;
        if (!Options.DryRun)
        {
            FetchOnce();
            EnsureBaseBranch(baseBranch);
        }

        var tracking = new Tracking.TrackingBranch(Services);
        var branch = tracking.CheckOut(milestone, baseBranch);
        var result = edit(Options.DryRun ? plan : ChoosePlan(milestone.ToString()));
        tracking.Publish(milestone, baseBranch, summary, openPullRequest);
        fetched = false; // a later record of the same step (RunMilestone's) asks origin again
        if (started is not null && !started.Equals(branch))
        {
            Git.Checkout(started);
        }

        return result;
    }

    protected string? SpecPath(PlanDocument plan, IssueRow row) => SpecLocation(plan, row).FullPath;

    /// <summary>An item about one issue: the same names for every target (docs/targets.md), plus the target's own.</summary>
    protected void Report(PlanDocument plan, IssueRow row, string kind, params (string Name, string? Value)[] extra) =>
        Services.Items.Add(TargetItem.Of(row.Number.ToString(), [
            ("Kind", kind), ("Milestone", plan.Milestone?.ToString()), ("Issue", row.Number.ToString()),
            ("GitHubIssue", row.GitHubNumber?.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("Title", row.TitleText),
            ("Branch", BranchNames.FeatureBranch(plan, row)), ("Base", BranchNames.BaseBranch(plan)),
            ("Spec", SpecPath(plan, row) is { } spec ? Relative(spec) : null), .. extra]));

    /// <summary>The row's spec, read as the build reads it (regular file, size cap); null when missing or not readable.</summary>
    protected IssueSpec? SpecFor(PlanDocument plan, IssueRow row) =>
        SpecPath(plan, row) is { } path && DiskFileSystem.Instance.Read(path, Options.MaxSpecBytes) is { Text: { } text }
            ? SpecParser.Parse(path, text)
            : null;

    /// <summary>The plan's text read again, with the GitHub numbers its specs gave (the text alone does not hold them).</summary>
    protected static PlanDocument Reread(PlanDocument plan, string text)
    {
        var numbers = plan.SpecGitHubNumbers();
        return PlanParser.Parse(plan.Path, text).WithSpecGitHubNumbers(r => numbers.TryGetValue(r.Number.Value, out var n) ? n : null);
    }

    protected string Relative(string path) => Options.Relative(path);
}

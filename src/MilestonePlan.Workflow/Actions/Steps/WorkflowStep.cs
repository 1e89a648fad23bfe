using MilestonePlan.Core.IO;
using MilestonePlan.Core.Model;
using MilestonePlan.Core.Planning;
using MilestonePlan.Core.Validation;
using MilestonePlan.Workflow.Editing;
using MilestonePlan.Workflow.Git;
using MilestonePlan.Workflow.GitHub;
using MilestonePlan.Workflow.Processes;
using MilestonePlan.Workflow.Services;
using MilestonePlan.Workflow.Settings;

namespace MilestonePlan.Workflow.Actions.Steps;

/// <summary>
/// The collaborators of the longer steps (SubmitIssue, RunNextIssue, RunMilestone), under the helper names they call:
/// each helper is one line onto the collaborator that owns it (<see cref="PlanChoice"/>, <see cref="BranchGuard"/>,
/// <see cref="RepositoryGuard"/>, <see cref="TrackingRecorder"/>, <see cref="IssueReport"/>), so those steps read as
/// they did while the logic lives in small classes. The other steps take their collaborators through their constructor
/// and inherit nothing. All of it is made from one run's services: a second work tree is a second set.
/// </summary>
internal abstract class WorkflowStep
{
    private readonly PlanChoice plans;
    private readonly BranchGuard branches;
    private readonly RepositoryGuard repository;
    private readonly TrackingRecorder tracking;
    private readonly IssueReport report;

    protected WorkflowStep(WorkflowServices services)
    {
        Services = services;
        (plans, branches, repository, tracking, report) = StepParts.Of(services);
    }

    protected WorkflowServices Services { get; }

    protected WorkflowContext Options => Services.Options;

    protected IProcessRunner Runner => Services.Runner;

    protected Action<string> Say => Services.Say;

    protected IGit Git => Services.Git;

    protected IGitHub Gh => Services.Gh;

    protected PlanDocument ChoosePlan(string? milestone = null) => plans.Choose(milestone);

    protected ValidationResult Validate() => plans.Validate();

    protected void RequireGit() => repository.RequireGit();

    protected void EnsureCleanRepository() => repository.EnsureCleanRepository();

    /// <summary>The edit, through the run's plan store (written, or in a dry run shown): the step does not know which.</summary>
    protected void Save(PlanFile file, PlanTransition transition) => Services.Plans.Save(file, transition);

    protected bool IsProtected(BranchName branch) => branches.IsProtected(branch);

    protected static BranchName RequireBase(PlanDocument plan) => BranchGuard.RequireBase(plan);

    protected static BranchName RequireFeature(PlanDocument plan, IssueRow row) => BranchGuard.RequireFeature(plan, row);

    protected BranchName RequireBranches(PlanDocument plan) => branches.RequireBranches(plan);

    protected PathResolution SpecLocation(PlanDocument plan, IssueRow row) => branches.SpecLocation(plan, row);

    protected string RequireInside(string fullPath) => branches.RequireInside(fullPath);

    protected void FetchOnce() => tracking.FetchOnce();

    protected void EnsureBaseBranch(BranchName baseBranch) => tracking.EnsureBaseBranch(baseBranch);

    protected T OnTracking<T>(PlanDocument plan, BranchName baseBranch, string summary, Func<PlanDocument, T> edit, bool openPullRequest = true) =>
        tracking.OnTracking(plan, baseBranch, summary, edit, openPullRequest);

    protected string? SpecPath(PlanDocument plan, IssueRow row) => branches.SpecPath(plan, row);

    protected void Report(PlanDocument plan, IssueRow row, string kind, params (string Name, string? Value)[] extra) => report.Report(plan, row, kind, extra);

    protected IssueSpec? SpecFor(PlanDocument plan, IssueRow row) => report.SpecFor(plan, row);

    protected static PlanDocument Reread(PlanDocument plan, string text) => PlanChoice.Reread(plan, text);

    protected string Relative(string path) => Options.Relative(path);
}

using MilestonePlan.Workflow.Services;

namespace MilestonePlan.Workflow.Actions.Steps;

/// <summary>
/// The collaborators one step run is composed of, made from one run's services (a second work tree: a second set of
/// services, so a second set of these). A step takes from it only the parts it uses, through its constructor; the
/// recorder is new per step run because it remembers its fetch.
/// </summary>
internal sealed record StepParts(PlanChoice Plans, BranchGuard Branches, RepositoryGuard Repository, TrackingRecorder Tracking, IssueReport Report)
{
    public static StepParts Of(WorkflowServices services)
    {
        var plans = new PlanChoice(services.Options);
        var branches = new BranchGuard(services.Options);
        var repository = new RepositoryGuard(services.Options, services.Runner, services.Git);
        return new StepParts(plans, branches, repository, new TrackingRecorder(services, plans, repository, branches),
            new IssueReport(services.Options, services.Items, branches));
    }
}

using MilestonePlan.Core.Model;
using MilestonePlan.Core.Planning;
using MilestonePlan.Core.Selection;
using MilestonePlan.Workflow.Actions.Steps;
using MilestonePlan.Workflow.Editing;
using MilestonePlan.Workflow.Git;
using MilestonePlan.Workflow.GitHub;
using MilestonePlan.Workflow.Processes;
using MilestonePlan.Workflow.Publishing;
using MilestonePlan.Workflow.Settings;
using MilestonePlan.Workflow.StopConditions;
using MilestonePlan.Workflow.Services;

namespace MilestonePlan.Workflow.Actions;

/// <summary>
/// The workflow targets, one step class each (Actions/Steps), behind one entry point for the MSBuild task and the
/// tests. Errors are <see cref="WorkflowException"/> (MP9001/MP9002, or the plan's own rule for an unusable cell).
/// </summary>
internal sealed class WorkflowRunner
{
    private readonly WorkflowServices services;

    public WorkflowRunner(WorkflowContext options, IProcessRunner runner, Action<string> say)
    {
        // Everything printed passes the secret scanner: check output, git and gh messages, spec text.
        // One line at a time: RunMilestone's parallel agents print from their own threads.
        var printing = new object();
        Action<string> redacted = line =>
        {
            var text = PublishedText.Log(line);
            lock (printing)
            {
                say(text);
            }
        };
        var git = new GitClient(runner, options.RepositoryRoot, options.Timeout, options.Cancellation);
        var gh = new GhClient(runner, options.RepositoryRoot, options.Timeout, options.Cancellation);
        // The one place a dry run is chosen for what the steps change (git, GitHub, plan edits, checks): each service's
        // dry-run form asks what the real one asks and prints each change instead of making it; the steps use them
        // either way. (What a dry run does differently in logic, RunMilestone's preview, is chosen in RunMilestone().)
        services = options.DryRun
            ? new WorkflowServices(options, runner, redacted, new DryRunGit(git, redacted), new DryRunGitHub(gh, redacted),
                PlanStore.DryRun(redacted, options.Relative), CheckRunner.DryRun(options, redacted))
            : new WorkflowServices(options, runner, redacted, git, gh,
                PlanStore.Writing(redacted, options.Relative), CheckRunner.Running(options, runner, redacted));
    }

    /// <summary>The targets that change something, and so take the repository's workflow lock (not in a dry run).</summary>
    public static readonly IReadOnlyList<string> ChangingActions =
        ["RunMilestone", "RunNextIssue", "SubmitIssue", "ReconcileMilestone", "MilestoneStatus", "NewMilestonePlan", "PushIssues", "CompleteMilestone", "FixMilestonePlans"];

    /// <summary>
    /// Runs one target by name. A target that changes something holds the repository's workflow lock while it runs,
    /// so a second run on the same repository refuses instead of racing this one.
    /// </summary>
    public object? Run(string action)
    {
        using var exclusive = !services.Options.DryRun && ChangingActions.Contains(action) && GitDirectory() is { } gitDirectory
            ? WorkflowLock.Acquire(gitDirectory, action)
            : null;
        return action switch
        {
            "NextIssue" => NextIssue(),
            "RunMilestone" => RunMilestone(),
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


    /// <summary>The items the last target returns (docs/targets.md).</summary>
    public IReadOnlyList<TargetItem> Items => services.Items.All;

    /// <summary>MP5007 findings of the last <see cref="ReconcileMilestone"/>: where the tracking disagrees with git.</summary>
    public IReadOnlyList<Core.Diagnostics.PlanDiagnostic> Drift { get; private set; } = [];

    public NextIssueDecision NextIssue() => Refusals.AsWorkflowErrors(() => new NextIssueStep(services).Run());

    public IssueRow? RunNextIssue() => Refusals.AsWorkflowErrors(() => new RunNextIssueStep(services).Run());

    public IReadOnlyList<Agent.IssueOutcome> RunMilestone()
    {
        RequirePrograms(checks: true, agent: true);
        // A dry run of the loop is a preview (the next issue, the agent command), not the loop on dry-run services.
        return services.Options.DryRun
            ? Refusals.AsWorkflowErrors(() => new RunMilestonePreviewStep(services).Run())
            : Refusals.AsWorkflowErrors(() => new RunMilestoneStep(services).Run());
    }

    public IReadOnlyList<StopFinding> SubmitIssue()
    {
        RequirePrograms(checks: true, agent: false);
        return Refusals.AsWorkflowErrors(() => new SubmitIssueStep(services).Run());
    }

    /// <summary>The programs the target will start (checks, agent) exist, before it changes anything; a dry run, which starts none, only says so.</summary>
    private void RequirePrograms(bool checks, bool agent)
    {
        foreach (var problem in RequiredPrograms.Missing(services.Options, checks, agent, Environment.GetEnvironmentVariable("PATH")))
        {
            if (!services.Options.DryRun)
            {
                throw WorkflowException.Tool(problem + "; nothing was run");
            }

            services.Say("warning: " + problem);
        }
    }

    public PlanTransition ReconcileMilestone()
    {
        var step = new ReconcileMilestoneStep(services);
        var transition = Refusals.AsWorkflowErrors(step.Run);
        Drift = step.Drift;
        return transition;
    }

    public string CompleteMilestone() => Refusals.AsWorkflowErrors(() => new CompleteMilestoneStep(services).Run());

    public IReadOnlyList<(IssueRow Row, int Number)> PushIssues() => Refusals.AsWorkflowErrors(() => new PushIssuesStep(services).Run());

    public string NewMilestonePlan() => Refusals.AsWorkflowErrors(() => new NewMilestonePlanStep(services).Run());

    public int FixMilestonePlans() => Refusals.AsWorkflowErrors(() => new FixMilestonePlansStep(services).Run());

    public IReadOnlyList<MilestoneSummary> MilestoneStatus() => Refusals.AsWorkflowErrors(() => new MilestoneStatusStep(services).Run());

    /// <summary>The git directory of the repository, or null outside a git work tree (nothing to lock then: no git step can run).</summary>
    private string? GitDirectory() => services.Git.GitDirectory();
}

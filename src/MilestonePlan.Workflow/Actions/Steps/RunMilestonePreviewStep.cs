using MilestonePlan.Core.Selection;
using MilestonePlan.Workflow.Agent;
using MilestonePlan.Workflow.Services;

namespace MilestonePlan.Workflow.Actions.Steps;

/// <summary>
/// RunMilestone's dry run. Unlike the other targets, whose dry run is the same step on dry-run services, it differs in
/// logic: the loop cannot be previewed (the next round depends on what the agent and GitHub did), so it names the next
/// issue and the agent command line with its values in place, and runs nothing. <c>WorkflowRunner.RunMilestone</c>
/// chooses it instead of <see cref="RunMilestoneStep"/>: the one place this mode is decided.
/// </summary>
internal sealed class RunMilestonePreviewStep(Settings.WorkflowContext options, Action<string> say, PlanChoice plans, BranchGuard branches)
{
    public RunMilestonePreviewStep(WorkflowServices services)
        : this(services.Options, services.Say, new PlanChoice(services.Options), new BranchGuard(services.Options))
    {
    }

    public IReadOnlyList<IssueOutcome> Run()
    {
        if (options.Agent is not { } agent)
        {
            throw WorkflowException.Tool("RunMilestone needs the coding agent: -p:MilestonePlanAgentCommand=\"my-agent --issue {issue} --spec {spec}\"");
        }

        var plan = plans.Choose();
        var baseBranch = branches.RequireBranches(plan);
        var decision = NextIssueSelector.Select(plan);
        if (decision.Next is not { } row)
        {
            say($"RunMilestone dry run: no issue of {plan.Milestone} is eligible; nothing would run");
            return [];
        }

        var branch = BranchGuard.RequireFeature(plan, row);
        var command = AgentCommand.With(agent, AgentRunner.Values(plan, row, baseBranch, branch,
            options.Relative(branches.SpecPath(plan, row) ?? plan.Path), options.Relative(plan.Path)));
        say($"RunMilestone dry run: next {row.Number} {row.TitleText} on {branch} (base {baseBranch})");
        say("would run the agent: " + Processes.CommandLine.Display(command.Program, command.Arguments));
        say("then: commit its changes, the checks, stop conditions, push, PR with auto-merge, wait for the merge; and on to the next issue");
        return [new IssueOutcome(row.Number.ToString(), row.TitleText, branch.Value, IssueOutcomeState.Waiting, "dry run")];
    }
}

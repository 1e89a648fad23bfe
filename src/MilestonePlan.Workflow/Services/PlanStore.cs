using MilestonePlan.Core.Planning;
using MilestonePlan.Workflow.Editing;

namespace MilestonePlan.Workflow.Services;

/// <summary>
/// The run's plan store: each change is said, then made (<see cref="Writing"/>: atomic, refused when the file changed
/// since it was read, <see cref="PlanFile.Write"/>) or, in a dry run, shown as a diff with line numbers and not made
/// (<see cref="DryRun"/>). Which one is chosen once, where the run's services are composed.
/// </summary>
internal sealed class PlanStore : IPlanStore
{
    private readonly Action<string> say;
    private readonly Func<string, string> relative;
    private readonly string verb;
    private readonly Action<PlanFile, string> apply;

    private PlanStore(Action<string> say, Func<string, string> relative, string verb, Action<PlanFile, string> apply)
    {
        this.say = say;
        this.relative = relative;
        this.verb = verb;
        this.apply = apply;
    }

    public static PlanStore Writing(Action<string> say, Func<string, string> relative) =>
        new(say, relative, "edit", (file, text) => file.Write(text));

    public static PlanStore DryRun(Action<string> say, Func<string, string> relative) =>
        new(say, relative, "would edit", (file, text) => say(file.Preview(text).TrimEnd('\n')));

    public void Save(PlanFile file, PlanTransition transition)
    {
        if (!transition.HasChanges)
        {
            return;
        }

        foreach (var change in transition.Changes)
        {
            say($"{verb} {relative(file.Path)} {change}");
        }

        apply(file, transition.After);
    }
}

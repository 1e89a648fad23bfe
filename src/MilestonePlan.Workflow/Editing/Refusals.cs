using MilestonePlan.Core.Diagnostics;
using MilestonePlan.Core.Editing;

namespace MilestonePlan.Workflow.Editing;

/// <summary>
/// An edit Core refused (it could not be made surgically, or did not read back) is a plan write that did not happen:
/// MP9002 at the file and line it concerned, like every other write the workflow refuses.
/// </summary>
internal static class Refusals
{
    public static T AsWorkflowErrors<T>(Func<T> step)
    {
        try
        {
            return step();
        }
        catch (EditRefusedException e)
        {
            throw new WorkflowException(Rules.MP9002, Rules.MP9002.Format(e.Message), e.Path, e.Line > 0 ? SourceSpan.At(e.Line, 1) : null);
        }
    }
}

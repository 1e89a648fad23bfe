namespace MilestonePlan.Workflow.Git;

/// <summary>One entry of `git diff --raw`: a file's mode before and after (000000 when it did not exist).</summary>
internal sealed record GitFileMode(string Path, string OldMode, string NewMode)
{
    public const string SymbolicLink = "120000";
    public const string Submodule = "160000";

    public bool IsSymbolicLink => OldMode == SymbolicLink || NewMode == SymbolicLink;

    public bool IsSubmodule => OldMode == Submodule || NewMode == Submodule;

    /// <summary>The mode changed on a file that exists on both sides (e.g. made executable).</summary>
    public bool ModeChanged => OldMode != NewMode && OldMode != "000000" && NewMode != "000000";
}

namespace MilestonePlan.Core.Diagnostics;

/// <summary>
/// The other situations a rule reports, each with a message format of its own: same ID, title, category and
/// severity as the rule in <see cref="Rules"/>, different words. This is how Roslyn's analyzers give one ID
/// several messages; every format names the thing at fault through its arguments, never a whole prepared sentence.
/// A separate class so its fields are created after the catalog they copy.
/// </summary>
internal static class RuleMessages
{
    public static readonly DiagnosticDescriptor MP1001MissingPart = Rules.MP1001.WithMessage("The plan has no {0}");
    public static readonly DiagnosticDescriptor MP1001RowWithoutNumber = Rules.MP1001.WithMessage("Issue table row at line {0} has no issue number");
    public static readonly DiagnosticDescriptor MP1001UnreadableNumber = Rules.MP1001.WithMessage("Issue table row at line {0}: cannot read issue number '{1}'");

    public static readonly DiagnosticDescriptor MP1002Empty = Rules.MP1002.WithMessage("Overview field '{0}' is empty");
    public static readonly DiagnosticDescriptor MP1002Malformed = Rules.MP1002.WithMessage("{0} '{1}' is not {2}");

    public static readonly DiagnosticDescriptor MP1005Path = Rules.MP1005.WithMessage("Implementation Plan Path says '{0}' but the plan is at '{1}'");
    public static readonly DiagnosticDescriptor MP1005Folder = Rules.MP1005.WithMessage("Milestone Folder says '{0}' but the plan is in '{1}'");

    public static readonly DiagnosticDescriptor MP2004NoDoneDefinition = Rules.MP2004.WithMessage("Spec '{0}' of {1} has no done definition (a '## Done Definition' section)");
    public static readonly DiagnosticDescriptor MP2004NoCheckbox = Rules.MP2004.WithMessage("Acceptance Criteria of '{0}' has no checkbox item ('- [ ] ...')");
    public static readonly DiagnosticDescriptor MP2004Unreadable = Rules.MP2004.WithMessage("The spec cannot be read: {0}");

    public static readonly DiagnosticDescriptor MP2005NotMapping = Rules.MP2005.WithMessage("Front matter is not a set of 'key: value' lines");
    public static readonly DiagnosticDescriptor MP2005Unreadable = Rules.MP2005.WithMessage("Front matter cannot be read: {0}");

    public static readonly DiagnosticDescriptor MP5002NotInChecklist = Rules.MP5002.WithMessage("{0} ({1}) is in the issue table but not in the Completed Issues checklist");
    public static readonly DiagnosticDescriptor MP5002Title = Rules.MP5002.WithMessage("Completed Issues says '{0}' for {1} but the issue table says '{2}'");

    public static readonly DiagnosticDescriptor MP5003NotStarted = Rules.MP5003.WithMessage("Status is Not Started but {0} is {1}");
    public static readonly DiagnosticDescriptor MP5003Footer = Rules.MP5003.WithMessage("The closing Status '{0}' contradicts the Overview Status '{1}'");

    public static readonly DiagnosticDescriptor MP5004NamesNoIssue = Rules.MP5004.WithMessage("Current Issue '{0}' names no issue");
    public static readonly DiagnosticDescriptor MP5004Finished = Rules.MP5004.WithMessage("Current Issue {0} is {1}; {2}");
    public static readonly DiagnosticDescriptor MP5004UnknownPhase = Rules.MP5004.WithMessage("Current Phase '{0}' is not a phase of this plan");
    public static readonly DiagnosticDescriptor MP5004OtherPhase = Rules.MP5004.WithMessage("Current Issue {0} is in {1}, not in {2}");

    public static readonly DiagnosticDescriptor MP5007BranchNotOnOrigin = Rules.MP5007.WithMessage("{0} has an open PR but its branch {1} is not on origin");

    /// <summary>Every variant, for the catalog test and for front ends that list formats.</summary>
    public static IReadOnlyList<DiagnosticDescriptor> All { get; } =
    [
        MP1001MissingPart, MP1001RowWithoutNumber, MP1001UnreadableNumber,
        MP1002Empty, MP1002Malformed,
        MP1005Path, MP1005Folder,
        MP2004NoDoneDefinition, MP2004NoCheckbox, MP2004Unreadable,
        MP2005NotMapping, MP2005Unreadable,
        MP5002NotInChecklist, MP5002Title,
        MP5003NotStarted, MP5003Footer,
        MP5004NamesNoIssue, MP5004Finished, MP5004UnknownPhase, MP5004OtherPhase,
        MP5007BranchNotOnOrigin,
    ];
}

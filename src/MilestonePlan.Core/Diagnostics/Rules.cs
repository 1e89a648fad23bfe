namespace MilestonePlan.Core.Diagnostics;

/// <summary>
/// The diagnostic catalog. IDs are public contract (PRODUCT.md section 4): never renumber.
/// Message formats name the exact thing at fault so a reader can act without opening the rule page.
/// </summary>
internal static class Rules
{
    public const string StructureCategory = "MilestonePlan.Structure";
    public const string FilesCategory = "MilestonePlan.Files";
    public const string DependenciesCategory = "MilestonePlan.Dependencies";
    public const string NamingCategory = "MilestonePlan.Naming";
    public const string TrackingCategory = "MilestonePlan.Tracking";
    public const string WorkflowCategory = "MilestonePlan.Workflow";

    public static readonly DiagnosticDescriptor MP0001 = new(
        "MP0001", "Internal error while validating a plan",
        "MilestonePlan could not finish validating this file: {0}",
        StructureCategory, PlanSeverity.Warning,
        "An unexpected failure inside MilestonePlan. The file is named so it can be reported; other files are still validated.");

    public static readonly DiagnosticDescriptor MP1001 = new(
        "MP1001", "Required plan section is missing or unreadable",
        "The plan cannot be read: {0}",
        StructureCategory, PlanSeverity.Error,
        "Every plan needs an Overview, at least one issue table and a Tracking section.");

    public static readonly DiagnosticDescriptor MP1002 = new(
        "MP1002", "Overview field is missing or malformed",
        "Overview field '{0}' is missing",
        StructureCategory, PlanSeverity.Warning,
        "The Overview names the milestone, its folder, its branch, the issue count and the status.");

    public static readonly DiagnosticDescriptor MP1003 = new(
        "MP1003", "Template placeholder left in the plan",
        "Template placeholder '{0}' is still in the plan",
        StructureCategory, PlanSeverity.Warning,
        "Placeholders such as {Issue Title}, m{n} or {N} come from the plan template and must be replaced.");

    public static readonly DiagnosticDescriptor MP1004 = new(
        "MP1004", "Duplicate issue number",
        "Issue {0} appears more than once in the plan (first at line {1})",
        StructureCategory, PlanSeverity.Error,
        "Each issue number identifies one row of the plan.");

    public static readonly DiagnosticDescriptor MP1005 = new(
        "MP1005", "Plan location does not match its Overview",
        "The plan says milestone {0} but lives in the folder of {1}",
        StructureCategory, PlanSeverity.Warning,
        "The Milestone and Implementation Plan Path fields must match the folder the plan lives in.");

    public static readonly DiagnosticDescriptor MP2001 = new(
        "MP2001", "Issue spec file is missing",
        "Issue {0}: spec file '{1}' does not exist in {2}",
        FilesCategory, PlanSeverity.Error,
        "Every issue row names a spec file in the milestone folder.");

    public static readonly DiagnosticDescriptor MP2002 = new(
        "MP2002", "Spec file is not in the plan",
        "'{0}' is in the milestone folder but no issue of the plan names it",
        FilesCategory, PlanSeverity.Warning,
        "A spec file that no issue row names is an orphan: add it to the plan or move it away.");

    public static readonly DiagnosticDescriptor MP2003 = new(
        "MP2003", "Linked file does not exist",
        "'{0}' does not exist",
        FilesCategory, PlanSeverity.Warning,
        "Required reads and relative links must point at files that exist.");

    public static readonly DiagnosticDescriptor MP2004 = new(
        "MP2004", "Issue spec lacks acceptance criteria or a done definition",
        "Spec '{0}' of {1} has no '## Acceptance Criteria' section",
        FilesCategory, PlanSeverity.Warning,
        "A spec needs a done definition and an Acceptance Criteria section with at least one checkbox.");

    public static readonly DiagnosticDescriptor MP2005 = new(
        "MP2005", "Issue spec front matter disagrees with the plan",
        "{2}: the front matter has {0}, the plan has {1}",
        FilesCategory, PlanSeverity.Warning,
        "The spec's YAML front matter (title, priority, dependencies, github_issue) must agree with its plan row.");

    public static readonly DiagnosticDescriptor MP2006 = new(
        "MP2006", "Path leaves the repository",
        "'{0}' {1}; it is not read, published or written",
        FilesCategory, PlanSeverity.Error,
        "Paths in plans and specs resolve inside the repository, after '..' and symbolic links; anything else is refused.");

    public static readonly DiagnosticDescriptor MP2007 = new(
        "MP2007", "File is too large to read",
        "'{0}' is not read: it {1}",
        FilesCategory, PlanSeverity.Warning,
        "Plans (512 KiB) and specs (256 KiB) over the size cap are reported and not read; the caps are MSBuild properties.");

    public static readonly DiagnosticDescriptor MP3001 = new(
        "MP3001", "Dependency is not in the plan",
        "{0} depends on {1}, which is not in this plan",
        DependenciesCategory, PlanSeverity.Error,
        "A dependency must name an issue of the same plan.");

    public static readonly DiagnosticDescriptor MP3002 = new(
        "MP3002", "Issue depends on itself",
        "{0} depends on itself",
        DependenciesCategory, PlanSeverity.Error,
        "An issue cannot wait for itself.");

    public static readonly DiagnosticDescriptor MP3003 = new(
        "MP3003", "Dependency cycle",
        "Dependency cycle: {0}",
        DependenciesCategory, PlanSeverity.Error,
        "Issues in a cycle can never start.");

    public static readonly DiagnosticDescriptor MP3004 = new(
        "MP3004", "Priority inversion",
        "{0} is {1} but depends on {2}, which is {3}",
        DependenciesCategory, PlanSeverity.Warning,
        "A P0 issue that waits for a P1 issue is really P1, or the dependency is really P0.");

    public static readonly DiagnosticDescriptor MP3005 = new(
        "MP3005", "Dependency cell cannot be read",
        "{0}: cannot read dependencies '{1}'; write issue numbers like '#01, #02' or 'None'",
        DependenciesCategory, PlanSeverity.Warning,
        "MilestonePlan reads what it can and does not guess the rest.");

    public static readonly DiagnosticDescriptor MP3006 = new(
        "MP3006", "Dependency comes later in the execution order",
        "{0} depends on {1}, which comes later ({2})",
        DependenciesCategory, PlanSeverity.Warning,
        "Issues run phase by phase, top to bottom; a dependency should come first.");

    public static readonly DiagnosticDescriptor MP4001 = new(
        "MP4001", "Feature branch name does not follow the convention",
        "{0}: feature branch '{1}' {2}",
        NamingCategory, PlanSeverity.Warning,
        "Feature branches are feat/m{n}-{NN}-{slug} and must be valid git ref names.");

    public static readonly DiagnosticDescriptor MP4002 = new(
        "MP4002", "PR title token does not follow the convention",
        "{0}: PR title token '{1}' should be '{2}'",
        NamingCategory, PlanSeverity.Warning,
        "PR titles start with feat(m{n}) for the plan's milestone.");

    public static readonly DiagnosticDescriptor MP4003 = new(
        "MP4003", "Milestone branch does not follow the convention",
        "Milestone Branch '{0}' {1}",
        NamingCategory, PlanSeverity.Warning,
        "The milestone branch is milestone/m{n}-<short-name>.");

    public static readonly DiagnosticDescriptor MP5001 = new(
        "MP5001", "Total Issues is stale",
        "Total Issues says {0} but the plan lists {1} issue(s){2}",
        TrackingCategory, PlanSeverity.Warning,
        "The Overview's Total Issues must count the issues in the tables.");

    public static readonly DiagnosticDescriptor MP5002 = new(
        "MP5002", "Completed Issues checklist disagrees with the issue table",
        "Completed Issues lists {0}, which is not in the issue table",
        TrackingCategory, PlanSeverity.Warning,
        "The Completed Issues checklist lists every issue of the tables once, with the same title.");

    public static readonly DiagnosticDescriptor MP5003 = new(
        "MP5003", "Status disagrees with the tracking",
        "Status is Complete but {0} issue(s) are not done: {1}",
        TrackingCategory, PlanSeverity.Warning,
        "Status must agree with the checklist: Not Started, In Progress or Complete.");

    public static readonly DiagnosticDescriptor MP5004 = new(
        "MP5004", "Current Phase or Current Issue is stale",
        "Current Issue {0} is not in the plan",
        TrackingCategory, PlanSeverity.Warning,
        "Current Issue must be an open issue of the Current Phase.");

    public static readonly DiagnosticDescriptor MP5005 = new(
        "MP5005", "Issue is done and also open, blocked or skipped",
        "{0} is marked done but is also listed under {1}",
        TrackingCategory, PlanSeverity.Warning,
        "An issue has one state at a time.");

    public static readonly DiagnosticDescriptor MP5006 = new(
        "MP5006", "Issue is done before its dependency",
        "{0} is done but its dependency {1} is not",
        TrackingCategory, PlanSeverity.Warning,
        "An issue cannot be done while an issue it depends on is open.");

    public static readonly DiagnosticDescriptor MP5007 = new(
        "MP5007", "Tracking disagrees with git",
        "{0} is done but {1} is not merged into {2}",
        TrackingCategory, PlanSeverity.Warning,
        "Reported by ReconcileMilestone: a done issue's branch is merged into the base branch, an open PR's branch exists.");

    public static readonly DiagnosticDescriptor MP9001 = new(
        "MP9001", "git or gh failed",
        "Workflow stopped: {0}",
        WorkflowCategory, PlanSeverity.Error,
        "A workflow target needs git and an authenticated gh; the tool's own error is shown.");

    public static readonly DiagnosticDescriptor MP9002 = new(
        "MP9002", "Plan could not be written back safely",
        "Plan file not changed: {0}",
        WorkflowCategory, PlanSeverity.Error,
        "The plan changed on disk since it was read, or cannot be written; nothing was changed.");

    public static readonly DiagnosticDescriptor MP9003 = new(
        "MP9003", "Milestone is not ready to complete",
        "{0} cannot be completed: {1}",
        WorkflowCategory, PlanSeverity.Error,
        "CompleteMilestone needs every issue done and the completion checklist items it verifies (issues closed, checks passing) holding.");

    public static IReadOnlyList<DiagnosticDescriptor> All { get; } =
    [
        MP0001, MP1001, MP1002, MP1003, MP1004, MP1005,
        MP2001, MP2002, MP2003, MP2004, MP2005, MP2006, MP2007,
        MP3001, MP3002, MP3003, MP3004, MP3005, MP3006,
        MP4001, MP4002, MP4003,
        MP5001, MP5002, MP5003, MP5004, MP5005, MP5006, MP5007,
        MP9001, MP9002, MP9003,
    ];

    public static DiagnosticDescriptor? Find(string id) =>
        All.FirstOrDefault(d => string.Equals(d.Id, id, StringComparison.OrdinalIgnoreCase));
}

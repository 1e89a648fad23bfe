namespace MilestonePlan.Workflow.Tests.Architecture;

/// <summary>
/// The direction of dependencies inside Workflow (docs/architecture.md): each folder uses only the folders listed for
/// it, and the lists form layers (no cycle). "" is the project's root (WorkflowException).
/// </summary>
[TestClass]
public sealed class WorkflowArchitectureTests
{
    private static readonly string[] Foundation = ["", "Processes", "Publishing"];

    private static readonly string[] BelowServices = [.. Foundation, "Git", "GitHub", "Editing", "StopConditions", "Drift", "Settings"];

    internal static readonly Dictionary<string, string[]> Allowed = new()
    {
        ["Processes"] = [],
        ["Publishing"] = [],
        [""] = ["Publishing"],
        ["Git"] = Foundation,
        ["GitHub"] = Foundation,
        ["Editing"] = Foundation,
        ["StopConditions"] = [.. Foundation, "Git"],
        ["Drift"] = [.. Foundation, "Git"],
        ["Settings"] = [.. Foundation, "StopConditions"],
        ["Services"] = BelowServices,
        ["Tracking"] = [.. BelowServices, "Services"],
        ["Agent"] = [.. BelowServices, "Services"],
        ["Actions/Steps"] = [.. BelowServices, "Services", "Tracking", "Agent"],
        ["Actions"] = [.. BelowServices, "Services", "Tracking", "Agent", "Actions/Steps"],
    };

    private static string Project => Path.Combine(Support.TestPaths.Root, "src", "MilestonePlan.Workflow");

    [TestMethod]
    public void Each_folder_of_Workflow_uses_only_the_layers_below_it()
    {
        var sources = LayerCheck.Read(Project);
        CollectionAssert.AreEquivalent(Allowed.Keys.ToList(), sources.Select(s => s.Folder).Distinct().ToList(), "every folder has a place in the layering");

        var violations = LayerCheck.Violations(sources, Allowed);

        Assert.IsEmpty(violations, string.Join("\n", violations));
    }

    [TestMethod]
    public void The_layers_have_no_cycle() => Assert.IsNull(LayerCheck.Cycle(Allowed));

    [TestMethod]
    public void An_injected_upward_use_is_reported_with_file_folder_and_type()
    {
        LayerCheck.Source[] sources =
        [
            new("Processes", "ProcessRunner.cs", "internal sealed class ProcessRunner { } // a GitClient would be wrong here"),
            new("Git", "GitClient.cs", "internal sealed class GitClient(ProcessRunner runner) { string s = \"TrackingBranch\"; }"),
            new("Tracking", "TrackingBranch.cs", "internal sealed class TrackingBranch(GitClient git) { }"),
            // The injected violation: a low layer reaching up (through the root namespace, with no `using`).
            new("Processes", "Bad.cs", "internal static class Bad { static TrackingBranch? branch; }"),
        ];
        var allowed = new Dictionary<string, string[]> { ["Processes"] = [], ["Git"] = ["Processes"], ["Tracking"] = ["Git", "Processes"] };

        var violations = LayerCheck.Violations(sources, allowed);

        CollectionAssert.AreEqual(new[] { "Processes/Bad.cs uses Tracking (TrackingBranch)" }, violations.ToArray(),
            "names in comments and strings are not uses; a type used without a using is");
    }

    [TestMethod]
    public void An_injected_cycle_is_found() =>
        Assert.IsNotNull(LayerCheck.Cycle(new Dictionary<string, string[]> { ["A"] = ["B"], ["B"] = ["C"], ["C"] = ["A"] }));
}

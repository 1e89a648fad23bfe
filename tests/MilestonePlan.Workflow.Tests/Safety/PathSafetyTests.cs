using MilestonePlan.Workflow.Tests.Support;

namespace MilestonePlan.Workflow.Tests.Safety;

/// <summary>PRODUCT.md section 7, "never reads, publishes or writes a file outside the repository" (the issue's exploit 3 and its neighbours).</summary>
[TestClass]
public sealed class PathSafetyTests
{
    private const string Secret = "outside the repository\n";

    [TestMethod]
    [DataRow("../../../../outside.env")]
    [DataRow("../../../../../outside.env")]
    [DataRow("/../outside.env")]
    [DataRow("~/outside.env")]
    [DataRow("link-out.md")]
    [DataRow("linked-folder/01-parser.md")]
    public void PushIssues_refuses_an_Issue_File_outside_the_repository_and_reads_publishes_and_writes_nothing(string cell)
    {
        using var repo = new WorkflowRepository(plan: PushIssuesTests.Plan.Replace("| 01-parser.md |", $"| {cell} |", StringComparison.Ordinal));
        var outside = Path.Combine(repo.Git.Root, "outside.env");
        File.WriteAllText(outside, Secret);
        File.CreateSymbolicLink(Path.Combine(repo.Git.Path_, "docs/03-build-notes/m1/link-out.md"), outside);
        Directory.CreateDirectory(Path.Combine(repo.Git.Root, "elsewhere"));
        File.WriteAllText(Path.Combine(repo.Git.Root, "elsewhere", "01-parser.md"), Secret);
        File.CreateSymbolicLink(Path.Combine(repo.Git.Path_, "docs/03-build-notes/m1/linked-folder"), Path.Combine(repo.Git.Root, "elsewhere"));

        var error = Assert.ThrowsExactly<WorkflowException>(() => repo.Runner().PushIssues());

        Assert.AreEqual("MP2006", error.Rule.Id, error.Message);
        Assert.AreEqual(repo.PlanPath, error.File);
        Assert.AreEqual(14, error.Span!.Value.Line, "the row of #01");
        Assert.IsEmpty(repo.IssueGhCalls, "gh never ran: nothing published");
        Assert.AreEqual(Secret, File.ReadAllText(outside), "nothing written back into it");
        Assert.AreEqual(Secret, File.ReadAllText(Path.Combine(repo.Git.Root, "elsewhere", "01-parser.md")));
    }

    [TestMethod]
    public void A_symlinked_plan_is_never_written()
    {
        using var repo = new WorkflowRepository();
        var outside = Path.Combine(repo.Git.Root, "plan-elsewhere.md");
        File.Move(repo.PlanPath, outside);
        File.CreateSymbolicLink(repo.PlanPath, outside);
        repo.Git.CommitAll("plan is a link");
        var before = File.ReadAllText(outside);

        var error = Assert.ThrowsExactly<WorkflowException>(() => repo.Runner(milestone: "m1").RunNextIssue());

        Assert.AreEqual("MP2006", error.Rule.Id, error.Message);
        Assert.AreEqual(before, File.ReadAllText(outside));
    }

    [TestMethod]
    public void The_dependency_graph_is_never_written_through_a_symbolic_link()
    {
        using var repo = new WorkflowRepository();
        var target = Path.Combine(repo.Git.Root, "victim.txt");
        File.WriteAllText(target, "keep me\n");
        File.CreateSymbolicLink(Path.Combine(repo.Git.Path_, "docs/03-build-notes/m1/DEPENDENCY_GRAPH.md"), target);

        var error = Assert.ThrowsExactly<WorkflowException>(() => repo.Runner().MilestoneStatus());

        Assert.AreEqual("MP2006", error.Rule.Id);
        Assert.AreEqual("keep me\n", File.ReadAllText(target));
    }

    [TestMethod]
    public void A_spec_that_is_a_fifo_or_over_the_cap_is_not_read()
    {
        using var repo = new WorkflowRepository();
        var spec = Path.Combine(repo.Git.Path_, "docs/03-build-notes/m1/01-parser.md");
        File.Delete(spec);
        Assert.AreEqual(0, System.Diagnostics.Process.Start("mkfifo", [spec]).WaitForExitAsync().ContinueWith(_ => 0).Result);
        var fifo = Core.IO.DiskFileSystem.Instance.Read(spec, Core.IO.FileLimits.DefaultMaxSpecBytes);
        Assert.AreEqual(string.Empty, fifo.Text, "a FIFO is never opened (it would block)");

        File.Delete(spec);
        File.WriteAllText(spec, new string('x', 2_000_000));
        var large = Core.IO.DiskFileSystem.Instance.Read(spec, Core.IO.FileLimits.DefaultMaxSpecBytes);
        Assert.IsTrue(large.TooLarge);
        Assert.AreEqual("is 2,000,000 bytes, over the 262,144-byte cap", large.Problem);
    }
}

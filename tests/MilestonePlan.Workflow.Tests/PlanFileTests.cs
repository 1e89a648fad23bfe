using System.Text;
using MilestonePlan.Workflow.Editing;
using MilestonePlan.Workflow.Processes;
using MilestonePlan.Workflow.Tests.Support;

namespace MilestonePlan.Workflow.Tests;

[TestClass]
public sealed class PlanFileTests
{
    private static string TempFile(byte[] bytes)
    {
        var path = Path.Combine(Path.GetTempPath(), "mp-plan-" + Guid.NewGuid().ToString("N") + ".md");
        File.WriteAllBytes(path, bytes);
        return path;
    }

    [TestMethod]
    public void BOM_and_CRLF_survive_and_only_the_edited_bytes_change()
    {
        var text = "# Plan\r\n\r\n* **Current Issue:** #01\r\nlast line without ending";
        var path = TempFile([0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(text)]);
        try
        {
            var file = PlanFile.Read(path);
            Assert.IsTrue(file.HasBom);
            file.Write(file.Text.Replace("#01", "#02", StringComparison.Ordinal));

            var expected = new byte[] { 0xEF, 0xBB, 0xBF }.Concat(Encoding.UTF8.GetBytes(text.Replace("#01", "#02", StringComparison.Ordinal))).ToArray();
            CollectionAssert.AreEqual(expected, File.ReadAllBytes(path));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [TestMethod]
    public void A_plan_changed_on_disk_since_it_was_read_is_not_overwritten()
    {
        var path = TempFile(Encoding.UTF8.GetBytes("# Plan\n"));
        try
        {
            var file = PlanFile.Read(path);
            File.WriteAllText(path, "# Plan\nsomeone else's edit\n");

            var error = Assert.ThrowsExactly<WorkflowException>(() => file.Write("# Mine\n"));

            Assert.AreEqual("MP9002", error.Rule.Id);
            Assert.AreEqual("# Plan\nsomeone else's edit\n", File.ReadAllText(path));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [TestMethod]
    public void Read_only_and_invalid_UTF8_plans_are_refused_and_left_alone()
    {
        var path = TempFile(Encoding.UTF8.GetBytes("# Plan\n"));
        var invalid = TempFile([0x23, 0x20, 0xC3, 0x28, 0x0A]);
        try
        {
            var file = PlanFile.Read(path);
            File.SetAttributes(path, FileAttributes.ReadOnly);
            Assert.AreEqual("MP9002", Assert.ThrowsExactly<WorkflowException>(() => file.Write("# Mine\n")).Rule.Id);
            Assert.AreEqual("# Plan\n", File.ReadAllText(path));

            Assert.AreEqual("MP9002", Assert.ThrowsExactly<WorkflowException>(() => PlanFile.Read(invalid)).Rule.Id);
            CollectionAssert.AreEqual(new byte[] { 0x23, 0x20, 0xC3, 0x28, 0x0A }, File.ReadAllBytes(invalid));
        }
        finally
        {
            File.SetAttributes(path, FileAttributes.Normal);
            File.Delete(path);
            File.Delete(invalid);
        }
    }

    [TestMethod]
    public void Arguments_reach_the_child_process_unchanged()
    {
        using var gh = new FakeGhEnvironment();
        string[] hostile = ["", "two words", "quote\"inside", "back\\slash\\", "\\\"", "$(whoami)", "`id`", "a;b", "ünïcode — ✓", "trailing\\\\"];

        gh.Runner.Run("gh", ["auth", "status", .. hostile], Path.GetTempPath(), TimeSpan.FromMinutes(1));

        CollectionAssert.AreEqual(new[] { "auth", "status" }.Concat(hostile).ToArray(), gh.Calls.Single());
    }

    [TestMethod]
    public void A_missing_program_is_a_result_not_an_exception()
    {
        var result = new ProcessRunner().Run("definitely-not-a-real-tool-xyz", ["--version"], Path.GetTempPath(), TimeSpan.FromSeconds(10));
        Assert.IsTrue(result.NotFound);
        StringAssert.Contains(result.Describe(), "was not found on PATH");
    }

    [TestMethod]
    public void A_hung_program_is_killed_at_the_timeout()
    {
        var result = new ProcessRunner().Run("sleep", ["30"], Path.GetTempPath(), TimeSpan.FromMilliseconds(300));
        Assert.IsTrue(result.TimedOut);
    }
}

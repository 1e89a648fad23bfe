using System.Text;
using MilestonePlan.Core.Editing;
using MilestonePlan.Workflow.Editing;
using MilestonePlan.Workflow.Tests.Processes;

namespace MilestonePlan.Workflow.Tests.Editing;

/// <summary>Surgical edits: only the edited lines' bytes change, the write is atomic, and unsafe writes are refused.</summary>
[TestClass]
public sealed class PlanFileEditingTests
{
    private static readonly byte[] Bom = [0xEF, 0xBB, 0xBF];

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    private static (TempFolder Folder, string Path) Plan(byte[] bytes)
    {
        var folder = new TempFolder();
        var path = folder.File("IMPLEMENTATION_PLAN.md");
        File.WriteAllBytes(path, bytes);
        return (folder, path);
    }

    [TestMethod]
    public void A_CRLF_plan_with_a_BOM_keeps_both_and_only_the_edited_line_changes()
    {
        var (folder, path) = Plan([.. Bom, .. Utf8("# Plan\r\n\r\n* **Current Issue:** #01\r\n* **Blockers:** None\r\n")]);
        using var _ = folder;
        var file = PlanFile.Read(path);

        file.Write(file.Apply([LineEdit.Replace(3, "* **Current Issue:** #02", "next")]));

        Assert.IsTrue(file.HasBom);
        CollectionAssert.AreEqual(Bom.Concat(Utf8("# Plan\r\n\r\n* **Current Issue:** #02\r\n* **Blockers:** None\r\n")).ToArray(), File.ReadAllBytes(path));
    }

    [TestMethod]
    public void Inserted_lines_take_their_neighbours_ending_in_a_mixed_file()
    {
        var (folder, path) = Plan(Utf8("lf\ncrlf\r\ncr\rlast"));
        using var _ = folder;
        var file = PlanFile.Read(path);
        CollectionAssert.AreEqual(new[] { "\n", "\r\n", "\r", "" }, file.Lines.Lines.Select(l => l.Ending).ToArray());

        file.Write(file.Apply(
        [
            LineEdit.InsertAfter(1, ["after lf"], "a"),
            LineEdit.InsertAfter(2, ["after crlf"], "b"),
            LineEdit.Delete(3, "c"),
        ]));

        CollectionAssert.AreEqual(Utf8("lf\nafter lf\ncrlf\r\nafter crlf\r\nlast"), File.ReadAllBytes(path));
    }

    [TestMethod]
    public void A_last_line_without_newline_stays_without_one()
    {
        var (folder, path) = Plan(Utf8("first\r\n**Status:** Not Started"));
        using var _ = folder;
        var file = PlanFile.Read(path);

        file.Write(file.Apply([LineEdit.Replace(2, "**Status:** In Progress", "status")]));
        CollectionAssert.AreEqual(Utf8("first\r\n**Status:** In Progress"), File.ReadAllBytes(path));

        // Appending after it: the old last line needs an ending (its neighbour's), the new last line has none.
        file.Write(file.Apply([LineEdit.InsertAfter(2, ["appended"], "append")]));
        CollectionAssert.AreEqual(Utf8("first\r\n**Status:** In Progress\r\nappended"), File.ReadAllBytes(path));
    }

    [TestMethod]
    public void Every_byte_outside_the_edited_line_is_identical_including_non_ASCII_tabs_and_trailing_spaces()
    {
        var before = "# M1 — Implementation Plan ✓\n\tindented\twith tabs  \n| #01 | 日本語 | 🚀 | e\u0301 |   \n**Current Issue:** #01\nnotes: ü ß ø 中文 — keep me exactly  \n\n";
        var (folder, path) = Plan(Utf8(before));
        using var _ = folder;
        var file = PlanFile.Read(path);

        file.Write(file.Apply([LineEdit.Replace(4, "**Current Issue:** #02", "next")]));

        var original = Utf8(before);
        var written = File.ReadAllBytes(path);
        var start = Utf8(before[..before.IndexOf("**Current", StringComparison.Ordinal)]).Length;
        var oldEnd = start + Utf8("**Current Issue:** #01").Length;
        var newEnd = start + Utf8("**Current Issue:** #02").Length;
        CollectionAssert.AreEqual(original[..start], written[..start], "bytes before the edit");
        CollectionAssert.AreEqual(original[oldEnd..], written[newEnd..], "bytes after the edit");
        Assert.AreEqual(original.Length, written.Length);
    }

    [TestMethod]
    public void A_plan_changed_on_disk_since_it_was_read_is_refused_and_left_as_the_other_writer_left_it()
    {
        var (folder, path) = Plan(Utf8("# Plan\n* **Current Issue:** #01\n"));
        using var _ = folder;
        var file = PlanFile.Read(path);
        File.WriteAllText(path, "# Plan\n* **Current Issue:** #01\nsomeone else's note\n");

        var error = Assert.ThrowsExactly<WorkflowException>(() => file.Write(file.Apply([LineEdit.Replace(2, "* **Current Issue:** #02", "x")])));

        Assert.AreEqual("MP9002", error.Rule.Id);
        StringAssert.Contains(error.Message, "changed on disk since it was read");
        Assert.AreEqual("# Plan\n* **Current Issue:** #01\nsomeone else's note\n", File.ReadAllText(path));
        CollectionAssert.AreEqual(new[] { path }, Directory.GetFiles(folder.Path), "no temporary file left behind");
    }

    [TestMethod]
    public void A_plan_deleted_since_it_was_read_is_not_recreated()
    {
        var (folder, path) = Plan(Utf8("# Plan\n"));
        using var _ = folder;
        var file = PlanFile.Read(path);
        File.Delete(path);

        Assert.AreEqual("MP9002", Assert.ThrowsExactly<WorkflowException>(() => file.Write("# Mine\n")).Rule.Id);
        Assert.IsFalse(File.Exists(path));
    }

    [TestMethod]
    public void A_read_only_plan_is_refused_and_unchanged()
    {
        var (folder, path) = Plan(Utf8("# Plan\n"));
        using var _ = folder;
        var file = PlanFile.Read(path);
        File.SetAttributes(path, FileAttributes.ReadOnly);

        // Even root (CI containers) could write it; the attribute is the user's decision and is honoured.
        var error = Assert.ThrowsExactly<WorkflowException>(() => file.Write("# Mine\n"));

        Assert.AreEqual("MP9002", error.Rule.Id);
        StringAssert.Contains(error.Message, "read-only");
        Assert.AreEqual("# Plan\n", File.ReadAllText(path));
    }

    [TestMethod]
    public void A_proc_file_is_read_as_empty_without_being_opened_and_never_written()
    {
        // procfs reports no length, like a FIFO or a device: such a file is never opened (it could block or never end),
        // so it reads as empty, and a write is refused because the file does not hold what was "read".
        const string comm = "/proc/self/comm";
        Assert.IsTrue(File.Exists(comm), "these tests run on Linux");
        var file = PlanFile.Read(comm);
        var before = File.ReadAllBytes(comm);

        var error = Assert.ThrowsExactly<WorkflowException>(() => file.Write("renamed\n"));

        Assert.AreEqual(string.Empty, file.Text);
        Assert.AreEqual("MP9002", error.Rule.Id);
        StringAssert.Contains(error.Message, "nothing was written");
        CollectionAssert.AreEqual(before, File.ReadAllBytes(comm));
    }

    [TestMethod]
    public void A_path_whose_parent_is_a_file_is_refused_on_read_and_on_write()
    {
        using var folder = new TempFolder();
        var blocker = folder.File("not-a-folder");
        File.WriteAllText(blocker, "x");
        Assert.AreEqual("MP9002", Assert.ThrowsExactly<WorkflowException>(() => PlanFile.Read(Path.Combine(blocker, "IMPLEMENTATION_PLAN.md"))).Rule.Id);

        // The plan's folder replaced by a file between read and write: refused, and the file is left alone.
        var milestone = Path.Combine(folder.Path, "m1");
        Directory.CreateDirectory(milestone);
        var path = Path.Combine(milestone, "IMPLEMENTATION_PLAN.md");
        File.WriteAllText(path, "# Plan\n");
        var file = PlanFile.Read(path);
        Directory.Delete(milestone, recursive: true);
        File.WriteAllText(milestone, "now a file");

        Assert.AreEqual("MP9002", Assert.ThrowsExactly<WorkflowException>(() => file.Write("# Mine\n")).Rule.Id);
        Assert.AreEqual("now a file", File.ReadAllText(milestone));
    }

    [TestMethod]
    public void The_write_is_a_rename_that_keeps_the_files_permissions_and_leaves_no_temporary_file()
    {
        var (folder, path) = Plan(Utf8("# Plan\n"));
        using var _ = folder;
        var mode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead;
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, mode);
        }

        var file = PlanFile.Read(path);
        file.Write("# Plan\nline\n");
        file.Write(file.Apply([LineEdit.InsertAfter(2, ["second write"], "again")]));

        Assert.AreEqual("# Plan\nline\nsecond write\n", File.ReadAllText(path));
        CollectionAssert.AreEqual(new[] { path }, Directory.GetFiles(folder.Path));
        if (!OperatingSystem.IsWindows())
        {
            Assert.AreEqual(mode, File.GetUnixFileMode(path));
        }
    }

    [TestMethod]
    public void Text_that_is_not_valid_Unicode_is_refused_not_written_with_replacement_characters()
    {
        var (folder, path) = Plan(Utf8("# Plan\n"));
        using var _ = folder;
        var file = PlanFile.Read(path);

        Assert.AreEqual("MP9002", Assert.ThrowsExactly<WorkflowException>(() => file.Write("# Plan \uD800\n")).Rule.Id);
        Assert.AreEqual("# Plan\n", File.ReadAllText(path));
    }

    [TestMethod]
    public void Preview_shows_the_edits_with_line_numbers_and_writes_nothing()
    {
        var text = string.Join("\n", Enumerable.Range(1, 12).Select(i => $"line {i}")) + "\n";
        var (folder, path) = Plan(Utf8(text));
        using var _ = folder;
        var file = PlanFile.Read(path);
        var after = file.Apply(
        [
            LineEdit.Replace(2, "line 2 edited", "a"),
            LineEdit.InsertAfter(10, ["new after 10"], "b"),
        ]);

        var preview = file.Preview(after);

        Assert.AreEqual(
            $"--- {path}\n+++ {path} (after edits)\n" +
            "@@ -1,3 +1,3 @@\n line 1\n-line 2\n+line 2 edited\n line 3\n" +
            "@@ -10,2 +10,3 @@\n line 10\n+new after 10\n line 11\n",
            preview);
        CollectionAssert.AreEqual(Utf8(text), File.ReadAllBytes(path));
        Assert.AreEqual(string.Empty, file.Preview(file.Text));
    }

    [TestMethod]
    public void Preview_names_a_change_of_line_ending_that_is_otherwise_invisible()
    {
        var preview = TextDiff.Render("plan.md", "a\r\nb\n", "a\nb\n");

        StringAssert.Contains(preview, "-a  ⏎ CRLF\n+a  ⏎ LF\n");
    }
}

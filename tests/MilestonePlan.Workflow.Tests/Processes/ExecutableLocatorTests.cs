using MilestonePlan.Workflow.Processes;

namespace MilestonePlan.Workflow.Tests.Processes;

[TestClass]
public sealed class ExecutableLocatorTests
{
    [TestMethod]
    public void The_first_folder_on_PATH_that_has_the_program_wins()
    {
        using var first = new TempFolder();
        using var second = new TempFolder();
        File.WriteAllText(second.File("tool"), string.Empty);
        File.WriteAllText(first.File("tool"), string.Empty);

        Assert.AreEqual(first.File("tool"), ExecutableLocator.Find("tool", $"{first.Path}:{second.Path}", null, windows: false));
        Assert.AreEqual(second.File("tool"), ExecutableLocator.Find("tool", $"::relative/dir:{second.Path}", null, windows: false));
        Assert.IsNull(ExecutableLocator.Find("tool", "relative/dir", null, windows: false), "relative PATH entries are not searched");
        Assert.IsNull(ExecutableLocator.Find("other", $"{first.Path}:{second.Path}", null, windows: false));
    }

    [TestMethod]
    public void Windows_runs_only_an_exe_in_any_case_and_skips_a_bare_file()
    {
        using var folder = new TempFolder();
        File.WriteAllText(folder.File("gh"), "#!/bin/sh");
        File.WriteAllText(folder.File("gh.EXE"), string.Empty);
        File.WriteAllText(folder.File("gh.cmd"), string.Empty);

        Assert.AreEqual(folder.File("gh.EXE"), ExecutableLocator.Locate("gh", $"C:\\missing;{folder.Path}", windows: true).Path);
        Assert.AreEqual(folder.File("gh.EXE"), ExecutableLocator.Locate("gh.exe", folder.Path, windows: true).Path, "an .exe beside a shim wins, as in cmd");
    }

    [TestMethod]
    [DataRow("git.cmd")]
    [DataRow("git.BAT")]
    public void Windows_refuses_a_batch_shim_first_on_PATH_and_says_how_to_fix_PATH(string shim)
    {
        using var shims = new TempFolder();
        using var real = new TempFolder();
        File.WriteAllText(shims.File(shim), "@echo off");
        File.WriteAllText(real.File("git.exe"), string.Empty);

        var location = ExecutableLocator.Locate("git", $"{shims.Path};{real.Path}", windows: true);

        Assert.IsNull(location.Path, "never run, and never silently replaced by a later git.exe");
        StringAssert.Contains(location.Refusal, shims.File(shim));
        StringAssert.Contains(location.Refusal, "put the folder holding git.exe before this one on PATH");
        Assert.IsNotNull(ExecutableLocator.Locate(shims.File(shim), null, windows: true).Refusal, "a shim named by its path is refused too");
    }

    [TestMethod]
    public void A_path_is_used_as_it_is_without_searching_PATH()
    {
        using var folder = new TempFolder();
        File.WriteAllText(folder.File("tool"), string.Empty);

        Assert.AreEqual(folder.File("tool"), ExecutableLocator.Find(folder.File("tool"), "/nowhere", null, windows: false));
        Assert.IsNull(ExecutableLocator.Find(folder.File("missing"), folder.Path, null, windows: false));
        Assert.IsNull(ExecutableLocator.Find(string.Empty, folder.Path, null, windows: false));
    }
}

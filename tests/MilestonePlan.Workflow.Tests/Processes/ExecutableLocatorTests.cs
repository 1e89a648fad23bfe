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
    public void Windows_tries_each_PATHEXT_extension_and_skips_a_bare_file()
    {
        using var folder = new TempFolder();
        File.WriteAllText(folder.File("gh"), "#!/bin/sh");
        File.WriteAllText(folder.File("gh.EXE"), string.Empty);
        File.WriteAllText(folder.File("git.CMD"), string.Empty);

        Assert.AreEqual(folder.File("gh.EXE"), ExecutableLocator.Find("gh", $"C:\\missing;{folder.Path}", ".COM;.EXE;.CMD", windows: true));
        Assert.AreEqual(folder.File("git.CMD"), ExecutableLocator.Find("git", folder.Path, ".COM;.EXE;.CMD", windows: true));
        Assert.AreEqual(folder.File("gh.EXE"), ExecutableLocator.Find("gh.EXE", folder.Path, ".COM;.EXE", windows: true), "a name with a PATHEXT extension is taken as it is");
        Assert.AreEqual(folder.File("gh.EXE"), ExecutableLocator.Find("gh", folder.Path, null, windows: true), "the default PATHEXT applies when none is set");
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

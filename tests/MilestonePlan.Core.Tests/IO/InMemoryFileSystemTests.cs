using CsCheck;
using MilestonePlan.Core.IO;

namespace MilestonePlan.Core.Tests.IO;

[TestClass]
public sealed class InMemoryFileSystemTests
{
    /// <summary>The listing under a folder is found by binary search in the sorted paths: it is every path with the prefix, in order.</summary>
    [TestMethod]
    public void Listing_and_folder_existence_match_a_scan_of_every_path()
    {
        var segment = Gen.OneOf(new[] { "a", "a b", "a-b", "a.b", "ab", "b", "é", "A", "~", "0" }.Select(Gen.Const).ToArray());
        var path = segment.Array[1, 4].Select(s => "/r/" + string.Join("/", s));
        Gen.Select(path.Array[0, 12], segment.Array[0, 3]).Sample((paths, folderParts) =>
        {
            var files = paths.Distinct().ToDictionary(p => p, _ => "x");
            var view = new InMemoryFileSystem(files, isComplete: true);
            var folder = "/r" + string.Concat(folderParts.Select(s => "/" + s));
            var expected = files.Keys.Where(k => k.StartsWith(folder + "/", StringComparison.Ordinal)).OrderBy(k => k, StringComparer.Ordinal).ToList();
            CollectionAssert.AreEqual(expected, view.EnumerateFiles(folder, recursive: true).ToList(), folder);
            CollectionAssert.AreEqual(expected, view.EnumerateFiles(folder + "/", recursive: true).ToList(), folder);
            Assert.AreEqual(expected.Count > 0, view.DirectoryExists(folder) == true, folder);
        }, iter: 5_000);
    }
}

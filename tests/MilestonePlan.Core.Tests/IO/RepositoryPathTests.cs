using CsCheck;
using MilestonePlan.Core.IO;

namespace MilestonePlan.Core.Tests.IO;

[TestClass]
public sealed class RepositoryPathTests
{
    private const string Root = "/repo";

    /// <summary>
    /// Resolve skips GetFullPath for a plain file name; whatever the name (dots, `..`, slashes, spaces, non-ASCII,
    /// lone surrogates) and the folder (trailing slash, `.` segments, relative), the answer is GetFullPath's.
    /// </summary>
    [TestMethod]
    public void Resolve_gives_what_GetFullPath_gives_for_any_name_and_folder()
    {
        var piece = Gen.OneOf(
            Gen.Const("."), Gen.Const(".."), Gen.Const("/"), Gen.Const("-"), Gen.Const("_"), Gen.Const(" "), Gen.Const("\\"),
            Gen.Const("md"), Gen.Const("01"), Gen.Const("é"), Gen.Const("\uD800"), Gen.Const("~"), Gen.Char['a', 'z'].Select(c => c.ToString()));
        var name = piece.Array[1, 8].Select(p => string.Concat(p));
        var folder = Gen.OneOf(
            Gen.Const("/repo/docs/03-build-notes/m1"), Gen.Const("/repo/docs/03-build-notes/m1/"), Gen.Const("/repo/docs/./m1"),
            Gen.Const("/repo"), Gen.Const("/repo/"), Gen.Const("/elsewhere/m1"), Gen.Const("docs/m1"));
        Gen.Select(folder, name).Sample((f, n) =>
        {
            var expected = Expected(f, n);
            var actual = RepositoryPath.Resolve(Root, f, n).FullPath;
            Assert.AreEqual(expected, actual, $"folder '{f}', name '{n}'");
        }, iter: 20_000);
    }

    [TestMethod]
    public void A_plain_spec_name_resolves_below_the_plan_folder()
    {
        Assert.AreEqual("/repo/docs/03-build-notes/m1/03-parser.md", RepositoryPath.Resolve(Root, "/repo/docs/03-build-notes/m1", "03-parser.md").FullPath);
        Assert.AreEqual("/repo/docs/03-build-notes/m1/03-parser.md", RepositoryPath.Resolve(Root, "/repo/docs/03-build-notes/m1/", "03-parser.md").FullPath);
        Assert.IsNull(RepositoryPath.Resolve(Root, "/elsewhere/m1", "03-parser.md").FullPath, "a folder outside the root stays refused");
        Assert.AreEqual("/repo/docs/03-build-notes/03-parser.md", RepositoryPath.Resolve(Root, "/repo/docs/03-build-notes/m1", "../03-parser.md").FullPath);
    }

    /// <summary>The general rule, written out: refused characters, then GetFullPath of the combination, then inside the root.</summary>
    private static string? Expected(string folder, string name)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Any(c => char.IsControl(c) || c is '"' or '<' or '>' or '|' or ':' or '*' or '?')
            || HasLoneSurrogate(name))
        {
            return null;
        }

        var portable = name.Replace('\\', '/');
        if (portable.StartsWith("//", StringComparison.Ordinal) || portable.StartsWith('~'))
        {
            return null;
        }

        var start = portable.StartsWith('/') ? Root : Path.GetFullPath(folder);
        var full = Path.GetFullPath(Path.Combine(start, portable.TrimStart('/')));
        return RepositoryPath.IsUnder(Root, full) ? full : null;
    }

    private static bool HasLoneSurrogate(string s)
    {
        for (var i = 0; i < s.Length; i++)
        {
            if (char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(s[i]))
            {
                return true;
            }
        }

        return false;
    }
}

namespace FakeGh;

/// <summary>
/// TEST-ONLY commands under `gh fake ...`: the real gh has no such command, and no client of gh may call them. They let
/// a test act as GitHub itself, e.g. `gh fake merge-pending [&lt;number&gt;]` ("the checks passed: auto-merge now"),
/// or as a person on GitHub's web page: `gh fake close &lt;number&gt;`, `gh fake delete-branch &lt;number&gt;`.
/// They take no flags but --help, and they do not change which real commands and flags the fake accepts.
/// </summary>
internal static class FakeOnlyCommands
{
    public static readonly IReadOnlyDictionary<string, IReadOnlyList<Flag>> Flags = new Dictionary<string, IReadOnlyList<Flag>>
    {
        ["fake merge-pending"] = [new("help", null, FlagKind.Bool, "Show help for command")],
        ["fake close"] = [new("help", null, FlagKind.Bool, "Show help for command")],
        ["fake delete-branch"] = [new("help", null, FlagKind.Bool, "Show help for command")],
    };
}

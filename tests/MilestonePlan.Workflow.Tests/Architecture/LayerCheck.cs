using System.Text.RegularExpressions;

namespace MilestonePlan.Workflow.Tests.Architecture;

/// <summary>
/// Which folder of a source set uses which: a file uses a folder when it names a type declared there (by its simple
/// name, outside comments and string literals), which also catches what C# lets a file use without a `using` (types
/// of the root namespace and of enclosing namespaces). Pure over (folder, file, text), so it is tested on synthetic sets.
/// </summary>
internal static partial class LayerCheck
{
    /// <summary>A source file: its folder relative to the project ("" for the project's root), its name and its text.</summary>
    public sealed record Source(string Folder, string File, string Text);

    /// <summary>"folder/File.cs uses Other (Type)" for every use of a folder that <paramref name="allowed"/> does not list for it.</summary>
    public static IReadOnlyList<string> Violations(IReadOnlyList<Source> sources, IReadOnlyDictionary<string, string[]> allowed)
    {
        var code = sources.Select(s => (s.Folder, s.File, Text: Code(s.Text))).ToList();
        var owners = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (folder, _, text) in code)
        {
            foreach (Match declaration in Declaration().Matches(text))
            {
                owners[declaration.Groups["name"].Value] = folder;
            }
        }

        var violations = new List<string>();
        foreach (var (folder, file, text) in code)
        {
            var uses = Identifier().Matches(text).Select(m => m.Value).Where(owners.ContainsKey)
                .Select(type => (Type: type, Owner: owners[type]))
                .Where(u => u.Owner != folder && !(allowed.TryGetValue(folder, out var below) && below.Contains(u.Owner)))
                .GroupBy(u => u.Owner);
            violations.AddRange(uses.Select(g => $"{Show(folder)}/{file} uses {Show(g.Key)} ({string.Join(", ", g.Select(u => u.Type).Distinct().Order())})"));
        }

        return violations;
    }

    /// <summary>A folder in a cycle of <paramref name="allowed"/>, or null: the allowed uses must form layers.</summary>
    public static string? Cycle(IReadOnlyDictionary<string, string[]> allowed)
    {
        var state = new Dictionary<string, int>();
        string? Visit(string folder)
        {
            if (state.TryGetValue(folder, out var s))
            {
                return s == 1 ? folder : null;
            }

            state[folder] = 1;
            foreach (var below in allowed.TryGetValue(folder, out var list) ? list : [])
            {
                if (Visit(below) is { } found)
                {
                    return found;
                }
            }

            state[folder] = 2;
            return null;
        }

        return allowed.Keys.Select(Visit).FirstOrDefault(f => f is not null);
    }

    /// <summary>The sources of a project folder, bin/ and obj/ left out.</summary>
    public static IReadOnlyList<Source> Read(string project) =>
        Directory.GetFiles(project, "*.cs", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(project, f).Replace('\\', '/'))
            .Where(f => !f.StartsWith("bin/", StringComparison.Ordinal) && !f.StartsWith("obj/", StringComparison.Ordinal))
            .Select(f => new Source(f.Contains('/') ? f[..f.LastIndexOf('/')] : string.Empty, Path.GetFileName(f), File.ReadAllText(Path.Combine(project, f))))
            .ToList();

    private static string Show(string folder) => folder.Length == 0 ? "(root)" : folder;

    /// <summary>The text without comments and string contents, where type names are mentioned rather than used.</summary>
    private static string Code(string text) => StringLiteral().Replace(Comment().Replace(text, " "), "\"\"");

    [GeneratedRegex(@"\b(?:class|record|struct|interface|enum)\s+(?<name>[A-Z]\w*)")]
    private static partial Regex Declaration();

    [GeneratedRegex(@"(?<![\w])[A-Z]\w*")]
    private static partial Regex Identifier();

    [GeneratedRegex(@"//[^\n]*|/\*.*?\*/", RegexOptions.Singleline)]
    private static partial Regex Comment();

    [GeneratedRegex(@"@""(?:[^""]|"""")*""|""(?:[^""\\\n]|\\.)*""")]
    private static partial Regex StringLiteral();
}

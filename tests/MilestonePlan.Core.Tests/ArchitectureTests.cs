using System.Text.RegularExpressions;

namespace MilestonePlan.Core.Tests;

/// <summary>
/// The direction of dependencies inside Core (docs/architecture.md): each folder may use only the layers below it,
/// read from every `using MilestonePlan.Core.X` and `Core.X.` reference in its source files.
/// </summary>
[TestClass]
public sealed class ArchitectureTests
{
    private static readonly Dictionary<string, string[]> Allowed = new()
    {
        ["Diagnostics"] = [],
        ["Model"] = ["Diagnostics"],
        ["IO"] = ["Model", "Diagnostics"],
        ["Configuration"] = ["Diagnostics", "IO", "Model"],
        ["Parsing"] = ["Model", "Diagnostics"],
        ["Editing"] = ["Model", "Diagnostics", "Parsing"],
        ["Selection"] = ["Model", "Diagnostics", "Parsing"],
        ["Analysis"] = ["Model", "Diagnostics", "Parsing", "IO", "Configuration", "Selection"],
        ["Planning"] = ["Model", "Diagnostics", "Parsing", "IO", "Configuration", "Selection", "Analysis", "Editing"],
        ["Validation"] = ["Model", "Diagnostics", "Parsing", "IO", "Configuration", "Selection", "Analysis"],
    };

    // `using MilestonePlan.Core.X;`, `Core.X.Type`, and a layer named relatively inside Core (`Parsing.AsciiNumber`).
    private static readonly Regex Reference = new(
        @"(?:using\s+MilestonePlan\.Core\.|MilestonePlan\.Core\.|(?<![\w.])Core\.|(?<![\w.]))(?<layer>Diagnostics|Model|IO|Configuration|Parsing|Editing|Selection|Analysis|Planning|Validation)(?:\.[A-Z]|;)",
        RegexOptions.CultureInvariant);

    [TestMethod]
    public void Each_folder_of_Core_uses_only_the_layers_below_it()
    {
        var core = Path.Combine(RepositoryPaths.Root, "src", "MilestonePlan.Core");
        var folders = Directory.GetDirectories(core).Select(Path.GetFileName).Where(f => f is not ("bin" or "obj")).ToList();
        CollectionAssert.AreEquivalent(Allowed.Keys.ToList(), folders, "every folder has a place in the layering");

        var violations = new List<string>();
        foreach (var folder in folders)
        {
            foreach (var file in Directory.GetFiles(Path.Combine(core, folder!), "*.cs", SearchOption.AllDirectories))
            {
                var code = string.Join("\n", File.ReadAllLines(file).Where(l => !l.TrimStart().StartsWith("//", StringComparison.Ordinal)));
                foreach (Match match in Reference.Matches(code))
                {
                    var layer = match.Groups["layer"].Value;
                    if (layer != folder && Allowed.ContainsKey(layer) && !Allowed[folder!].Contains(layer))
                    {
                        violations.Add($"{folder}/{Path.GetFileName(file)} uses {layer}");
                    }
                }
            }
        }

        Assert.IsEmpty(violations, string.Join("\n", violations.Distinct()));
    }
}

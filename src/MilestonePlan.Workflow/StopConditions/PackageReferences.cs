using System.Xml.Linq;

namespace MilestonePlan.Workflow.StopConditions;

/// <summary>The package references an MSBuild file declares, compared before and after a change.</summary>
internal static class PackageReferences
{
    private static readonly HashSet<string> Elements = new(StringComparer.Ordinal)
    {
        "PackageReference", "PackageVersion", "GlobalPackageReference",
    };

    /// <summary>`Kind Include Version` entries; null when the XML cannot be read (the change then counts as a dependency change).</summary>
    public static IReadOnlyList<string>? Read(string? xml)
    {
        if (string.IsNullOrWhiteSpace(xml))
        {
            return [];
        }

        try
        {
            var document = XDocument.Parse(xml);
            return document.Descendants()
                .Where(e => Elements.Contains(e.Name.LocalName))
                .Select(e => $"{e.Name.LocalName} {Attribute(e, "Include") ?? Attribute(e, "Update")} {Attribute(e, "Version") ?? e.Elements().FirstOrDefault(c => c.Name.LocalName == "Version")?.Value}")
                .OrderBy(s => s, StringComparer.Ordinal)
                .ToList();
        }
        catch (System.Xml.XmlException)
        {
            return null;
        }
    }

    private static string? Attribute(XElement element, string name) => element.Attribute(name)?.Value;
}

using System.Text;
using System.Text.Json;
using MilestonePlan.Core.Diagnostics;

namespace MilestonePlan.Tasks.Reporting;

/// <summary>One <c>reportingDescriptor</c> per catalog entry: what a viewer shows next to a result.</summary>
internal static class SarifRules
{
    public static void Write(Utf8JsonWriter json, DiagnosticDescriptor rule)
    {
        json.WriteStartObject();
        json.WriteString("id", rule.Id);
        json.WriteString("name", Name(rule.Title));
        json.WriteStartObject("shortDescription");
        json.WriteString("text", ReportText.ScrubSurrogates(rule.Title));
        json.WriteEndObject();
        json.WriteStartObject("fullDescription");
        json.WriteString("text", ReportText.ScrubSurrogates(rule.Description));
        json.WriteEndObject();
        json.WriteString("helpUri", rule.HelpLink);
        json.WriteStartObject("defaultConfiguration");
        if (rule.DefaultSeverity == PlanSeverity.None)
        {
            json.WriteBoolean("enabled", false);
        }

        json.WriteString("level", SarifLog.Level(rule.DefaultSeverity));
        json.WriteEndObject();
        json.WriteStartObject("properties");
        json.WriteString("category", rule.Category);
        json.WriteEndObject();
        json.WriteEndObject();
    }

    /// <summary>
    /// SARIF suggests an identifier-like name ("RequiredPlanSectionIsMissingOrUnreadable"): the title's words in
    /// PascalCase, letters and digits only. Falls back to the title when nothing is left.
    /// </summary>
    public static string Name(string title)
    {
        var name = new StringBuilder(title.Length);
        var upper = true;
        foreach (var c in title)
        {
            if (char.IsLetterOrDigit(c))
            {
                name.Append(upper ? char.ToUpperInvariant(c) : c);
                upper = false;
            }
            else
            {
                upper = true;
            }
        }

        return name.Length == 0 ? ReportText.ScrubSurrogates(title) : name.ToString();
    }
}

using System.Globalization;

namespace MilestonePlan.Core.Diagnostics;

/// <summary>
/// A rule's identity, modelled on Roslyn's <c>DiagnosticDescriptor</c> so that the analyzer
/// front end can map it one to one.
/// </summary>
internal sealed record DiagnosticDescriptor(
    string Id,
    string Title,
    string MessageFormat,
    string Category,
    PlanSeverity DefaultSeverity,
    string Description)
{
    /// <summary>Where each rule's page lives; the package ships the same pages under docs/rules.</summary>
    public const string HelpLinkBase = "https://github.com/milestoneplan/milestoneplan/blob/main/docs/rules/";

    public string HelpLink => HelpLinkBase + Id + ".md";

    /// <summary>The same rule with the words of another situation it reports (see <see cref="RuleMessages"/>).</summary>
    public DiagnosticDescriptor WithMessage(string messageFormat) => this with { MessageFormat = messageFormat };

    public string Format(params object?[] args)
    {
        if (args.Length == 0)
        {
            return MessageFormat;
        }

        try
        {
            return string.Format(CultureInfo.InvariantCulture, MessageFormat, args);
        }
        catch (FormatException)
        {
            // A bad format must never take the build down; show the raw pieces instead.
            return MessageFormat + " (" + string.Join(", ", args) + ")";
        }
    }
}

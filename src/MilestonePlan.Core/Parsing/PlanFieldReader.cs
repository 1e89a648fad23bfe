using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using MilestonePlan.Core.Model;

namespace MilestonePlan.Core.Parsing;

/// <summary>
/// Reads the bold fields of a plan (`**Name:** value`, `**Name**: value`), one per line. In the Overview every field
/// is kept; elsewhere only the fields the tracking footer means (phase, current issue, last updated, status) are.
/// </summary>
internal sealed class PlanFieldReader(PlanParseContext context)
{
    public List<OverviewField> OverviewFields { get; } = [];

    public OverviewField? CurrentPhase { get; private set; }

    public OverviewField? CurrentIssue { get; private set; }

    public OverviewField? LastUpdated { get; private set; }

    public OverviewField? FooterStatus { get; private set; }

    /// <summary>The Current Phase block's `**Blockers:**`: what keeps the loop from going on, when nothing is eligible.</summary>
    public OverviewField? Blockers { get; private set; }

    /// <summary>Keeps the fields of a paragraph that mean something in the section <paramref name="kind"/>.</summary>
    public void Read(ParagraphBlock paragraph, SectionKind kind)
    {
        foreach (var field in Fields(paragraph))
        {
            if (kind == SectionKind.Overview)
            {
                OverviewFields.Add(field);
                context.Placeholders.Add(field.Value);
                continue;
            }

            switch (field.Key)
            {
                case FieldKeys.Phase when SectionClassifier.IsTracking(kind):
                    CurrentPhase = field;
                    context.Placeholders.Add(field.Value);
                    break;
                case FieldKeys.CurrentIssue:
                    CurrentIssue = field;
                    context.Placeholders.Add(field.Value);
                    break;
                case FieldKeys.Blockers when SectionClassifier.IsTracking(kind):
                    Blockers = field;
                    break;
                case FieldKeys.LastUpdated:
                    LastUpdated = field;
                    context.Placeholders.Add(field.Value);
                    break;
                case FieldKeys.Status when SectionClassifier.IsTracking(kind) || kind == SectionKind.Other:
                    FooterStatus = field;
                    break;
                case "goal" when kind == SectionKind.Phase:
                    context.Placeholders.Add(field.Value);
                    break;
            }
        }
    }

    /// <summary>Every bold field of a paragraph, in order, whatever the section.</summary>
    public IEnumerable<OverviewField> Fields(ParagraphBlock paragraph)
    {
        // Fields start with bold text; most paragraphs are prose and are not split into lines at all.
        if (!HasStrong(paragraph.Inline))
        {
            yield break;
        }

        var map = context.Map;
        foreach (var line in InlineLines.All(paragraph.Inline))
        {
            var at = 0;
            while (at < line.Count && line[at] is LiteralInline literal && literal.Content.IsEmptyOrWhitespace())
            {
                at++;
            }

            if (at == line.Count || line[at] is not EmphasisInline { DelimiterCount: 2 } strong)
            {
                continue;
            }

            var name = InlineText.Of(strong);
            var rest = line.GetRange(at + 1, line.Count - at - 1);
            var restText = InlineText.OfAll(rest);
            if (name.EndsWith(":", StringComparison.Ordinal))
            {
                name = name.Substring(0, name.Length - 1).TrimEnd();
            }
            else if (restText.StartsWith(":", StringComparison.Ordinal))
            {
                restText = restText.Substring(1).TrimStart();
            }
            else
            {
                continue;
            }

            if (name.Length == 0 || name.Length > 40)
            {
                continue;
            }

            // The value's text drops what its span drops (whitespace and colons at either end, `**Status**:: x`),
            // so an edit that replaces the span reads back as exactly the value written.
            restText = restText.Trim().Trim(':').Trim();
            var nameCell = context.Cells.Cell(strong, strong.Span);
            var valueStart = strong.Span.End + 1;
            var valueEnd = strong.Span.End;
            if (rest.Count > 0)
            {
                valueEnd = int.MinValue;
                foreach (var inline in rest)
                {
                    valueEnd = Math.Max(valueEnd, inline.Span.End);
                }
            }

            var trimmed = map.Trim(valueStart, valueEnd, ":");
            var value = trimmed is { } t
                ? new TextCell(restText, map.Slice(t.Start, t.End), map.Span(t.Start, t.End))
                : new TextCell(string.Empty, string.Empty, map.Span(strong.Span.End, strong.Span.End));
            yield return new OverviewField(name, FieldKeys.Normalize(name), nameCell, value);
        }
    }

    private static bool HasStrong(ContainerInline? container)
    {
        for (var child = container?.FirstChild; child is not null; child = child.NextSibling)
        {
            if (child is EmphasisInline { DelimiterCount: 2 })
            {
                return true;
            }
        }

        return false;
    }
}

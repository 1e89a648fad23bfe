using Markdig;
using Markdig.Extensions.TaskLists;
using Markdig.Extensions.Yaml;
using Markdig.Syntax;
using MilestonePlan.Core.Diagnostics;
using MilestonePlan.Core.Model;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace MilestonePlan.Core.Parsing;

/// <summary>Reads an issue spec: YAML front matter with positions, title, done definition, acceptance criteria.</summary>
public static class SpecParser
{
    public static IssueSpec Parse(string path, string text)
    {
        var source = MarkdownPipelines.StripBom(text);
        var map = new SourceMap(source);
        if (!MarkdownPipelines.TryParse(source, out var document, out var error))
        {
            var failure = PlanDiagnostic.Create(Rules.MP2004, path, Diagnostics.SourceSpan.FileStart, "The spec cannot be read: " + error);
            return new IssueSpec(path, new Dictionary<string, FrontMatterValue>(), null, null, null, null, null, [], failure);
        }

        var frontMatter = new Dictionary<string, FrontMatterValue>(StringComparer.OrdinalIgnoreCase);
        Diagnostics.SourceSpan? frontMatterSpan = null;
        PlanDiagnostic? frontMatterError = null;
        if (document.FirstOrDefault() is YamlFrontMatterBlock yaml)
        {
            frontMatterSpan = map.Span(yaml.Span.Start, yaml.Span.End);
            frontMatterError = ReadFrontMatter(path, map, yaml, frontMatter);
        }

        TextCell? title = null;
        TextCell? done = null;
        TextCell? acceptance = null;
        var acceptanceLevel = 0;
        var items = new List<TextCell>();
        foreach (var block in document)
        {
            if (block is HeadingBlock heading)
            {
                var cell = HeadingCell(map, heading);
                var name = cell.Text.ToLowerInvariant().TrimEnd(':');
                if (acceptance is not null && acceptanceLevel > 0 && heading.Level <= acceptanceLevel)
                {
                    acceptanceLevel = 0;
                }

                if (heading.Level == 1 && title is null)
                {
                    title = cell;
                }
                else if (done is null && (name is "done" or "done definition" or "definition of done" or "done when" or "done criteria"))
                {
                    done = cell;
                }
                else if (acceptance is null && name.Contains("acceptance criteria"))
                {
                    acceptance = cell;
                    acceptanceLevel = heading.Level;
                }

                continue;
            }

            if (acceptanceLevel > 0 && block is ListBlock list)
            {
                CollectCheckboxes(map, list, items, depth: 0);
            }
        }

        return new IssueSpec(path, frontMatter, frontMatterSpan, frontMatterError, title, done, acceptance, items, null);
    }

    private static void CollectCheckboxes(SourceMap map, ListBlock list, List<TextCell> items, int depth)
    {
        if (depth > 16)
        {
            return;
        }

        foreach (var item in list.OfType<ListItemBlock>())
        {
            if (item.FirstOrDefault() is ParagraphBlock { Inline.FirstChild: TaskList } paragraph)
            {
                var text = InlineText.Of(paragraph.Inline);
                var trimmed = map.Trim(paragraph.Span.Start, paragraph.Span.End) ?? (paragraph.Span.Start, paragraph.Span.Start);
                items.Add(new TextCell(text, map.Slice(trimmed.Start, trimmed.End), map.Span(trimmed.Start, trimmed.End)));
            }

            foreach (var nested in item.OfType<ListBlock>())
            {
                CollectCheckboxes(map, nested, items, depth + 1);
            }
        }
    }

    private static TextCell HeadingCell(SourceMap map, HeadingBlock heading)
    {
        var text = InlineText.Of(heading.Inline);
        var trimmed = map.Trim(heading.Span.Start, heading.Span.End) ?? (heading.Span.Start, heading.Span.Start);
        return new TextCell(text, map.Slice(trimmed.Start, trimmed.End), map.Span(trimmed.Start, trimmed.End));
    }

    private static PlanDiagnostic? ReadFrontMatter(string path, SourceMap map, YamlFrontMatterBlock block, Dictionary<string, FrontMatterValue> values)
    {
        // The YAML text is the block's lines between the two `---` fences; YamlDotNet marks are relative to it.
        var firstLine = map.LineOf(block.Span.Start) + 1;
        var lastLine = map.LineOf(block.Span.End) - 1;
        if (lastLine < firstLine)
        {
            return null;
        }

        var yamlText = map.Slice(map.LineStart(firstLine), map.LineEnd(lastLine) - 1);
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(yamlText));
            if (stream.Documents.Count == 0)
            {
                return null;
            }

            if (stream.Documents[0].RootNode is not YamlMappingNode root)
            {
                return PlanDiagnostic.Create(Rules.MP2005, path, map.Span(block.Span.Start, block.Span.Start),
                    "Front matter is not a set of 'key: value' lines");
            }

            foreach (var pair in root.Children)
            {
                if (pair.Key is not YamlScalarNode { Value: { } key })
                {
                    continue;
                }

                var span = new Diagnostics.SourceSpan(
                    (int)pair.Key.Start.Line + firstLine - 1, (int)pair.Key.Start.Column,
                    (int)pair.Value.End.Line + firstLine - 1, Math.Max(1, (int)pair.Value.End.Column - 1));
                values[key] = pair.Value switch
                {
                    YamlScalarNode scalar => new FrontMatterValue(scalar.Value, null, span),
                    YamlSequenceNode sequence => new FrontMatterValue(null,
                        sequence.Children.Select(c => c is YamlScalarNode s ? s.Value ?? string.Empty : c.ToString()).ToList(), span),
                    _ => new FrontMatterValue(pair.Value.ToString(), null, span),
                };
            }

            return null;
        }
        catch (YamlException e)
        {
            var line = (int)e.Start.Line + firstLine - 1;
            return PlanDiagnostic.Create(Rules.MP2005, path, Diagnostics.SourceSpan.At(Math.Max(line, 1), Math.Max(1, (int)e.Start.Column)),
                "Front matter cannot be read: " + FirstSentence(e.Message));
        }
    }

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOfAny(['\r', '\n']);
        return (cut > 0 ? message.Substring(0, cut) : message).Trim();
    }
}

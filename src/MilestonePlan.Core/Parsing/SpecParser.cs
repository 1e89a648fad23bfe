using Markdig;
using Markdig.Extensions.TaskLists;
using Markdig.Extensions.Yaml;
using Markdig.Syntax;
using MilestonePlan.Core.Diagnostics;
using MilestonePlan.Core.Model;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace MilestonePlan.Core.Parsing;

/// <summary>Reads an issue spec: YAML front matter with positions, title, done definition, acceptance criteria.</summary>
internal static class SpecParser
{
    public static IssueSpec Parse(string path, string text)
    {
        var source = MarkdownPipelines.StripBom(text);
        var map = new SourceMap(source);
        if (!MarkdownPipelines.TryParse(source, out var document, out var error))
        {
            var failure = PlanDiagnostic.Create(RuleMessages.MP2004Unreadable, path, Diagnostics.SourceSpan.FileStart, error);
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
        if (FlatFrontMatter.TryRead(yamlText, firstLine, values))
        {
            return null;
        }

        return ReadWithYamlDotNet(path, map, block, yamlText, firstLine, values);
    }

    /// <summary>The general reader, for everything the flat fast path declines.</summary>
    internal static PlanDiagnostic? ReadWithYamlDotNet(string path, SourceMap? map, YamlFrontMatterBlock? block, string yamlText, int firstLine,
        Dictionary<string, FrontMatterValue> values)
    {
        try
        {
            // The event parser, not the representation model: front matter is a flat map of scalars and
            // short lists, and this runs for every spec on every build.
            var parser = new Parser(new StringReader(yamlText));
            parser.Consume<StreamStart>();
            if (parser.Accept<StreamEnd>(out _) || !parser.TryConsume<DocumentStart>(out _))
            {
                return null;
            }

            if (!parser.TryConsume<MappingStart>(out _))
            {
                return parser.Accept<Scalar>(out var empty) && string.IsNullOrEmpty(empty.Value)
                    ? null
                    : PlanDiagnostic.Create(RuleMessages.MP2005NotMapping, path, (map is null || block is null ? Diagnostics.SourceSpan.FileStart : map.Span(block.Span.Start, block.Span.Start)));
            }

            while (!parser.TryConsume<MappingEnd>(out _))
            {
                if (!parser.TryConsume<Scalar>(out var key))
                {
                    parser.SkipThisAndNestedEvents();
                    parser.SkipThisAndNestedEvents();
                    continue;
                }

                var start = key.Start;
                if (parser.TryConsume<Scalar>(out var scalar))
                {
                    values[key.Value] = new FrontMatterValue(scalar.Value, null, Span(start, scalar.End, firstLine));
                }
                else if (parser.TryConsume<SequenceStart>(out _))
                {
                    var items = new List<string>();
                    while (!parser.Accept<SequenceEnd>(out _))
                    {
                        if (parser.TryConsume<Scalar>(out var item))
                        {
                            items.Add(item.Value);
                        }
                        else
                        {
                            parser.SkipThisAndNestedEvents();
                        }
                    }

                    var end = parser.Consume<SequenceEnd>();
                    values[key.Value] = new FrontMatterValue(null, items, Span(start, end.End, firstLine));
                }
                else
                {
                    parser.SkipThisAndNestedEvents();
                    values[key.Value] = new FrontMatterValue(null, null, Span(start, start, firstLine));
                }
            }

            return null;
        }
        catch (YamlException e)
        {
            var line = (int)e.Start.Line + firstLine - 1;
            return PlanDiagnostic.Create(RuleMessages.MP2005Unreadable, path, Diagnostics.SourceSpan.At(Math.Max(line, 1), Math.Max(1, (int)e.Start.Column)),
                FirstSentence(e.Message));
        }
        catch (Exception e)
        {
            // YamlDotNet's scanner can fail outside its own exception type on truncated or odd input
            // (InvalidOperationException, FormatException, EndOfStreamException for `labels: ["a"]**S:**`, ...).
            // Front matter is the author's text, so whatever the library throws means "unreadable", never a crash.
            return PlanDiagnostic.Create(RuleMessages.MP2005Unreadable, path, (map is null || block is null ? Diagnostics.SourceSpan.FileStart : map.Span(block.Span.Start, block.Span.Start)),
                FirstSentence(e.Message));
        }
    }

    private static Diagnostics.SourceSpan Span(Mark start, Mark end, int firstLine) => new(
        (int)start.Line + firstLine - 1, (int)start.Column,
        Math.Max((int)end.Line, (int)start.Line) + firstLine - 1, Math.Max(1, (int)end.Column - 1));

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOfAny(['\r', '\n']);
        return (cut > 0 ? message.Substring(0, cut) : message).Trim();
    }
}

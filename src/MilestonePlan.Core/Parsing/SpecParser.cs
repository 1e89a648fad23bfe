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
        if (NestingLimit.Check(source) is null && SimpleSpec.TryRead(path, map) is { } simple)
        {
            return simple;
        }

        return ParseWithMarkdig(path, source, map);
    }

    /// <summary>The general reader: Markdig's syntax tree. <see cref="SimpleSpec"/> agrees with it wherever it answers.</summary>
    internal static IssueSpec ParseWithMarkdig(string path, string source, SourceMap map)
    {
        if (!MarkdownPipelines.TryParse(source, MarkdownPipelines.Spec, out var document, out var error, out var tooManyPipes))
        {
            var failure = PlanDiagnostic.Create(RuleMessages.MP2004Unreadable, path, tooManyPipes?.Span(map) ?? Diagnostics.SourceSpan.FileStart, error);
            return new IssueSpec(path, new Dictionary<string, FrontMatterValue>(), null, null, null, null, null, [], failure);
        }

        var frontMatter = new Dictionary<string, FrontMatterValue>(StringComparer.OrdinalIgnoreCase);
        Diagnostics.SourceSpan? frontMatterSpan = null;
        PlanDiagnostic? frontMatterError = null;
        if (document.FirstOrDefault() is YamlFrontMatterBlock yaml)
        {
            frontMatterSpan = map.Span(yaml.Span.Start, yaml.Span.End);
            frontMatterError = ReadFrontMatter(path, map, yaml.Span.Start, yaml.Span.End, frontMatter);
        }

        var sections = new Sections();
        foreach (var block in document)
        {
            if (block is HeadingBlock heading)
            {
                sections.Heading(heading.Level, HeadingCell(map, heading));
                continue;
            }

            if (sections.Collecting && block is ListBlock list)
            {
                CollectCheckboxes(map, list, sections.Items, depth: 0);
            }
        }

        return sections.Build(path, frontMatter, frontMatterSpan, frontMatterError);
    }

    /// <summary>Title, done definition, acceptance criteria and its checkboxes, from the headings and lists in order.</summary>
    internal sealed class Sections
    {
        private TextCell? title;
        private TextCell? done;
        private TextCell? acceptance;
        private int acceptanceLevel;

        public List<TextCell> Items { get; } = [];

        /// <summary>True while under the Acceptance Criteria heading: checkbox items of lists here count.</summary>
        public bool Collecting => acceptanceLevel > 0;

        public void Heading(int level, TextCell cell)
        {
            if (acceptance is not null && acceptanceLevel > 0 && level <= acceptanceLevel)
            {
                acceptanceLevel = 0;
            }

            if (level == 1 && title is null)
            {
                title = cell;
            }
            else if (done is null && IsDoneHeading(cell.Text))
            {
                done = cell;
            }
            else if (acceptance is null && IsAcceptanceHeading(cell.Text))
            {
                acceptance = cell;
                acceptanceLevel = level;
            }
        }

        // Headings are compared in lower case. An ASCII heading (nearly all) is compared ignoring ASCII case, which is
        // the same answer without a lower-cased copy; any other goes through ToLowerInvariant, whose mappings into
        // ASCII (the Kelvin sign to `k`, ...) decide then as they always did.
        private static bool IsDoneHeading(string text)
        {
            if (!IsAscii(text))
            {
                return text.ToLowerInvariant().TrimEnd(':') is "done" or "done definition" or "definition of done" or "done when" or "done criteria";
            }

            var length = text.Length;
            while (length > 0 && text[length - 1] == ':')
            {
                length--;
            }

            return Is(text, length, "done") || Is(text, length, "done definition") || Is(text, length, "definition of done")
                || Is(text, length, "done when") || Is(text, length, "done criteria");
        }

        private static bool IsAcceptanceHeading(string text) => IsAscii(text)
            ? text.IndexOf("acceptance criteria", StringComparison.OrdinalIgnoreCase) >= 0
            : text.ToLowerInvariant().TrimEnd(':').Contains("acceptance criteria");

        private static bool Is(string text, int length, string name) =>
            length == name.Length && string.Compare(text, 0, name, 0, length, StringComparison.OrdinalIgnoreCase) == 0;

        private static bool IsAscii(string text)
        {
            foreach (var c in text)
            {
                if (c >= 0x80)
                {
                    return false;
                }
            }

            return true;
        }

        public IssueSpec Build(string path, Dictionary<string, FrontMatterValue> frontMatter, Diagnostics.SourceSpan? frontMatterSpan,
            PlanDiagnostic? frontMatterError) =>
            new(path, frontMatter, frontMatterSpan, frontMatterError, title, done, acceptance, Items, null);
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

    /// <summary>Reads the front matter block at [<paramref name="blockStart"/>, <paramref name="blockEnd"/>] (its fences included).</summary>
    internal static PlanDiagnostic? ReadFrontMatter(string path, SourceMap map, int blockStart, int blockEnd, Dictionary<string, FrontMatterValue> values)
    {
        // The YAML text is the block's lines between the two `---` fences; YamlDotNet marks are relative to it.
        var firstLine = map.LineOf(blockStart) + 1;
        var lastLine = map.LineOf(blockEnd) - 1;
        if (lastLine < firstLine)
        {
            return null;
        }

        var yamlStart = map.LineStart(firstLine);
        var yamlEnd = map.LineEnd(lastLine);
        if (FlatFrontMatter.TryRead(map.Text, yamlStart, yamlEnd, firstLine, values))
        {
            return null;
        }

        var yamlText = map.Slice(yamlStart, yamlEnd - 1);
        return ReadWithYamlDotNet(path, map, blockStart, yamlStart, yamlText, firstLine, values);
    }

    /// <summary>The general reader, for everything the flat fast path declines.</summary>
    internal static PlanDiagnostic? ReadWithYamlDotNet(string path, SourceMap? map, YamlFrontMatterBlock? block, string yamlText, int firstLine,
        Dictionary<string, FrontMatterValue> values) =>
        ReadWithYamlDotNet(path, block is null ? null : map, block?.Span.Start ?? 0, -1, yamlText, firstLine, values);

    /// <summary>
    /// As above; <paramref name="map"/> null reports a problem of the whole block at the file start. With
    /// <paramref name="yamlStart"/> (the offset of <paramref name="yamlText"/> in the map's text), positions are the
    /// file's lines: YAML also ends lines at U+0085, U+2028 and U+2029, Markdig does not, so YamlDotNet's own line
    /// numbers name other lines of the file once one of them appears (an editor writing there overwrote a wrong line).
    /// </summary>
    private static PlanDiagnostic? ReadWithYamlDotNet(string path, SourceMap? map, int blockStart, int yamlStart, string yamlText, int firstLine,
        Dictionary<string, FrontMatterValue> values)
    {
        Diagnostics.SourceSpan Span(Mark start, Mark end, int firstLine) => map is not null && yamlStart >= 0
            ? map.Span(yamlStart + (int)start.Index, Math.Max(yamlStart + (int)start.Index, yamlStart + (int)end.Index - 1))
            : LineSpan(start, end, firstLine);

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
                    : PlanDiagnostic.Create(RuleMessages.MP2005NotMapping, path, (map is null ? Diagnostics.SourceSpan.FileStart : map.Span(blockStart, blockStart)));
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
            var at = map is not null && yamlStart >= 0
                ? map.Span(yamlStart + (int)Math.Min(e.Start.Index, yamlText.Length), yamlStart + (int)Math.Min(e.Start.Index, yamlText.Length))
                : Diagnostics.SourceSpan.At(Math.Max(line, 1), Math.Max(1, (int)e.Start.Column));
            return PlanDiagnostic.Create(RuleMessages.MP2005Unreadable, path, at, FirstSentence(e.Message));
        }
        catch (Exception e)
        {
            // YamlDotNet's scanner can fail outside its own exception type on truncated or odd input
            // (InvalidOperationException, FormatException, EndOfStreamException for `labels: ["a"]**S:**`, ...).
            // Front matter is the author's text, so whatever the library throws means "unreadable", never a crash.
            return PlanDiagnostic.Create(RuleMessages.MP2005Unreadable, path, (map is null ? Diagnostics.SourceSpan.FileStart : map.Span(blockStart, blockStart)),
                FirstSentence(e.Message));
        }
    }

    private static Diagnostics.SourceSpan LineSpan(Mark start, Mark end, int firstLine) => new(
        (int)start.Line + firstLine - 1, (int)start.Column,
        Math.Max((int)end.Line, (int)start.Line) + firstLine - 1, Math.Max(1, (int)end.Column - 1));

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOfAny(['\r', '\n']);
        return (cut > 0 ? message.Substring(0, cut) : message).Trim();
    }
}

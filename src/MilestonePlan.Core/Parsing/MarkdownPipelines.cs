using Markdig;
using Markdig.Parsers;
using Markdig.Syntax;

namespace MilestonePlan.Core.Parsing;

/// <summary>The one Markdig pipeline every parser uses: tables, task lists, front matter, exact inline positions.</summary>
internal static class MarkdownPipelines
{
    public static MarkdownPipeline Plan { get; } = WithPipeLimit(Builder()).Build();

    /// <summary>
    /// <see cref="Plan"/> with the plan reader's shortcuts: simple pipe tables at the top level and simple list items are
    /// left unparsed for <see cref="SimpleTable"/> and <see cref="SimpleListItem"/> (the same model, without Markdig's
    /// inline parse of them).
    /// </summary>
    public static MarkdownPipeline PlanWithSimpleTables { get; } = WithPipeLimit(WithSimpleTables(Builder(), listItems: true)).Build();

    /// <summary>
    /// <see cref="Plan"/> for specs: a simple pipe table at the top level is left unparsed, as the spec reader reads only
    /// front matter, headings and lists (the spec of a 256 KiB table row then costs a line scan, not Markdig's table).
    /// </summary>
    public static MarkdownPipeline Spec { get; } = WithPipeLimit(WithSimpleTables(Builder(), listItems: false)).Build();

    private static MarkdownPipelineBuilder Builder() => new MarkdownPipelineBuilder()
        .UsePipeTables()
        .UseTaskLists()
        .UseYamlFrontMatter()
        .UsePreciseSourceLocation();

    private static MarkdownPipelineBuilder WithSimpleTables(MarkdownPipelineBuilder builder, bool listItems)
    {
        var paragraphs = builder.BlockParsers.FindExact<ParagraphBlockParser>()!;
        paragraphs.Closed += SimpleTable.OnParagraphClosed;
        if (listItems)
        {
            paragraphs.Closed += SimpleListItem.OnParagraphClosed;
        }

        return builder;
    }

    /// <summary>Every pipeline refuses a file with too many pipes outside simple tables (after the simple readers' hooks).</summary>
    private static MarkdownPipelineBuilder WithPipeLimit(MarkdownPipelineBuilder builder)
    {
        builder.BlockParsers.FindExact<ParagraphBlockParser>()!.Closed += PipeLimit.OnParagraphClosed;
        return builder;
    }

    /// <summary>
    /// Parses, turning Markdig's refusal of absurd input (nesting past its depth limit) into a reason
    /// instead of an exception. Nesting that Markdig would accept but take seconds over is refused before
    /// Markdig sees it (see <see cref="NestingLimit"/>), and so are pipes past <see cref="PipeLimit.MaxPipes"/> before
    /// Markdig parses them; the callers report each as an unreadable file.
    /// </summary>
    public static bool TryParse(string source, out MarkdownDocument document, out string error) =>
        TryParse(source, Plan, out document, out error);

    public static bool TryParse(string source, MarkdownPipeline pipeline, out MarkdownDocument document, out string error) =>
        TryParse(source, pipeline, out document, out error, out _);

    /// <summary>The same, with the line a refusal of too many pipes names (<see cref="PipeLimit"/>), for its position.</summary>
    public static bool TryParse(string source, MarkdownPipeline pipeline, out MarkdownDocument document, out string error, out PipeRefusal? tooManyPipes)
    {
        tooManyPipes = null;
        if (NestingLimit.Check(source) is { } tooDeep)
        {
            document = new MarkdownDocument();
            error = tooDeep;
            return false;
        }

        try
        {
            document = Markdown.Parse(source, pipeline);
        }
        catch (ArgumentException e)
        {
            document = new MarkdownDocument();
            error = e.Message;
            return false;
        }

        if (PipeLimit.RefusalOf(document) is { } refusal)
        {
            // The parse stopped reading pipes part way: what it built is not the document, so none of it is read.
            document = new MarkdownDocument();
            error = refusal.Reason;
            tooManyPipes = refusal;
            return false;
        }

        error = string.Empty;
        return true;
    }

    /// <summary>A UTF-8 byte order mark that survived decoding is not content; positions count after it.</summary>
    public static string StripBom(string text) =>
        text.Length > 0 && text[0] == '\uFEFF' ? text.Substring(1) : text;
}

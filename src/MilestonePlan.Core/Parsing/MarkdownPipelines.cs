using Markdig;
using Markdig.Parsers;
using Markdig.Syntax;

namespace MilestonePlan.Core.Parsing;

/// <summary>The one Markdig pipeline every parser uses: tables, task lists, front matter, exact inline positions.</summary>
internal static class MarkdownPipelines
{
    public static MarkdownPipeline Plan { get; } = Builder().Build();

    /// <summary>
    /// <see cref="Plan"/> with the plan reader's shortcuts: simple pipe tables at the top level and simple list items are
    /// left unparsed for <see cref="SimpleTable"/> and <see cref="SimpleListItem"/> (the same model, without Markdig's
    /// inline parse of them).
    /// </summary>
    public static MarkdownPipeline PlanWithSimpleTables { get; } = WithSimpleTables(Builder()).Build();

    private static MarkdownPipelineBuilder Builder() => new MarkdownPipelineBuilder()
        .UsePipeTables()
        .UseTaskLists()
        .UseYamlFrontMatter()
        .UsePreciseSourceLocation();

    private static MarkdownPipelineBuilder WithSimpleTables(MarkdownPipelineBuilder builder)
    {
        var paragraphs = builder.BlockParsers.FindExact<ParagraphBlockParser>()!;
        paragraphs.Closed += SimpleTable.OnParagraphClosed;
        paragraphs.Closed += SimpleListItem.OnParagraphClosed;
        return builder;
    }

    /// <summary>
    /// Parses, turning Markdig's refusal of absurd input (nesting past its depth limit) into a reason
    /// instead of an exception. Nesting that Markdig would accept but take seconds over is refused before
    /// Markdig sees it (see <see cref="NestingLimit"/>); the callers report both as an unreadable file.
    /// </summary>
    public static bool TryParse(string source, out MarkdownDocument document, out string error) =>
        TryParse(source, Plan, out document, out error);

    public static bool TryParse(string source, MarkdownPipeline pipeline, out MarkdownDocument document, out string error)
    {
        if (NestingLimit.Check(source) is { } tooDeep)
        {
            document = new MarkdownDocument();
            error = tooDeep;
            return false;
        }

        try
        {
            document = Markdown.Parse(source, pipeline);
            error = string.Empty;
            return true;
        }
        catch (ArgumentException e)
        {
            document = new MarkdownDocument();
            error = e.Message;
            return false;
        }
    }

    /// <summary>A UTF-8 byte order mark that survived decoding is not content; positions count after it.</summary>
    public static string StripBom(string text) =>
        text.Length > 0 && text[0] == '\uFEFF' ? text.Substring(1) : text;
}

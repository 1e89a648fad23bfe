using Markdig;

namespace MilestonePlan.Core.Parsing;

/// <summary>The one Markdig pipeline every parser uses: tables, task lists, front matter, exact inline positions.</summary>
internal static class MarkdownPipelines
{
    public static MarkdownPipeline Plan { get; } = new MarkdownPipelineBuilder()
        .UsePipeTables()
        .UseTaskLists()
        .UseYamlFrontMatter()
        .UsePreciseSourceLocation()
        .Build();

    /// <summary>A UTF-8 byte order mark that survived decoding is not content; positions count after it.</summary>
    public static string StripBom(string text) =>
        text.Length > 0 && text[0] == '\uFEFF' ? text.Substring(1) : text;
}

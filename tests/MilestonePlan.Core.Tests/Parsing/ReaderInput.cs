using Markdig.Syntax;
using MilestonePlan.Core.Parsing;

namespace MilestonePlan.Core.Tests.Readers;

/// <summary>A small plan text parsed the way <see cref="PlanParser"/> parses it, for testing one reader at a time.</summary>
/// <remarks>
/// The namespace is not `...Tests.Parsing`: existing tests in `MilestonePlan.Core.Tests` write `Parsing.PlanParser`,
/// which a `MilestonePlan.Core.Tests.Parsing` namespace would capture.
/// </remarks>
internal static class ReaderInput
{
    public static (PlanParseContext Context, MarkdownDocument Document) Parse(string text)
    {
        Assert.IsTrue(MarkdownPipelines.TryParse(text, out var document, out var error), error);
        return (new PlanParseContext("plan.md", new SourceMap(text)), document);
    }

    public static string Lines(params string[] lines) => string.Join("\n", lines);
}

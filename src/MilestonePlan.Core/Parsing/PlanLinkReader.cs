using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using MilestonePlan.Core.Model;

namespace MilestonePlan.Core.Parsing;

/// <summary>
/// Collects the files a plan points at: relative Markdown links anywhere, and the code spans of the required-reads
/// list (repository-relative paths written as `code`). Links to anchors, URLs and mail addresses are not files.
/// </summary>
internal sealed class PlanLinkReader(PlanParseContext context)
{
    public void Collect(ContainerInline? inline)
    {
        if (inline is null || !HasLink(inline, 0))
        {
            return;
        }

        foreach (var link in Inlines(inline).OfType<LinkInline>())
        {
            var url = link.Url ?? string.Empty;
            if (link.IsImage || url.Length == 0 || url.StartsWith("#", StringComparison.Ordinal) || url.Contains("://")
                || url.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var hash = url.IndexOf('#');
            var target = Uri.UnescapeDataString(hash >= 0 ? url.Substring(0, hash) : url);
            if (target.Length > 0)
            {
                context.Links.Add(new PlanLink(target, context.Cells.Cell(link, link.Span), IsRepositoryRelative: false));
            }
        }
    }

    /// <summary>Every code span of a required-reads item names a repository-relative file.</summary>
    public void CollectRequiredReads(ParagraphBlock paragraph)
    {
        foreach (var code in Inlines(paragraph.Inline).OfType<CodeInline>())
        {
            context.Links.Add(new PlanLink(code.Content, context.Cells.Cell(code, code.Span), IsRepositoryRelative: true));
        }
    }

    /// <summary>Cheap test first: most paragraphs have no link, and are then not walked at all.</summary>
    private static bool HasLink(ContainerInline container, int depth)
    {
        for (var child = container.FirstChild; child is not null; child = child.NextSibling)
        {
            if (child is LinkInline || (child is ContainerInline nested && depth < 64 && HasLink(nested, depth + 1)))
            {
                return true;
            }
        }

        return false;
    }

    private static IEnumerable<Inline> Inlines(ContainerInline? root)
    {
        if (root is null)
        {
            yield break;
        }

        // Iterative walk: hostile input nests emphasis and links deeply.
        var stack = new Stack<Inline>();
        for (var child = root.LastChild; child is not null; child = child.PreviousSibling)
        {
            stack.Push(child);
        }

        while (stack.Count > 0)
        {
            var inline = stack.Pop();
            yield return inline;
            if (inline is ContainerInline container)
            {
                for (var child = container.LastChild; child is not null; child = child.PreviousSibling)
                {
                    stack.Push(child);
                }
            }
        }
    }
}

using MilestonePlan.Core.Model;

namespace MilestonePlan.Core.Parsing;

/// <summary>Reads a state from the glyphs and words real plans use (with or without U+FE0F).</summary>
internal static class StatusText
{
    /// <summary>Only glyphs: for lines whose words are an issue title ("Open source licence" is not a state).</summary>
    public static IssueState? ParseGlyph(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        var s = text!;
        return s switch
        {
            _ when s.Contains("✅") || s.Contains("✔") || s.Contains("☑") => IssueState.Done,
            _ when s.Contains("⛔") || s.Contains("🛑") => IssueState.Stopped,
            _ when s.Contains("⏭") => IssueState.Skipped,
            _ when s.Contains("🔄") || s.Contains("🚧") => IssueState.InProgress,
            _ => null,
        };
    }

    public static IssueState? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var s = text!;
        if (s.Contains("✅") || s.Contains("✓") || s.Contains("✔") || s.Contains("☑"))
        {
            return IssueState.Done;
        }

        if (s.Contains("⛔") || s.Contains("🛑"))
        {
            return IssueState.Stopped;
        }

        if (s.Contains("⏭"))
        {
            return IssueState.Skipped;
        }

        if (s.Contains("🔄") || s.Contains("⏳") || s.Contains("🚧"))
        {
            return IssueState.InProgress;
        }

        var words = InlineText.Normalize(s).ToLowerInvariant();
        return words switch
        {
            _ when ContainsWord(words, "done") || ContainsWord(words, "complete") || ContainsWord(words, "completed")
                || ContainsWord(words, "merged") => IssueState.Done,
            _ when words.Contains("needs review") || ContainsWord(words, "stop") || ContainsWord(words, "stopped")
                || ContainsWord(words, "blocked") => IssueState.Stopped,
            _ when ContainsWord(words, "skipped") => IssueState.Skipped,
            _ when words.Contains("in progress") || ContainsWord(words, "wip") => IssueState.InProgress,
            _ when words.Contains("pr open") || words.Contains("open pr") || words.Contains("in review") => IssueState.OpenPullRequest,
            _ when s.Contains("⬜") || ContainsWord(words, "open") || ContainsWord(words, "todo")
                || words.Contains("not started") || ContainsWord(words, "pending") => IssueState.Open,
            _ => null,
        };
    }

    private static bool ContainsWord(string text, string word)
    {
        var index = 0;
        while ((index = text.IndexOf(word, index, StringComparison.Ordinal)) >= 0)
        {
            var before = index == 0 || !char.IsLetter(text[index - 1]);
            var afterIndex = index + word.Length;
            var after = afterIndex >= text.Length || !char.IsLetter(text[afterIndex]);
            if (before && after)
            {
                return true;
            }

            index = afterIndex;
        }

        return false;
    }
}

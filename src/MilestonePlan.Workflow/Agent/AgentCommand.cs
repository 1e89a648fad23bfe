using System.Text;

namespace MilestonePlan.Workflow.Agent;

/// <summary>
/// The coding agent's command line (MilestonePlanAgentCommand): split into arguments once, the way a POSIX shell
/// splits words (double and single quotes, backslash escapes; no expansion of any kind), then the placeholders are
/// replaced inside each argument. Values come from the plan, which is untrusted: they are never split again and never
/// reach a shell, so a title such as <c>"; rm -rf ~</c> is one argument of the agent, as written.
/// </summary>
internal sealed record AgentCommand(string Program, IReadOnlyList<string> Arguments)
{
    /// <summary>The placeholders, and the environment variable carrying the same value.</summary>
    public static readonly IReadOnlyList<(string Placeholder, string Variable)> Values =
    [
        ("{issue}", "MILESTONEPLAN_ISSUE"), ("{github}", "MILESTONEPLAN_GITHUB_ISSUE"), ("{spec}", "MILESTONEPLAN_SPEC"),
        ("{title}", "MILESTONEPLAN_TITLE"), ("{branch}", "MILESTONEPLAN_BRANCH"), ("{base}", "MILESTONEPLAN_BASE"),
        ("{plan}", "MILESTONEPLAN_PLAN"), ("{milestone}", "MILESTONEPLAN_MILESTONE"),
    ];

    /// <summary>The command with the values in place; null with a reason when the text is not a command.</summary>
    public static (AgentCommand? Command, string? Problem) Parse(string text, IReadOnlyDictionary<string, string> values)
    {
        var (words, problem) = Split(text);
        if (problem is not null || words.Count == 0)
        {
            return (null, problem ?? "MilestonePlanAgentCommand is empty");
        }

        var substituted = words.Select(w => Substitute(w, values)).ToList();
        return (new AgentCommand(substituted[0], substituted.Skip(1).ToList()), null);
    }

    /// <summary>The MILESTONEPLAN_* variables for the values.</summary>
    public static IReadOnlyDictionary<string, string> Environment(IReadOnlyDictionary<string, string> values) =>
        Values.ToDictionary(v => v.Variable, v => values.TryGetValue(v.Placeholder, out var value) ? value : string.Empty);

    /// <summary>Each placeholder replaced by its value in one left-to-right pass, so a value holding `{title}` stays as written.</summary>
    public static string Substitute(string word, IReadOnlyDictionary<string, string> values)
    {
        var builder = new StringBuilder();
        var i = 0;
        while (i < word.Length)
        {
            var match = word[i] == '{' ? Values.FirstOrDefault(v => string.CompareOrdinal(word, i, v.Placeholder, 0, v.Placeholder.Length) == 0) : default;
            if (match.Placeholder is not null)
            {
                builder.Append(values.TryGetValue(match.Placeholder, out var value) ? value : string.Empty);
                i += match.Placeholder.Length;
            }
            else
            {
                builder.Append(word[i++]);
            }
        }

        return builder.ToString();
    }

    /// <summary>POSIX-shell word splitting without expansions: quotes group, backslash escapes, whitespace separates.</summary>
    public static (IReadOnlyList<string> Words, string? Problem) Split(string text)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        var inWord = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is ' ' or '\t' or '\n' or '\r')
            {
                if (inWord)
                {
                    words.Add(word.ToString());
                    word.Clear();
                    inWord = false;
                }

                continue;
            }

            inWord = true;
            if (c == '\'')
            {
                var close = text.IndexOf('\'', i + 1);
                if (close < 0)
                {
                    return ([], "MilestonePlanAgentCommand has an unclosed single quote");
                }

                word.Append(text, i + 1, close - i - 1);
                i = close;
            }
            else if (c == '"')
            {
                i++;
                while (i < text.Length && text[i] != '"')
                {
                    // Inside double quotes a backslash escapes only what the shell lets it escape.
                    if (text[i] == '\\' && i + 1 < text.Length && text[i + 1] is '"' or '\\' or '$' or '`')
                    {
                        i++;
                    }

                    word.Append(text[i++]);
                }

                if (i >= text.Length)
                {
                    return ([], "MilestonePlanAgentCommand has an unclosed double quote");
                }
            }
            else if (c == '\\' && i + 1 < text.Length)
            {
                word.Append(text[++i]);
            }
            else
            {
                word.Append(c);
            }
        }

        if (inWord)
        {
            words.Add(word.ToString());
        }

        return (words, null);
    }
}

using System.Text;

namespace MilestonePlan.Workflow.Processes;

/// <summary>
/// A command line from a setting (MilestonePlanAgentCommand, MilestonePlanCheckCommand), split into a program and its
/// arguments once, the way a POSIX shell splits words (double and single quotes, backslash escapes; no expansion of
/// any kind). It is never given to a shell: the words are the argument list.
/// </summary>
internal sealed record CommandWords(string Program, IReadOnlyList<string> Arguments)
{
    /// <summary>How the command is shown to people (dry runs, logs).</summary>
    public string Display => CommandLine.Display(Program, Arguments);

    /// <summary>The command, or null with a reason naming <paramref name="setting"/> (empty text is not a command).</summary>
    public static (CommandWords? Command, string? Problem) Parse(string text, string setting)
    {
        var (words, problem) = Split(text, setting);
        return problem is not null || words.Count == 0
            ? (null, problem ?? $"{setting} is empty")
            : (new CommandWords(words[0], words.Skip(1).ToList()), null);
    }

    /// <summary>POSIX-shell word splitting without expansions: quotes group, backslash escapes, whitespace separates.</summary>
    public static (IReadOnlyList<string> Words, string? Problem) Split(string text, string setting)
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
                    return ([], $"{setting} has an unclosed single quote");
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
                    return ([], $"{setting} has an unclosed double quote");
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

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
        ("{plan}", "MILESTONEPLAN_PLAN"), ("{milestone}", "MILESTONEPLAN_MILESTONE"), (Context, "MILESTONEPLAN_CONTEXT"),
        ("{pr}", "MILESTONEPLAN_PR"), ("{findings}", "MILESTONEPLAN_FINDINGS"), ("{range}", "MILESTONEPLAN_RANGE"),
    ];

    /// <summary>
    /// The plan's required reads (Always Load Context), one path per line. A word that is exactly `{context}` becomes
    /// one argument per file (none when there are none); inside a longer word the paths stay joined by line breaks.
    /// </summary>
    public const string Context = "{context}";

    /// <summary>The command with the values in place; null with a reason when the text is not a command.</summary>
    public static (AgentCommand? Command, string? Problem) Parse(string text, IReadOnlyDictionary<string, string> values)
    {
        var (words, problem) = Processes.CommandWords.Parse(text, Settings.WorkflowSettings.AgentCommandSetting);
        return words is null ? (null, problem) : (With(words, values), null);
    }

    /// <summary>The command split once (the run's settings), with the values in place inside each word.</summary>
    public static AgentCommand With(Processes.CommandWords words, IReadOnlyDictionary<string, string> values) =>
        new(Substitute(words.Program, values), words.Arguments.SelectMany(w => w == Context ? Lines(values, Context) : [Substitute(w, values)]).ToList());

    private static IEnumerable<string> Lines(IReadOnlyDictionary<string, string> values, string placeholder) =>
        values.TryGetValue(placeholder, out var value) && value.Length > 0 ? value.Split('\n') : [];

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
}

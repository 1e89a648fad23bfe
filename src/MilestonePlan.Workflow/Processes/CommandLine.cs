using System.Text;

namespace MilestonePlan.Workflow.Processes;

/// <summary>
/// Builds the single argument string of ProcessStartInfo (netstandard2.0 has no ArgumentList) so that each
/// argument arrives unchanged, following the MSVCRT/.NET parsing rules that .NET applies on every platform.
/// </summary>
internal static class CommandLine
{
    public static string Join(IEnumerable<string> arguments) => string.Join(" ", arguments.Select(Quote));

    public static string Quote(string argument)
    {
        if (argument.Length > 0 && argument.All(c => !char.IsWhiteSpace(c) && c != '"'))
        {
            return argument;
        }

        var builder = new StringBuilder("\"");
        var backslashes = 0;
        foreach (var c in argument)
        {
            if (c == '\\')
            {
                backslashes++;
                continue;
            }

            if (c == '"')
            {
                // Backslashes before a quote are doubled, and the quote itself escaped.
                builder.Append('\\', (backslashes * 2) + 1).Append('"');
            }
            else
            {
                builder.Append('\\', backslashes).Append(c);
            }

            backslashes = 0;
        }

        // Backslashes before the closing quote are doubled so they do not escape it.
        return builder.Append('\\', backslashes * 2).Append('"').ToString();
    }

    /// <summary>How a command is shown to people (dry runs, errors): quoted the same way.</summary>
    public static string Display(string program, IEnumerable<string> arguments)
    {
        var joined = Join(arguments);
        return joined.Length == 0 ? Quote(program) : Quote(program) + " " + joined;
    }
}

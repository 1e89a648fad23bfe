using Microsoft.Build.Framework;

namespace MilestonePlan.Tasks;

/// <summary>
/// The settings a task is run with, by their MSBuild property names. In a consuming project the targets pass the
/// props' list as <c>Settings</c> items (name, <c>Value</c> metadata); in MilestonePlan.Repository.proj each is a
/// global property of that project. So a new setting is read in C# and listed in the props, and travels through the
/// targets and the repository project without being named there. A task parameter set directly (tests, a caller of
/// the task itself) is used when the setting is absent or empty.
/// </summary>
internal sealed class TaskSettings(IReadOnlyDictionary<string, string> values)
{
    public static TaskSettings Read(ITaskItem[] items, IBuildEngine? engine)
    {
        if (items.Length > 0)
        {
            var given = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var item in items)
            {
                given[item.ItemSpec] = item.GetMetadata("Value");
            }

            return new TaskSettings(given);
        }

        var globals = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (engine is IBuildEngine6 engine6)
        {
            foreach (var pair in engine6.GetGlobalProperties())
            {
                // Global properties come as MSBuild stores them, escaped (`;` is %3B); a task parameter would be unescaped.
                globals[pair.Key] = Unescape(pair.Value);
            }
        }

        return new TaskSettings(globals);
    }

    /// <summary>MSBuild's unescaping: each %XX with two hex digits is that character, anything else stays.</summary>
    internal static string Unescape(string text)
    {
        if (text.IndexOf('%') < 0)
        {
            return text;
        }

        var builder = new System.Text.StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '%' && i + 2 < text.Length && IsHex(text[i + 1]) && IsHex(text[i + 2]))
            {
                builder.Append((char)Convert.ToInt32(text.Substring(i + 1, 2), 16));
                i += 2;
            }
            else
            {
                builder.Append(text[i]);
            }
        }

        return builder.ToString();
    }

    private static bool IsHex(char c) => c is >= '0' and <= '9' or >= 'a' and <= 'f' or >= 'A' and <= 'F';

    /// <summary>The setting's value; else <paramref name="parameter"/> (the task parameter of the same meaning).</summary>
    public string? Get(string name, string? parameter = null) =>
        values.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value) ? value : parameter;
}

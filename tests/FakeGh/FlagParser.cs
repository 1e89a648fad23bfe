using System.Globalization;

namespace FakeGh;

/// <summary>The parsed command line: flag values by long name, and the positional arguments.</summary>
internal sealed class ParsedArguments
{
    public Dictionary<string, List<string>> Values { get; } = new(StringComparer.Ordinal);

    public List<string> Positional { get; } = [];

    public bool Has(string name) => Values.ContainsKey(name);

    public string? One(string name) => Values.TryGetValue(name, out var values) ? values[^1] : null;

    public IReadOnlyList<string> All(string name) => Values.TryGetValue(name, out var values) ? values : [];

    public bool Switch(string name) => One(name) is "true";
}

/// <summary>Thrown for a command line gh itself would reject; the message is gh's.</summary>
internal sealed class UsageException(string message) : Exception(message);

/// <summary>
/// Reads arguments the way pflag does: `--name value`, `--name=value`, `-n value`, `-nvalue`, grouped boolean
/// shorthands (`-ds`), `--` ends the flags, and a value flag takes the next argument even when it starts with a dash.
/// </summary>
internal static class FlagParser
{
    public static ParsedArguments Parse(IReadOnlyList<Flag> flags, IReadOnlyList<string> arguments)
    {
        var parsed = new ParsedArguments();
        for (var i = 0; i < arguments.Count; i++)
        {
            var argument = arguments[i];
            if (argument == "--")
            {
                parsed.Positional.AddRange(arguments.Skip(i + 1));
                break;
            }

            if (argument.StartsWith("--", StringComparison.Ordinal))
            {
                var equals = argument.IndexOf('=');
                var name = equals < 0 ? argument[2..] : argument[2..equals];
                var flag = flags.FirstOrDefault(f => f.Name == name) ?? throw new UsageException($"unknown flag: --{name}");
                string? value = equals < 0 ? null : argument[(equals + 1)..];
                if (value is null && flag.Kind != FlagKind.Bool)
                {
                    value = ++i < arguments.Count ? arguments[i] : throw new UsageException($"flag needs an argument: --{name}");
                }

                Store(parsed, flag, value);
            }
            else if (argument.StartsWith('-') && argument.Length > 1)
            {
                i = ParseShorthands(parsed, flags, arguments, i);
            }
            else
            {
                parsed.Positional.Add(argument);
            }
        }

        return parsed;
    }

    private static int ParseShorthands(ParsedArguments parsed, IReadOnlyList<Flag> flags, IReadOnlyList<string> arguments, int i)
    {
        var group = arguments[i];
        for (var c = 1; c < group.Length; c++)
        {
            var flag = flags.FirstOrDefault(f => f.Shorthand == group[c])
                ?? throw new UsageException($"unknown shorthand flag: '{group[c]}' in {group}");
            if (flag.Kind == FlagKind.Bool)
            {
                Store(parsed, flag, c + 1 < group.Length && group[c + 1] == '=' ? group[(c + 2)..] : null);
                if (c + 1 < group.Length && group[c + 1] == '=')
                {
                    return i;
                }

                continue;
            }

            var rest = group[(c + 1)..];
            var value = rest.Length > 0 ? rest.TrimStart('=')
                : ++i < arguments.Count ? arguments[i]
                : throw new UsageException($"flag needs an argument: '{group[c]}' in -{group[c]}");
            Store(parsed, flag, value);
            return i;
        }

        return i;
    }

    private static void Store(ParsedArguments parsed, Flag flag, string? value)
    {
        if (!parsed.Values.TryGetValue(flag.Name, out var values))
        {
            parsed.Values[flag.Name] = values = [];
        }

        switch (flag.Kind)
        {
            case FlagKind.Bool:
                values.Add(value is null or "true" or "1" or "t" or "T" or "TRUE" or "True" ? "true"
                    : value is "false" or "0" or "f" or "F" or "FALSE" or "False" ? "false"
                    : throw new UsageException($"invalid argument \"{value}\" for \"--{flag.Name}\" flag: strconv.ParseBool: parsing \"{value}\": invalid syntax"));
                break;
            case FlagKind.Int:
                if (!int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _))
                {
                    throw new UsageException($"invalid argument \"{value}\" for \"{Spelling(flag)}\" flag: strconv.ParseInt: parsing \"{value}\": invalid syntax");
                }

                values.Add(value!);
                break;
            case FlagKind.StringSlice:
                values.AddRange(Csv(value!));
                break;
            default:
                values.Add(value!);
                break;
        }
    }

    private static string Spelling(Flag flag) => flag.Shorthand is { } s ? $"-{s}, --{flag.Name}" : $"--{flag.Name}";

    /// <summary>One CSV record, as Go's encoding/csv reads it for pflag's string slices.</summary>
    private static IEnumerable<string> Csv(string value)
    {
        if (value.Length == 0)
        {
            return [];
        }

        var fields = new List<string>();
        var field = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < value.Length && value[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"' && field.Length == 0)
            {
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else
            {
                field.Append(c);
            }
        }

        fields.Add(field.ToString());
        return fields;
    }
}

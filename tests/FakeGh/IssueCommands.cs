using System.Globalization;
using System.Text.Json.Nodes;

namespace FakeGh;

/// <summary>`gh issue list` and `gh issue create` on the fake's state, with gh's outputs and error messages.</summary>
internal static class IssueCommands
{
    /// <summary>`gh issue list`: newest first; `--search` matches every word of the query in the title or body (qualifiers ignored).</summary>
    public static int IssueList(FakeState state, ParsedArguments parsed, TextWriter output)
    {
        var wanted = (parsed.One("state") ?? "open").ToLowerInvariant();
        if (wanted is not ("open" or "closed" or "all"))
        {
            throw new UsageException($"invalid argument \"{parsed.One("state")}\" for \"-s, --state\" flag: valid values are {{open|closed|all}}");
        }

        var limit = int.Parse(parsed.One("limit") ?? "30", CultureInfo.InvariantCulture);
        if (limit <= 0)
        {
            throw new CommandException($"invalid value for --limit: {limit}");
        }

        string[]? fields = null;
        if (parsed.Has("json"))
        {
            fields = parsed.All("json").SelectMany(f => f.Split(',')).Select(f => f.Trim()).ToArray();
            if (fields.FirstOrDefault(f => !GhCommands.IssueJsonFields.Contains(f)) is { } unknown)
            {
                throw new CommandException($"Unknown JSON field: \"{unknown}\"\nAvailable fields:\n  " + string.Join("\n  ", GhCommands.IssueJsonFields));
            }
        }

        var words = (parsed.One("search") ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(w => !w.Contains(':')).ToList();
        var selected = state.Issues.Select(i => i!.AsObject())
            .Where(i => wanted == "all" || Commands.Text(i, "state").Equals(wanted, StringComparison.OrdinalIgnoreCase))
            .Where(i => words.All(w => (Commands.Text(i, "title") + " " + Commands.Text(i, "body")).Contains(w, StringComparison.OrdinalIgnoreCase)))
            .OrderByDescending(i => i["number"]!.GetValue<int>())
            .Take(limit)
            .ToList();
        if (fields is null)
        {
            foreach (var issue in selected)
            {
                output.WriteLine($"{issue["number"]}\t{Commands.Text(issue, "state")}\t{Commands.Text(issue, "title")}");
            }

            return 0;
        }

        var projected = selected.Select(i =>
        {
            var result = new JsonObject();
            foreach (var field in fields)
            {
                result[field] = i[field]?.DeepClone();
            }

            return (JsonNode?)result;
        });
        output.WriteLine(new JsonArray(projected.ToArray()).ToJsonString(FakeState.Json));
        return 0;
    }

    public static int IssueCreate(FakeState state, ParsedArguments parsed, TextWriter output)
    {
        if (parsed.Switch("web"))
        {
            throw new CommandException("fake gh cannot open a browser");
        }

        if (!parsed.Has("title") || !(parsed.Has("body") || parsed.Has("body-file")))
        {
            throw new CommandException("must provide `--title` and `--body` when not running interactively");
        }

        var milestone = parsed.One("milestone");
        if (milestone is not null && state.Milestones is { } known && !known.Contains(milestone))
        {
            throw new CommandException($"could not add to milestone '{milestone}': '{milestone}' not found");
        }

        var number = state.TakeNumber();
        var url = state.Url("issues", number);
        state.Issues.Add(new JsonObject
        {
            ["number"] = number,
            ["title"] = parsed.One("title"),
            ["body"] = Commands.Body(parsed),
            ["labels"] = Commands.Strings(parsed.All("label")),
            ["milestone"] = milestone,
            ["assignees"] = Commands.Strings(parsed.All("assignee")),
            ["state"] = "OPEN",
            ["url"] = url,
        });
        state.Save();
        output.WriteLine(url);
        return 0;
    }
}

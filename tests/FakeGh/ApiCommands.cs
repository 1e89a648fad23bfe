using System.Globalization;
using System.Text.Json.Nodes;

namespace FakeGh;

/// <summary>
/// `gh api &lt;endpoint&gt;` for the only REST endpoints the workflow calls: the repository's milestones (GET
/// `repos/{owner}/{repo}/milestones[?state=..&amp;per_page=..]`) and closing one (`-X PATCH repos/{owner}/{repo}/milestones/N
/// -f state=closed`). As gh: `{owner}/{repo}` is filled from the current repository, a `-f`/`-F` field without `-X`
/// makes the request a POST, and an error answer prints GitHub's JSON on stdout and `gh: &lt;message&gt; (HTTP n)` on
/// stderr with exit code 1. Milestones come from the state's `milestones` (a title string, or an object with
/// number, title, state), numbered by position when no number is given; printed in the REST API's shape.
/// </summary>
internal static class ApiCommands
{
    public static int Api(FakeState state, ParsedArguments parsed, TextWriter output, TextWriter error)
    {
        if (parsed.Positional.Count != 1)
        {
            throw new UsageException($"accepts 1 arg(s), received {parsed.Positional.Count}");
        }

        if (parsed.Has("jq") || parsed.Has("template") || parsed.Switch("paginate") || parsed.Has("input"))
        {
            throw new CommandException("fake gh api does not implement --jq, --template, --paginate or --input");
        }

        var fields = parsed.All("raw-field").Concat(parsed.All("field")).ToList();
        var method = (parsed.One("method") ?? (fields.Count > 0 ? "POST" : "GET")).ToUpperInvariant();
        var endpoint = parsed.Positional[0].TrimStart('/').Replace("{owner}/{repo}", state.Repository, StringComparison.Ordinal);
        var q = endpoint.IndexOf('?');
        var query = q >= 0 ? endpoint[(q + 1)..] : string.Empty;
        var path = q >= 0 ? endpoint[..q] : endpoint;
        var list = $"repos/{state.Repository}/milestones";
        if (path == list && method == "GET")
        {
            var wanted = Query(query, "state") ?? "open";
            var perPage = int.TryParse(Query(query, "per_page"), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? Math.Min(n, 100) : 30;
            var selected = MilestoneObjects(state).Where(m => wanted == "all" || Commands.Text(m, "state") == wanted).Take(perPage);
            output.WriteLine(new JsonArray(selected.Select(m => (JsonNode?)m).ToArray()).ToJsonString(FakeState.Json));
            return 0;
        }

        if (path.StartsWith(list + "/", StringComparison.Ordinal) && method == "PATCH"
            && int.TryParse(path[(list.Length + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            var index = MilestoneObjects(state).FindIndex(m => m["number"]!.GetValue<int>() == number);
            if (index < 0)
            {
                return NotFound(output, error);
            }

            var values = fields.Select(f => f.Split('=', 2)).ToDictionary(f => f[0], f => f.Length > 1 ? f[1] : string.Empty);
            if (values.TryGetValue("state", out var newState) && newState is not ("open" or "closed"))
            {
                output.WriteLine("{\"message\":\"Validation Failed\",\"errors\":[{\"resource\":\"Milestone\",\"code\":\"invalid\",\"field\":\"state\"}],\"status\":\"422\"}");
                error.WriteLine("gh: Validation Failed (HTTP 422)");
                return 1;
            }

            var stored = StoredMilestone(state, index);
            foreach (var (key, value) in values)
            {
                stored[key] = value;
            }

            state.Save();
            output.WriteLine(MilestoneObjects(state)[index].ToJsonString(FakeState.Json));
            return 0;
        }

        return NotFound(output, error);
    }

    /// <summary>The state's milestones as GitHub's REST API prints them.</summary>
    private static List<JsonObject> MilestoneObjects(FakeState state) =>
        (state.Root["milestones"]?.AsArray() ?? []).Select((m, i) =>
        {
            var stored = m is JsonObject o ? o : new JsonObject { ["title"] = m!.GetValue<string>() };
            var number = stored["number"]?.GetValue<int>() ?? i + 1;
            var milestoneState = stored["state"]?.GetValue<string>() ?? "open";
            return new JsonObject
            {
                ["url"] = $"https://api.github.com/repos/{state.Repository}/milestones/{number}",
                ["html_url"] = $"https://github.com/{state.Repository}/milestone/{number}",
                ["id"] = 9000 + number,
                ["node_id"] = $"MI_fake{number}",
                ["number"] = number,
                ["title"] = stored["title"]!.GetValue<string>(),
                ["description"] = stored["description"]?.GetValue<string>(),
                ["creator"] = new JsonObject { ["login"] = "fake-user", ["type"] = "User" },
                ["open_issues"] = 0,
                ["closed_issues"] = 0,
                ["state"] = milestoneState,
                ["created_at"] = Commands.Now,
                ["updated_at"] = Commands.Now,
                ["due_on"] = null,
                ["closed_at"] = milestoneState == "closed" ? Commands.Now : null,
            };
        }).ToList();

    /// <summary>The stored entry at <paramref name="index"/> as an object (a bare title becomes one, keeping its number).</summary>
    private static JsonObject StoredMilestone(FakeState state, int index)
    {
        var milestones = state.Root["milestones"]!.AsArray();
        if (milestones[index] is JsonObject o)
        {
            return o;
        }

        var upgraded = new JsonObject { ["number"] = index + 1, ["title"] = milestones[index]!.GetValue<string>() };
        milestones[index] = upgraded;
        return upgraded;
    }

    private static string? Query(string query, string name) =>
        query.Split('&', StringSplitOptions.RemoveEmptyEntries).Select(p => p.Split('=', 2))
            .Where(p => p[0] == name).Select(p => p.Length > 1 ? Uri.UnescapeDataString(p[1]) : string.Empty).LastOrDefault();

    private static int NotFound(TextWriter output, TextWriter error)
    {
        output.WriteLine("{\"message\":\"Not Found\",\"documentation_url\":\"https://docs.github.com/rest\",\"status\":\"404\"}");
        error.WriteLine("gh: Not Found (HTTP 404)");
        return 1;
    }
}

using System.Text.Json;
using System.Text.Json.Nodes;
using FakeGh;

// Usage: gh <command> <subcommand> [args]; state in $FAKE_GH_STATE, argument log in $FAKE_GH_LOG.
var statePath = Environment.GetEnvironmentVariable("FAKE_GH_STATE") ?? Path.Combine(Path.GetTempPath(), "fake-gh-state.json");
var logPath = Environment.GetEnvironmentVariable("FAKE_GH_LOG");
if (logPath is not null)
{
    File.AppendAllText(logPath, JsonSerializer.Serialize(args) + "\n");
}

var state = File.Exists(statePath) ? JsonNode.Parse(File.ReadAllText(statePath))!.AsObject() : new JsonObject();
state["prs"] ??= new JsonArray();
state["issues"] ??= new JsonArray();
state["nextNumber"] ??= 1;

if (args.Length < 2 || !GhCommands.Flags.TryGetValue(args[0] + " " + args[1], out var known))
{
    return Fail($"unknown command \"{string.Join(" ", args.Take(2))}\" for \"gh\"");
}

var command = args[0] + " " + args[1];
var positional = new List<string>();
var options = new Dictionary<string, List<string>>();
for (var i = 2; i < args.Length; i++)
{
    var arg = args[i];
    if (!arg.StartsWith('-'))
    {
        positional.Add(arg);
        continue;
    }

    var name = arg.Contains('=') ? arg[..arg.IndexOf('=')] : arg;
    if (!known.Contains(name))
    {
        return Fail($"unknown flag: {name}\n\nUsage:  gh {command} [flags]");
    }

    var value = arg.Contains('=') ? arg[(arg.IndexOf('=') + 1)..] : GhCommands.ValueFlags.Contains(name) ? (++i < args.Length ? args[i] : null) : "true";
    if (value is null)
    {
        return Fail($"flag needs an argument: {name}");
    }

    var canonical = Canonical(name);
    if (!options.TryGetValue(canonical, out var list))
    {
        options[canonical] = list = [];
    }

    list.Add(value);
}

if (state["failCommand"]?.GetValue<string>() == command)
{
    return Fail($"HTTP 502: Bad Gateway (https://api.github.com/graphql)");
}

if (command != "auth status" && state["authenticated"]?.GetValue<bool>() == false)
{
    return Fail("To get started with GitHub CLI, please run:  gh auth login");
}

var prs = state["prs"]!.AsArray();
switch (command)
{
    case "auth status":
        if (state["authenticated"]?.GetValue<bool>() == false)
        {
            return Fail("You are not logged into any GitHub hosts. To log in, run: gh auth login");
        }

        Console.Error.WriteLine("github.com\n  ✓ Logged in to github.com account fake (keyring)");
        return 0;

    case "pr create":
    {
        var head = One("--head") ?? Fail2("could not determine the current branch");
        if (prs.Any(p => p!["head"]!.GetValue<string>() == head && p["state"]!.GetValue<string>() == "OPEN"))
        {
            return Fail($"a pull request for branch \"{head}\" into branch \"{One("--base")}\" already exists");
        }

        var body = One("--body-file") is { } file ? File.ReadAllText(file) : One("--body") ?? string.Empty;
        var number = state["nextNumber"]!.GetValue<int>();
        state["nextNumber"] = number + 1;
        var url = $"https://github.com/example/repo/pull/{number}";
        prs.Add(new JsonObject
        {
            ["number"] = number, ["title"] = One("--title") ?? string.Empty, ["body"] = body, ["base"] = One("--base") ?? "main",
            ["head"] = head, ["state"] = "OPEN", ["autoMerge"] = false, ["mergedAt"] = null, ["url"] = url,
        });
        Save();
        Console.WriteLine(url);
        return 0;
    }

    case "pr merge":
    {
        var pr = Find(positional.FirstOrDefault());
        if (pr is null)
        {
            return Fail($"no pull requests found for \"{positional.FirstOrDefault()}\"");
        }

        var mode = state["autoMergeMode"]?.GetValue<string>() ?? "pending";
        if (options.ContainsKey("--auto") && mode == "refuse")
        {
            return Fail("GraphQL: Auto merge is not allowed for this repository (enablePullRequestAutoMerge)");
        }

        if (options.ContainsKey("--auto") && mode == "pending")
        {
            pr["autoMerge"] = true;
            Save();
            Console.Error.WriteLine($"✓ Pull request #{pr["number"]} will be automatically merged via squash when all requirements are met");
            return 0;
        }

        pr["state"] = "MERGED";
        pr["mergedAt"] = "2026-11-24T12:00:00Z";
        Save();
        Console.Error.WriteLine($"✓ Squashed and merged pull request #{pr["number"]}");
        return 0;
    }

    case "pr view":
    {
        var pr = Find(positional.FirstOrDefault());
        return pr is null ? Fail($"no pull requests found for \"{positional.FirstOrDefault()}\"") : Json([pr], single: true);
    }

    case "pr list":
    {
        var selected = prs.Where(p => One("--base") is not { } b || p!["base"]!.GetValue<string>() == b)
            .Where(p => One("--state") is null or "all" || string.Equals(p!["state"]!.GetValue<string>(), One("--state"), StringComparison.OrdinalIgnoreCase))
            .Take(int.Parse(One("--limit") ?? "30"))
            .ToList();
        return Json(selected!, single: false);
    }

    case "issue create":
    {
        var issues = state["issues"]!.AsArray();
        var number = state["nextNumber"]!.GetValue<int>();
        state["nextNumber"] = number + 1;
        issues.Add(new JsonObject { ["number"] = number, ["title"] = One("--title"), ["labels"] = new JsonArray((options.GetValueOrDefault("--label") ?? []).Select(l => (JsonNode?)l).ToArray()) });
        Save();
        Console.WriteLine($"https://github.com/example/repo/issues/{number}");
        return 0;
    }
}

return Fail("unsupported");

string? One(string flag) => options.TryGetValue(flag, out var values) ? values[^1] : null;

string Fail2(string message)
{
    Console.Error.WriteLine(message);
    Environment.Exit(1);
    return message;
}

JsonObject? Find(string? selector) => prs.Select(p => p!.AsObject()).FirstOrDefault(p =>
    selector is null || p["number"]!.GetValue<int>().ToString() == selector || p["url"]!.GetValue<string>() == selector
    || p["head"]!.GetValue<string>() == selector);

int Json(IEnumerable<JsonNode> selected, bool single)
{
    var fields = (One("--json") ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries);
    if (fields.Length == 0)
    {
        return Fail("this fake only answers with --json");
    }

    if (fields.FirstOrDefault(f => !GhCommands.PullRequestJsonFields.Contains(f)) is { } unknown)
    {
        return Fail($"Unknown JSON field: \"{unknown}\"");
    }

    var rows = selected.Select(p => Project(p!.AsObject(), fields)).ToList();
    Console.WriteLine(single ? rows[0].ToJsonString() : new JsonArray(rows.Select(r => (JsonNode?)r).ToArray()).ToJsonString());
    return 0;
}

JsonObject Project(JsonObject pr, string[] fields)
{
    var result = new JsonObject();
    foreach (var field in fields)
    {
        result[field] = field switch
        {
            "headRefName" => pr["head"]!.DeepClone(),
            "baseRefName" => pr["base"]!.DeepClone(),
            "autoMergeRequest" => pr["autoMerge"]!.GetValue<bool>() ? new JsonObject { ["mergeMethod"] = "SQUASH" } : null,
            "mergedAt" => pr["mergedAt"]?.DeepClone(),
            _ => pr[field]?.DeepClone(),
        };
    }

    return result;
}

void Save() => File.WriteAllText(statePath, state.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));

static string Canonical(string flag) => flag switch
{
    "-B" => "--base", "-H" => "--head", "-t" => "--title", "-b" => "--body", "-F" => "--body-file", "-l" => "--label",
    "-s" => "--state", "-L" => "--limit", "-d" => "--delete-branch", _ => flag,
};

static int Fail(string message)
{
    Console.Error.WriteLine(message);
    return 1;
}

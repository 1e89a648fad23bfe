using System.Globalization;
using System.Text.Json.Nodes;

namespace FakeGh;

/// <summary>A failure gh reports after parsing (not a usage error): its message and exit code.</summary>
internal sealed class CommandException(string message, int exitCode = 1) : Exception(message)
{
    public int ExitCode { get; } = exitCode;
}

/// <summary>What each subcommand does to the fake's state, with gh's outputs and error messages.</summary>
internal static class Commands
{
    /// <summary>A fixed clock, so tests can compare what the fake records.</summary>
    public const string Now = "2026-11-24T12:00:00Z";

    public static int AuthStatus(FakeState state, TextWriter error)
    {
        if (!state.Authenticated)
        {
            error.WriteLine("You are not logged into any GitHub hosts. To log in, run: gh auth login");
            return 1;
        }

        error.WriteLine("github.com");
        error.WriteLine("  ✓ Logged in to github.com account fake-user (keyring)");
        error.WriteLine("  - Active account: true");
        error.WriteLine("  - Git operations protocol: https");
        error.WriteLine("  - Token: gho_************************************");
        return 0;
    }

    public static int PrCreate(FakeState state, ParsedArguments parsed, TextWriter output, TextWriter error)
    {
        if (parsed.Switch("web"))
        {
            throw new CommandException("fake gh cannot open a browser");
        }

        var fill = parsed.Switch("fill") || parsed.Switch("fill-first") || parsed.Switch("fill-verbose");
        if (!fill && (!parsed.Has("title") || !(parsed.Has("body") || parsed.Has("body-file"))))
        {
            throw new CommandException("must provide `--title` and `--body` (or `--fill` or `fill-first` or `--fillverbose`) when not running interactively");
        }

        var head = parsed.One("head") ?? throw new CommandException("fake gh needs --head (it does not read the current branch)");
        var baseBranch = parsed.One("base") ?? "main";
        var existing = state.PullRequests.Select(p => p!.AsObject())
            .FirstOrDefault(p => Text(p, "head") == head && Text(p, "base") == baseBranch && Text(p, "state") == "OPEN");
        if (existing is not null)
        {
            throw new CommandException($"a pull request for branch \"{head}\" into branch \"{baseBranch}\" already exists:\n{Text(existing, "url")}");
        }

        // Like GitHub: a PR needs its head branch on the server (a push that never happened, or a branch deleted after
        // an earlier merge, is refused). Only checked when the origin is a local repository the fake can look into.
        if (OriginRepository.Find(Directory.GetCurrentDirectory()) is { } origin && origin.Tip(head) is null)
        {
            throw new CommandException($"pull request create failed: GraphQL: Head sha can't be blank, Base sha can't be blank, No commits between {baseBranch} and {head}, Head ref must be a branch (createPullRequest)");
        }

        var title = parsed.One("title") ?? head;
        var body = Body(parsed);
        if (parsed.Switch("dry-run"))
        {
            output.WriteLine($"Would have created a Pull Request with:\ntitle:\t{title}\ndraft:\t{parsed.Switch("draft")}\nbase:\t{baseBranch}\nhead:\t{head}");
            return 0;
        }

        var number = state.TakeNumber();
        var url = state.Url("pull", number);
        state.PullRequests.Add(new JsonObject
        {
            ["number"] = number,
            ["title"] = title,
            ["body"] = body,
            ["base"] = baseBranch,
            ["head"] = head,
            ["state"] = "OPEN",
            ["isDraft"] = parsed.Switch("draft"),
            ["autoMerge"] = false,
            ["mergedAt"] = null,
            ["url"] = url,
            ["labels"] = Strings(parsed.All("label")),
            ["createdAt"] = Now,
            // The real moment, for timed checks (createdAt stays the fixed clock that tests compare).
            ["openedAtMs"] = state.NowMs,
        });
        state.Save();
        output.WriteLine(url);
        return 0;
    }

    public static int PrView(FakeState state, ParsedArguments parsed, TextWriter output)
    {
        var pr = FindPullRequest(state, parsed);
        var fields = JsonFields(state, parsed);
        if (fields is null)
        {
            output.WriteLine($"title:\t{Text(pr, "title")}\nstate:\t{Text(pr, "state")}\nnumber:\t{pr["number"]}\nurl:\t{Text(pr, "url")}\n--\n{Text(pr, "body")}");
            return 0;
        }

        // One compact line, as gh prints JSON to a pipe (PullRequestJson says where that comes from).
        var checks = PullRequestLooks.Look(state, pr);
        state.Save();
        output.WriteLine(PullRequestJson.Project(state, pr, fields, checks).ToJsonString(FakeState.Line));
        return 0;
    }

    public static int PrList(FakeState state, ParsedArguments parsed, TextWriter output)
    {
        var wanted = (parsed.One("state") ?? "open").ToLowerInvariant();
        if (wanted is not ("open" or "closed" or "merged" or "all"))
        {
            throw new UsageException($"invalid argument \"{parsed.One("state")}\" for \"-s, --state\" flag: valid values are {{open|closed|merged|all}}");
        }

        var limit = int.Parse(parsed.One("limit") ?? "30", CultureInfo.InvariantCulture);
        if (limit <= 0)
        {
            throw new CommandException($"invalid value for --limit: {limit}");
        }

        var fields = JsonFields(state, parsed);
        var selected = state.PullRequests.Select(p => p!.AsObject())
            .Where(p => parsed.One("base") is not { } b || Text(p, "base") == b)
            .Where(p => parsed.One("head") is not { } h || Text(p, "head") == h)
            .Where(p => wanted == "all" || Text(p, "state").Equals(wanted, StringComparison.OrdinalIgnoreCase))
            .OrderByDescending(p => p["number"]!.GetValue<int>())
            .Take(limit)
            .ToList();
        if (fields is null)
        {
            foreach (var pr in selected)
            {
                output.WriteLine($"{pr["number"]}\t{Text(pr, "title")}\t{Text(pr, "head")}\t{Text(pr, "state")}");
            }

            return 0;
        }

        var projected = selected.Select(p => (JsonNode?)PullRequestJson.Project(state, p, fields, PullRequestLooks.Look(state, p))).ToArray();
        state.Save();
        output.WriteLine(new JsonArray(projected).ToJsonString(FakeState.Line));
        return 0;
    }

    /// <summary>A PR by number, URL or head branch; gh's error when there is none.</summary>
    public static JsonObject FindPullRequest(FakeState state, ParsedArguments parsed)
    {
        if (parsed.Positional.Count > 1)
        {
            throw new UsageException($"accepts at most 1 arg(s), received {parsed.Positional.Count}");
        }

        var selector = parsed.Positional.FirstOrDefault() ?? throw new CommandException("fake gh needs the PR number or branch (it does not read the current branch)");
        var selectorNumber = selector.TrimStart('#');
        var pr = state.PullRequests.Select(p => p!.AsObject()).FirstOrDefault(p =>
            p["number"]!.GetValue<int>().ToString(CultureInfo.InvariantCulture) == selectorNumber || Text(p, "url") == selector);
        pr ??= state.PullRequests.Select(p => p!.AsObject()).Where(p => Text(p, "head") == selector)
            .OrderByDescending(p => Text(p, "state") == "OPEN").ThenByDescending(p => p["number"]!.GetValue<int>()).FirstOrDefault();
        return pr ?? throw new CommandException(int.TryParse(selectorNumber, out var n)
            ? $"GraphQL: Could not resolve to a PullRequest with the number of {n}. (repository.pullRequest)"
            : $"no pull requests found for branch \"{selector}\"");
    }

    /// <summary>The requested `--json` fields, checked against gh's list; null when no JSON was asked for.</summary>
    private static string[]? JsonFields(FakeState state, ParsedArguments parsed)
    {
        if (parsed.Has("jq") || parsed.Has("template"))
        {
            throw new CommandException("fake gh does not evaluate --jq or --template");
        }

        if (!parsed.Has("json"))
        {
            return null;
        }

        var available = GhCommands.PullRequestJsonFields.Where(f => !state.LegacyJsonFields || !GhCommands.NewerJsonFields.Contains(f)).ToList();
        var fields = parsed.All("json").Where(f => f.Length > 0).ToArray();
        if (fields.Length == 0)
        {
            throw new CommandException("Specify one or more comma-separated fields for `--json`:\n  " + string.Join("\n  ", available));
        }

        if (fields.FirstOrDefault(f => !available.Contains(f)) is { } unknown)
        {
            throw new CommandException($"Unknown JSON field: \"{unknown}\"\nAvailable fields:\n  " + string.Join("\n  ", available));
        }

        return fields;
    }

    public static string Body(ParsedArguments parsed)
    {
        if (parsed.One("body-file") is { } file)
        {
            try
            {
                return file == "-" ? Console.In.ReadToEnd() : File.ReadAllText(file);
            }
            catch (IOException e)
            {
                throw new CommandException($"failed to read file {file}: {e.Message}");
            }
        }

        return parsed.One("body") ?? string.Empty;
    }

    public static JsonArray Strings(IEnumerable<string> values) => new(values.Select(v => (JsonNode?)v).ToArray());

    public static string Text(JsonObject o, string name) => o[name]?.GetValue<string>() ?? string.Empty;
}

using System.Text.Json;
using FakeGh;

// Usage: gh <command> <subcommand> [args], or a test-only `gh fake ...` command (FakeOnlyCommands; not gh commands).
// State in $FAKE_GH_STATE; every argument list is appended to $FAKE_GH_LOG as one JSON array per line, before anything
// else happens, so a test sees even the calls the fake rejects.
var statePath = Environment.GetEnvironmentVariable("FAKE_GH_STATE") ?? Path.Combine(Path.GetTempPath(), "fake-gh-state.json");
if (Environment.GetEnvironmentVariable("FAKE_GH_LOG") is { Length: > 0 } logPath)
{
    File.AppendAllText(logPath, JsonSerializer.Serialize(args, FakeState.Line) + "\n");
}

Console.OutputEncoding = new System.Text.UTF8Encoding(false);
var output = Console.Out;
var error = Console.Error;
try
{
    // Real gh commands first; then the few test-only `gh fake ...` commands (FakeOnlyCommands), which a client of the
    // real gh never calls. Anything else is rejected as gh rejects an unknown command.
    // `gh api <endpoint>` is the one command without a subcommand: its second word is an argument.
    var isApi = args.Length > 0 && args[0] == "api";
    if (!isApi && (args.Length < 2 || !(GhCommands.Flags.TryGetValue(args[0] + " " + args[1], out _)
        || FakeOnlyCommands.Flags.ContainsKey(args[0] + " " + args[1]))))
    {
        throw new UsageException(args.Length == 0 ? "fake gh: a command is required"
            : $"unknown command \"{(args.Length > 1 ? args[1] : string.Empty)}\" for \"gh {args[0]}\"");
    }

    var command = isApi ? "api" : args[0] + " " + args[1];
    var flags = GhCommands.Flags.TryGetValue(command, out var known) ? known : FakeOnlyCommands.Flags[command];
    var parsed = FlagParser.Parse(flags, isApi ? args[1..] : args[2..]);
    if (parsed.Switch("help"))
    {
        output.WriteLine($"Usage:  gh {command} [flags]");
        return 0;
    }

    using var gate = StateLock.Acquire(statePath);
    var state = FakeState.Load(statePath);
    if (state.FailCommand is { } failing && (failing == "*" || failing == command))
    {
        return Fail(error, state);
    }

    if (command != "auth status" && !state.Authenticated)
    {
        error.WriteLine("To get started with GitHub CLI, please run:  gh auth login");
        error.WriteLine("Alternatively, populate the GH_TOKEN environment variable with a GitHub API authentication token.");
        return 4;
    }

    // Timed checks: GitHub merged what finished since the last call, looked at or not.
    TimedMerges.Settle(state);

    // "onview": a PR waiting for auto-merge merges once the workflow looks at it again, as if its checks had passed.
    if (command is "pr view" or "pr list" && state.AutoMergeMode == "onview")
    {
        PullRequestMerger.MergePending(state);
    }

    return command switch
    {
        "auth status" => Commands.AuthStatus(state, error),
        "pr create" => Commands.PrCreate(state, parsed, output, error),
        "pr merge" => MergeCommands.PrMerge(state, parsed, error),
        "fake merge-pending" => MergeCommands.MergePending(state, parsed, output, error),
        "pr view" => Commands.PrView(state, parsed, output),
        "pr list" => Commands.PrList(state, parsed, output),
        "pr ready" => PullRequestStateCommands.PrReady(state, parsed, error),
        "pr close" => PullRequestStateCommands.PrClose(state, parsed, output, error),
        "pr comment" => PullRequestStateCommands.PrComment(state, parsed, output),
        "fake close" => FakeActorCommands.Close(state, parsed, output),
        "fake delete-branch" => FakeActorCommands.DeleteBranch(state, parsed, output),
        "issue create" => IssueCommands.IssueCreate(state, parsed, output),
        "issue list" => IssueCommands.IssueList(state, parsed, output),
        "issue view" => IssueStateCommands.IssueView(state, parsed, output),
        "issue comment" => IssueStateCommands.IssueComment(state, parsed, output),
        "issue close" => IssueStateCommands.IssueClose(state, parsed, error),
        "api" => ApiCommands.Api(state, parsed, output, error),
        _ => throw new UsageException($"fake gh does not implement \"{command}\""),
    } is var exit && exit == 0 && state.FailAfterCommand is { } after && after == command && state.TakeFailAfter()
        ? Fail(error, state)
        : exit;
}
catch (UsageException e)
{
    // gh (cobra) prints the error, then the command's usage, and exits 1.
    error.WriteLine(e.Message);
    if (args.Length >= 2)
    {
        error.WriteLine();
        error.WriteLine(args[0] == "api" ? "Usage:  gh api <endpoint> [flags]" : $"Usage:  gh {args[0]} {args[1]} [flags]");
    }

    return 1;
}
catch (CommandException e)
{
    error.WriteLine(e.Message);
    return e.ExitCode;
}

// gh's failure: the configured message and exit code (before the work, or after it, as a network timeout would).
static int Fail(TextWriter error, FakeState state)
{
    error.WriteLine(state.FailMessage);
    return state.FailExitCode;
}

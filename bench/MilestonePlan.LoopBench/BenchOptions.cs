using System.Globalization;

namespace MilestonePlan.LoopBench;

/// <summary>A way of running RunMilestone: its name in the table, how many agents run at once, its MSBuild properties.</summary>
internal sealed record Mode(string Name, int Agents, string[] Properties)
{
    /// <summary>
    /// The modes of issue #23, by the properties that are its contract: MilestonePlanPipeline=false keeps the loop that
    /// waits on each merge; the pipelined loop is the default; MilestonePlanParallelAgents=N runs N agents side by side.
    /// A RunMilestone that does not know a property ignores it (then every mode runs the same loop).
    /// </summary>
    public static Mode Parse(string name) => name switch
    {
        "wait" => new(name, 1, ["-p:MilestonePlanPipeline=false"]),
        "pipelined" => new(name, 1, []),
        _ when name.StartsWith("parallel", StringComparison.Ordinal) && int.TryParse(name["parallel".Length..], NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= 1
            => new(name, n, [$"-p:MilestonePlanParallelAgents={n}"]),
        _ => throw new ArgumentException($"unknown mode '{name}' (wait, pipelined, parallelN)"),
    };
}

/// <summary>The command line: `--latency L --agent A --shapes chain,wide,layered --modes wait,pipelined,parallel2,parallel3`.</summary>
internal sealed record BenchOptions
{
    public const string Usage = """
        usage: dotnet run -c Release --project bench/MilestonePlan.LoopBench -- [options]
          --latency L      seconds of CI per PR, from its opening to its merge (default 20)
          --agent A        seconds the scripted agent takes per issue (default 2)
          --shapes LIST    chain, wide, layered (default all three)
          --modes LIST     wait, pipelined, parallelN (default wait,pipelined,parallel2,parallel3)
          --issues N       issues of the chain and of the wide layer (default 6)
          --layers DxW     depth and width of the layered graph (default 4x3)
          --poll S         MilestonePlanMergePollSeconds (default 1; the product's minimum)
          --feed DIR --version V   use a package already packed there instead of packing one
          --keep           keep the temporary repositories and logs
        """;

    public double Latency { get; init; } = 20;

    public double Agent { get; init; } = 2;

    public IReadOnlyList<string> Shapes { get; init; } = ["chain", "wide", "layered"];

    public IReadOnlyList<Mode> Modes { get; init; } = new[] { "wait", "pipelined", "parallel2", "parallel3" }.Select(Mode.Parse).ToList();

    public int Issues { get; init; } = 6;

    public (int Depth, int Width) Layers { get; init; } = (4, 3);

    public int Poll { get; init; } = 1;

    public string? Feed { get; init; }

    public string? Version { get; init; }

    public bool Keep { get; init; }

    public static BenchOptions Parse(string[] args)
    {
        var options = new BenchOptions();
        for (var i = 0; i < args.Length; i++)
        {
            var name = args[i];
            if (name == "--keep")
            {
                options = options with { Keep = true };
                continue;
            }

            var value = i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{name} needs a value");
            options = name switch
            {
                "--latency" => options with { Latency = Seconds(name, value) },
                "--agent" => options with { Agent = Seconds(name, value) },
                "--shapes" => options with { Shapes = List(value).Select(s => s is "chain" or "wide" or "layered" ? s : throw new ArgumentException($"unknown shape '{s}'")).ToList() },
                "--modes" => options with { Modes = List(value).Select(Mode.Parse).ToList() },
                "--issues" => options with { Issues = Whole(name, value, 1, 99) },
                "--layers" => options with { Layers = Layered(value) },
                "--poll" => options with { Poll = Whole(name, value, 1, 60) },
                "--feed" => options with { Feed = Path.GetFullPath(value) },
                "--version" => options with { Version = value },
                _ => throw new ArgumentException($"unknown option {name}"),
            };
        }

        return (options.Feed is null) == (options.Version is null) ? options : throw new ArgumentException("--feed and --version go together");
    }

    public IEnumerable<Shape> BuildShapes() => Shapes.Select(s => s switch
    {
        "chain" => Shape.Chain(Issues),
        "wide" => Shape.Wide(Issues),
        _ => Shape.Layered(Layers.Depth, Layers.Width),
    });

    private static string[] List(string value) => value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static double Seconds(string name, string value) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var s) && s >= 0 && s <= 3600 ? s
        : throw new ArgumentException($"{name} takes seconds from 0 to 3600, not '{value}'");

    private static int Whole(string name, string value, int min, int max) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max ? n
        : throw new ArgumentException($"{name} takes a whole number from {min} to {max}, not '{value}'");

    /// <summary>At most 99 issues: the generated plans number them with two digits, as the template does.</summary>
    private static (int, int) Layered(string value) => value.Split('x') is [var d, var w]
        && Whole("--layers depth", d, 1, 99) is var depth && Whole("--layers width", w, 1, 99) is var width && depth * width <= 99
        ? (depth, width)
        : throw new ArgumentException($"--layers takes DxW of at most 99 issues, e.g. 4x3, not '{value}'");
}

using MilestonePlan.Workflow.Processes;

namespace MilestonePlan.Workflow.Tests.Support;

/// <summary>A real runner that adds environment variables (PATH, say) to every process it runs; the caller's own win.</summary>
internal sealed class EnvironmentRunner(IProcessRunner inner, IReadOnlyDictionary<string, string> extra) : IProcessRunner
{
    public EnvironmentRunner(IReadOnlyDictionary<string, string> extra)
        : this(new ProcessRunner(), extra)
    {
    }

    public ProcessResult Run(string program, IReadOnlyList<string> arguments, string workingDirectory, TimeSpan timeout,
        IReadOnlyDictionary<string, string>? environment = null, CancellationToken cancellationToken = default,
        Action<string>? onLine = null)
    {
        var merged = new Dictionary<string, string>(extra);
        foreach (var pair in environment ?? new Dictionary<string, string>())
        {
            merged[pair.Key] = pair.Value;
        }

        return inner.Run(program, arguments, workingDirectory, timeout, merged, cancellationToken, onLine);
    }
}

namespace MilestonePlan.Workflow.Processes;

/// <summary>Runs a program with an argument list (never through a shell). The seam tests and dry runs use.</summary>
public interface IProcessRunner
{
    ProcessResult Run(string program, IReadOnlyList<string> arguments, string workingDirectory, TimeSpan timeout,
        IReadOnlyDictionary<string, string>? environment = null);
}

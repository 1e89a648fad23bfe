#if NETFRAMEWORK
using System.Reflection;

namespace MilestonePlan.Tasks;

/// <summary>
/// Visual Studio's MSBuild (.NET Framework) loads our task into its own AppDomain, where a dependency shipped beside
/// the task (Markdig, YamlDotNet, Roslyn, System.Text.Json) may be asked for at another version than the one shipped.
/// This resolver answers with the copy beside the task when its version is the same or higher.
/// </summary>
internal static class TaskAssemblyResolver
{
    private static readonly string Directory = Path.GetDirectoryName(typeof(TaskAssemblyResolver).Assembly.Location) ?? string.Empty;
    private static int registered;

    public static void Register()
    {
        if (Interlocked.Exchange(ref registered, 1) == 0)
        {
            AppDomain.CurrentDomain.AssemblyResolve += Resolve;
        }
    }

    private static Assembly? Resolve(object? sender, ResolveEventArgs args)
    {
        var wanted = new AssemblyName(args.Name);
        var candidate = Path.Combine(Directory, wanted.Name + ".dll");
        if (!File.Exists(candidate))
        {
            return null;
        }

        var shipped = AssemblyName.GetAssemblyName(candidate);
        return wanted.Version is null || shipped.Version >= wanted.Version ? Assembly.LoadFrom(candidate) : null;
    }
}
#endif

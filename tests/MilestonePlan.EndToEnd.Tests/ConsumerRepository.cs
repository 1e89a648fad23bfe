namespace MilestonePlan.EndToEnd.Tests;

/// <summary>A temporary git repository that consumes the packed package, with the sample plans copied in.</summary>
internal sealed class ConsumerRepository : IDisposable
{
    public ConsumerRepository(bool withSamplePlans = true)
    {
        Path = System.IO.Path.Combine(Fixture.Root, "repo-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(Path);
        Git("init", "-q", "-b", "main");
        Git("config", "user.name", "E2E");
        Git("config", "user.email", "e2e@example.invalid");
        Write("nuget.config", $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="milestoneplan-e2e" value="{Fixture.Feed}" />
              </packageSources>
            </configuration>
            """);
        if (withSamplePlans)
        {
            var samples = System.IO.Path.Combine(AppContext.BaseDirectory, "samples", "docs");
            foreach (var file in Directory.GetFiles(samples, "*", SearchOption.AllDirectories))
            {
                Write(System.IO.Path.Combine("docs", System.IO.Path.GetRelativePath(samples, file)), File.ReadAllText(file));
            }
        }
    }

    public string Path { get; }

    public string PlanPath => System.IO.Path.Combine(Path, "docs", "03-build-notes", "m1", "IMPLEMENTATION_PLAN.md");

    /// <summary>The m1 plan as the workflow targets recorded it: on the tracking branch (docs/tracking.md).</summary>
    public string TrackedPlanText => Git("show", "refs/heads/chore/m1-plan-tracking:docs/03-build-notes/m1/IMPLEMENTATION_PLAN.md").Output;

    public string Write(string relative, string text)
    {
        var full = System.IO.Path.Combine(Path, relative);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        File.WriteAllText(full, text);
        return full;
    }

    /// <summary>A class library referencing the package, with extra properties; in C# (cs), Visual Basic (vb) or F# (fs).</summary>
    public string AddProject(string name, string properties = "", string language = "cs")
    {
        var source = language switch
        {
            "vb" => "Public Class Class1\nEnd Class\n",
            "fs" => $"namespace {name}\ntype Class1() = class end\n",
            _ => $"namespace {name}; public class Class1 {{ }}",
        };
        Write($"{name}/Class1.{language}", source);
        Write($"{name}/{name}.{language}proj", $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                {properties}
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="MilestonePlan" Version="{Fixture.Version}" PrivateAssets="all" />
                {(language == "fs" ? "<Compile Include=\"Class1.fs\" />" : "")}
              </ItemGroup>
            </Project>
            """);
        return System.IO.Path.Combine(Path, name, $"{name}.{language}proj");
    }

    /// <summary>Fixes every known problem of the sample plan.</summary>
    public void MakeSamplePlanClean()
    {
        var plan = File.ReadAllText(PlanPath)
            .Replace("**Total Issues:** 3", "**Total Issues:** 4", StringComparison.Ordinal)
            .Replace("| #03, #09 |", "| #03 |", StringComparison.Ordinal)
            .Replace("* [ ] #03 — CRUD endpoints", "* [ ] #03 — CRUD endpoints\n* [ ] #04 — Paging", StringComparison.Ordinal)
            .Replace("* **Current Issue:** #01", "* **Current Issue:** #02", StringComparison.Ordinal);
        File.WriteAllText(PlanPath, plan);
        Write("docs/03-build-notes/m1/03-endpoints.md", File.ReadAllText(System.IO.Path.Combine(Path, "docs/03-build-notes/m1/02-storage.md"))
            .Replace("SQLite storage", "CRUD endpoints", StringComparison.Ordinal).Replace("dependencies: [1]", "dependencies: [2]", StringComparison.Ordinal));
    }

    public DotNet.Result Build(params string[] arguments) =>
        DotNet.Run(Path, ["build", .. arguments, "-nodeReuse:false", "-p:MilestonePlanStampFile=" + System.IO.Path.Combine(Path, "obj-stamp", "validation.stamp")]);

    public DotNet.Result Git(params string[] arguments) => DotNet.Exec("git", Path, arguments);

    /// <summary>`dotnet msbuild -restore App/App.csproj` with the given targets and properties.</summary>
    public DotNet.Result MsBuild(params string[] arguments) =>
        DotNet.Run(Path, ["msbuild", "-restore", "App/App.csproj", "-nologo", "-nodeReuse:false", .. arguments]);

    /// <summary>The bare repository beside this one that <see cref="PublishToOrigin"/> makes its origin.</summary>
    public string Origin => System.IO.Path.Combine(Path, "..", System.IO.Path.GetFileName(Path) + "-origin.git");

    /// <summary>Ignores build output, commits everything on main and pushes it to a new bare origin.</summary>
    public void PublishToOrigin()
    {
        Write(".gitignore", "bin/\nobj/\nobj-stamp/\n");
        DotNet.Exec("git", Path, "init", "-q", "--bare", "-b", "main", Origin);
        Git("remote", "add", "origin", Origin);
        Git("add", "-A");
        Git("commit", "-q", "-m", "initial");
        Git("push", "-q", "-u", "origin", "main");
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}

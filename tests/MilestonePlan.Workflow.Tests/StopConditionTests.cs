using MilestonePlan.Workflow.StopConditions;

namespace MilestonePlan.Workflow.Tests;

/// <summary>Each stop condition of PRODUCT.md section 6 both ways, on in-memory change sets.</summary>
[TestClass]
public sealed class StopConditionTests
{
    private static readonly StopFacts Facts = new("milestone/m1-core");

    private static FileChange Modified(string path, string before, string after, int added = 1, int removed = 1) =>
        new(path, ChangeKind.Modified, added, removed,
            after.Split('\n').Select((t, i) => (i + 1, t)).ToList(), before, after);

    private static IReadOnlyList<StopFinding> Classify(params FileChange[] files) =>
        StopConditionClassifier.Classify(new ChangeSet("milestone/m1-core", "HEAD", files), new StopPolicy(), Facts);

    private static FileChange Text(string path, int added = 1) => new(path, ChangeKind.Modified, added, 0, []);

    [TestMethod]
    public void Nine_files_is_a_soft_stop_eight_is_not()
    {
        Assert.IsEmpty(Classify(Enumerable.Range(1, 8).Select(i => Text($"src/F{i}.txt")).ToArray()));
        var stop = Classify(Enumerable.Range(1, 9).Select(i => Text($"src/F{i}.txt")).ToArray()).Single();
        Assert.AreEqual(StopKind.Soft, stop.Kind);
        Assert.AreEqual("9 files changed (more than 8)", stop.Reason);
        Assert.AreEqual("⏭️ Skipped", stop.PlanStatus);
    }

    [TestMethod]
    public void Four_hundred_and_one_lines_is_a_soft_stop_four_hundred_is_not()
    {
        Assert.IsEmpty(Classify(Text("a.txt", 200), Text("b.txt", 200)));
        Assert.AreEqual("401 lines changed (more than 400)", Classify(Text("a.txt", 201), Text("b.txt", 200)).Single().Reason);
    }

    [TestMethod]
    public void PackageReference_change_is_a_hard_stop_an_unrelated_property_is_not()
    {
        const string before = "<Project><PropertyGroup><Nullable>enable</Nullable></PropertyGroup><ItemGroup><PackageReference Include=\"A\" Version=\"1.0.0\" /></ItemGroup></Project>";
        var property = before.Replace("enable", "disable", StringComparison.Ordinal);
        var version = before.Replace("1.0.0", "2.0.0", StringComparison.Ordinal);

        Assert.IsEmpty(Classify(Modified("src/App/App.csproj", before, property)));
        var stop = Classify(Modified("src/App/App.csproj", before, version)).Single();
        Assert.AreEqual(("dependency-change", StopKind.Hard), (stop.Code, stop.Kind));
        Assert.AreEqual("⛔ Needs Review (STOP)", stop.PlanStatus);
    }

    [TestMethod]
    [DataRow("packages.lock.json")]
    [DataRow("src/Directory.Packages.props")]
    [DataRow("web/package.json")]
    [DataRow("requirements-dev.txt")]
    [DataRow("LICENSE")]
    public void Lockfiles_manifests_and_licences_are_hard_stops(string path) =>
        Assert.AreEqual("dependency-change", Classify(Text(path)).Single().Code);

    [TestMethod]
    public void EF_Core_migration_class_is_a_hard_stop()
    {
        const string migration = """
            using Microsoft.EntityFrameworkCore.Migrations;
            namespace App.Data;
            [DbContext(typeof(AppDb))]
            [Migration("20261124_AddTodos")]
            public partial class AddTodos : Migration
            {
                protected override void Up(MigrationBuilder b) { }
            }
            """;
        var stop = Classify(new FileChange("src/App/Data/AddTodos.cs", ChangeKind.Added, 8, 0, [], null, migration)).Single();
        Assert.AreEqual("database-migration", stop.Code);
        StringAssert.Contains(stop.Reason, "AddTodos");

        Assert.IsEmpty(Classify(Modified("src/App/Todo.cs", "class Todo { }", "// the migration guide says so\nclass Todo { int Id; }")));
    }

    [TestMethod]
    public void Authorize_attribute_added_is_a_hard_stop_a_comment_that_says_authorize_is_not()
    {
        const string before = "public class TodoController { public IActionResult Get() => Ok(); }";
        const string attribute = "public class TodoController { [Authorize(Policy = \"Admin\")] public IActionResult Get() => Ok(); }";
        const string comment = "public class TodoController {\n // TODO: authorize admins only; call AddAuthentication later\n public IActionResult Get() => Ok(\"authorize\"); }";

        var stop = Classify(Modified("src/App/TodoController.cs", before, attribute)).Single();
        Assert.AreEqual(("sensitive-code", StopKind.Hard), (stop.Code, stop.Kind));
        Assert.AreEqual("touches auth: added [Authorize(Policy = \"Admin\")] on TodoController.Get", stop.Reason);
        Assert.IsEmpty(Classify(Modified("src/App/TodoController.cs", before, comment)));
    }

    [TestMethod]
    public void Aliased_attribute_and_auth_registration_are_found_by_syntax()
    {
        const string aliased = "using Guard = Microsoft.AspNetCore.Authorization.AuthorizeAttribute;\n[Guard] public class Admin { }";
        Assert.AreEqual("sensitive-code", Classify(Modified("src/App/Admin.cs", "public class Admin { }", aliased)).Single().Code);

        const string program = "var b = WebApplication.CreateBuilder(); b.Services.AddRateLimiter(o => { }); var app = b.Build();";
        Assert.AreEqual("sensitive-code", Classify(Modified("src/App/Program.cs", "var b = WebApplication.CreateBuilder(); var app = b.Build();", program)).Single().Code);
    }

    [TestMethod]
    public void GitHub_token_is_a_safety_stop_and_is_never_echoed()
    {
        const string token = "ghp_abcdefghijklmnopqrstuvwxyz0123456789";
        var change = new FileChange("src/App/appsettings.json", ChangeKind.Modified, 1, 0, [(3, $"\"Token\": \"{token}\"")]);
        var stop = Classify(change).Single();

        Assert.AreEqual(("secret", StopKind.Safety), (stop.Code, stop.Kind));
        Assert.AreEqual(3, stop.Line);
        foreach (var text in new[] { stop.Reason, stop.Needs, stop.ToString(), stop.Path ?? string.Empty })
        {
            Assert.DoesNotContain(token, text);
            Assert.DoesNotContain("abcdefghij", text);
        }
    }

    [TestMethod]
    [DataRow(".github/workflows/ci.yml", true)]
    [DataRow(".env.local", true)]
    [DataRow("config/secrets.json", true)]
    [DataRow("infra/main.bicep", true)]
    [DataRow("docs/github-workflows.md", false)]
    public void Protected_surfaces_are_safety_stops(string path, bool stops)
    {
        var findings = Classify(Text(path));
        Assert.AreEqual(stops, findings.Any(f => f.Code == "protected-path" && f.Kind == StopKind.Safety), path);
    }

    [TestMethod]
    public void PR_to_main_and_merge_conflicts_and_failing_checks()
    {
        var main = StopConditionClassifier.Classify(new ChangeSet("main", "HEAD", []), new StopPolicy(), new StopFacts("main"));
        Assert.AreEqual(("base-is-main", StopKind.Safety), (main.Single().Code, main.Single().Kind));

        var soft = StopConditionClassifier.Classify(new ChangeSet("b", "HEAD", []), new StopPolicy(), new StopFacts("b", MergeConflict: true, FailedChecks: "dotnet test failed"));
        CollectionAssert.AreEquivalent(new[] { "merge-conflict", "checks-failed" }, soft.Select(s => s.Code).ToArray());
    }

    [TestMethod]
    public void Limits_are_configurable()
    {
        var policy = new StopPolicy { MaxFiles = 2, MaxChangedLines = 10 };
        var findings = StopConditionClassifier.Classify(new ChangeSet("b", "HEAD", [Text("a", 6), Text("b", 5), Text("c", 0)]), policy, Facts);
        Assert.HasCount(2, findings);
    }
}

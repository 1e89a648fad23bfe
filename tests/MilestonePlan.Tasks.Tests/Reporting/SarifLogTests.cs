using System.Text.Json;
using MilestonePlan.Core.Diagnostics;
using MilestonePlan.Tasks.Reporting;

namespace MilestonePlan.Tasks.Tests.Reporting;

[TestClass]
public sealed class SarifLogTests
{
    private static readonly string Root = Path.Combine(Path.GetTempPath(), "mp sarif root ü");

    private static string InRoot(string relative) => Path.Combine(Root, relative.Replace('/', Path.DirectorySeparatorChar));

    private static (PlanDiagnostic, PlanSeverity) Finding(DiagnosticDescriptor rule, string file, SourceSpan span, string message, PlanSeverity? severity = null) =>
        (new PlanDiagnostic(rule, file, span, message), severity ?? rule.DefaultSeverity);

    private static readonly (PlanDiagnostic Diagnostic, PlanSeverity Severity)[] Planted =
    [
        Finding(Rules.MP2001, InRoot("docs/m1/IMPLEMENTATION_PLAN.md"), new SourceSpan(3, 5, 3, 9), "Issue #01: spec file '01-parser.md' does not exist"),
        Finding(Rules.MP1003, InRoot("docs/m 1/spéc ü.md"), SourceSpan.At(7, 1, 4), "Template placeholder \"{N}\"\nstill\r\nthere \\ ' < & \uD800 lone"),
        Finding(Rules.MP3001, InRoot("docs/m1/IMPLEMENTATION_PLAN.md"), SourceSpan.FileStart, "cycle: #01 -> #02 -> #01", PlanSeverity.Warning),
        Finding(Rules.MP0001, Path.Combine(Path.GetTempPath(), "elsewhere", "outside plan.md"), SourceSpan.FileStart, "outside the root"),
    ];

    private static JsonElement Run(string json) => JsonDocument.Parse(json).RootElement.GetProperty("runs")[0];

    private static JsonElement ResultFor(JsonElement run, string ruleId) =>
        run.GetProperty("results").EnumerateArray().Single(r => r.GetProperty("ruleId").GetString() == ruleId);

    [TestMethod]
    public void PlantedFindingsGiveASchemaValidLog()
    {
        SarifSchema.AssertValid(SarifLog.ToJson(Planted, Root, "1.2.3"));
    }

    [TestMethod]
    public void TheSchemaCheckRejectsABrokenLog()
    {
        // Guards the guard: a region starting at line 0 and a missing version must be caught, or "valid" above means nothing.
        var broken = SarifLog.ToJson(Planted, Root, "1.0.0").Replace("\"startLine\": 3", "\"startLine\": 0").Replace("\"version\": \"2.1.0\",", "");
        Assert.IsGreaterThanOrEqualTo(2, SarifSchema.Errors(broken).Count);
    }

    [TestMethod]
    public void AnEmptyListIsStillAValidLogWithTheWholeCatalog()
    {
        var json = SarifLog.ToJson([], Root, "1.0.0");
        SarifSchema.AssertValid(json);
        var run = Run(json);
        Assert.AreEqual(0, run.GetProperty("results").GetArrayLength());
        Assert.AreEqual(Rules.All.Count, run.GetProperty("tool").GetProperty("driver").GetProperty("rules").GetArrayLength());
    }

    [TestMethod]
    public void DriverDescribesTheToolAndEveryRule()
    {
        var driver = Run(SarifLog.ToJson([], Root, "1.2.3")).GetProperty("tool").GetProperty("driver");
        Assert.AreEqual("MilestonePlan", driver.GetProperty("name").GetString());
        Assert.AreEqual("1.2.3", driver.GetProperty("version").GetString());
        Assert.IsTrue(driver.TryGetProperty("informationUri", out _));
        var rule = driver.GetProperty("rules").EnumerateArray().Single(r => r.GetProperty("id").GetString() == "MP1001");
        Assert.AreEqual("RequiredPlanSectionIsMissingOrUnreadable", rule.GetProperty("name").GetString());
        Assert.AreEqual(Rules.MP1001.Title, rule.GetProperty("shortDescription").GetProperty("text").GetString());
        Assert.AreEqual(Rules.MP1001.Description, rule.GetProperty("fullDescription").GetProperty("text").GetString());
        Assert.AreEqual(Rules.MP1001.HelpLink, rule.GetProperty("helpUri").GetString());
        Assert.AreEqual("error", rule.GetProperty("defaultConfiguration").GetProperty("level").GetString());
    }

    [TestMethod]
    public void EveryRuleIndexPointsAtItsRuleAsAViewerLooksItUp()
    {
        var run = Run(SarifLog.ToJson(Planted, Root, "1.0.0"));
        var rules = run.GetProperty("tool").GetProperty("driver").GetProperty("rules");
        Assert.AreEqual(Planted.Length, run.GetProperty("results").GetArrayLength());
        foreach (var result in run.GetProperty("results").EnumerateArray())
        {
            var index = result.GetProperty("ruleIndex").GetInt32();
            Assert.AreEqual(result.GetProperty("ruleId").GetString(), rules[index].GetProperty("id").GetString());
        }
    }

    [TestMethod]
    public void RegionIsTheSpanWithAnExclusiveEndColumn()
    {
        var region = ResultFor(Run(SarifLog.ToJson(Planted, Root, "1.0.0")), "MP2001")
            .GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("region");
        Assert.AreEqual(3, region.GetProperty("startLine").GetInt32());
        Assert.AreEqual(5, region.GetProperty("startColumn").GetInt32());
        Assert.AreEqual(3, region.GetProperty("endLine").GetInt32());
        Assert.AreEqual(10, region.GetProperty("endColumn").GetInt32());
    }

    [TestMethod]
    public void FilesInsideTheRootAreRelativePercentEncodedAndBasedOnSrcRoot()
    {
        var run = Run(SarifLog.ToJson(Planted, Root, "1.0.0"));
        var artifact = ResultFor(run, "MP1003").GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation");
        Assert.AreEqual("docs/m%201/sp%C3%A9c%20%C3%BC.md", artifact.GetProperty("uri").GetString());
        Assert.AreEqual("SRCROOT", artifact.GetProperty("uriBaseId").GetString());

        var root = run.GetProperty("originalUriBaseIds").GetProperty("SRCROOT").GetProperty("uri").GetString()!;
        Assert.IsTrue(root.StartsWith("file:///", StringComparison.Ordinal), root);
        Assert.IsTrue(root.EndsWith("/mp%20sarif%20root%20%C3%BC/", StringComparison.Ordinal), root);
        Assert.AreEqual(Path.GetFullPath(Root).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar, new Uri(root).LocalPath);
    }

    [TestMethod]
    public void AFileOutsideTheRootGetsAnAbsoluteUriAndNoBase()
    {
        var artifact = ResultFor(Run(SarifLog.ToJson(Planted, Root, "1.0.0")), "MP0001")
            .GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation");
        var uri = artifact.GetProperty("uri").GetString()!;
        Assert.IsTrue(uri.StartsWith("file:///", StringComparison.Ordinal), uri);
        Assert.IsTrue(uri.EndsWith("/elsewhere/outside%20plan.md", StringComparison.Ordinal), uri);
        Assert.IsFalse(artifact.TryGetProperty("uriBaseId", out _));
    }

    [TestMethod]
    public void ASiblingFolderSharingTheRootsPrefixIsOutside()
    {
        var sibling = Finding(Rules.MP2001, Root + "-other" + Path.DirectorySeparatorChar + "plan.md", SourceSpan.FileStart, "x");
        var artifact = ResultFor(Run(SarifLog.ToJson([sibling], Root, "1.0.0")), "MP2001")
            .GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation");
        Assert.IsFalse(artifact.TryGetProperty("uriBaseId", out _));
    }

    [TestMethod]
    public void LevelIsTheEffectiveSeverityAndSuppressedFindingsAreLeftOut()
    {
        var findings = new[]
        {
            Finding(Rules.MP2001, InRoot("a.md"), SourceSpan.FileStart, "demoted", PlanSeverity.Warning),
            Finding(Rules.MP1002, InRoot("b.md"), SourceSpan.FileStart, "promoted", PlanSeverity.Error),
            Finding(Rules.MP1003, InRoot("c.md"), SourceSpan.FileStart, "info", PlanSeverity.Info),
            Finding(Rules.MP1004, InRoot("d.md"), SourceSpan.FileStart, "off", PlanSeverity.None),
        };
        var run = Run(SarifLog.ToJson(findings, Root, "1.0.0"));
        Assert.AreEqual("warning", ResultFor(run, "MP2001").GetProperty("level").GetString());
        Assert.AreEqual("error", ResultFor(run, "MP1002").GetProperty("level").GetString());
        Assert.AreEqual("note", ResultFor(run, "MP1003").GetProperty("level").GetString());
        Assert.AreEqual(3, run.GetProperty("results").GetArrayLength());
    }

    [TestMethod]
    public void MessagesWithQuotesNewlinesAndALoneSurrogateSurviveAsText()
    {
        var text = ResultFor(Run(SarifLog.ToJson(Planted, Root, "1.0.0")), "MP1003").GetProperty("message").GetProperty("text").GetString();
        Assert.AreEqual("Template placeholder \"{N}\"\nstill\r\nthere \\ ' < & \uFFFD lone", text);
    }

    [TestMethod]
    public void OutputDoesNotDependOnTheInputOrder()
    {
        var reversed = Planted.Reverse().ToArray();
        Assert.AreEqual(SarifLog.ToJson(Planted, Root, "1.0.0"), SarifLog.ToJson(reversed, Root, "1.0.0"));
    }

    [TestMethod]
    public void WriteReplacesTheLogAtomicallyAndLeavesNoTemporaryFile()
    {
        var folder = Path.Combine(Path.GetTempPath(), "mp-sarif-" + Guid.NewGuid().ToString("N")[..10], "out dir");
        var path = Path.Combine(folder, "milestoneplan.sarif");
        try
        {
            SarifLog.Write(path, [], Root, "1.0.0");
            SarifLog.Write(path, Planted, Root, "1.0.0");
            Assert.AreEqual(SarifLog.ToJson(Planted, Root, "1.0.0"), File.ReadAllText(path));
            CollectionAssert.AreEqual(new[] { "milestoneplan.sarif" }, Directory.GetFileSystemEntries(folder).Select(Path.GetFileName).ToArray());
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(folder)!, recursive: true);
        }
    }
}

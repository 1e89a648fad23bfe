using System.Text;
using CsCheck;
using MilestonePlan.Workflow.Agent;

namespace MilestonePlan.Workflow.Tests.Safety;

/// <summary>
/// A reviewer's SARIF log is untrusted output: read bounded, text made one redacted line, locations kept only when they
/// are plain repository-relative paths, and anything unreadable a failure (never "no findings"), never an exception.
/// </summary>
[TestClass]
public sealed class SarifFindingsTests
{
    private static ReviewResult Read(string text)
    {
        var path = Path.Combine(Path.GetTempPath(), "mp-sarif-" + Guid.NewGuid().ToString("N") + ".sarif");
        File.WriteAllText(path, text, new UTF8Encoding(false));
        try
        {
            return SarifFindings.Read(path);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [TestMethod]
    public void Rank_message_file_and_line_are_read()
    {
        var result = Read("""{ "version": "2.1.0", "runs": [ { "results": [ { "rank": 85.5, "message": { "text": "x" }, "locations": [ { "physicalLocation": { "artifactLocation": { "uri": "src/A.cs" }, "region": { "startLine": 7 } } } ] } ] } ] }""");

        Assert.IsNull(result.Failure);
        Assert.AreEqual(new ReviewFinding("x", 85.5, "src/A.cs", 7), result.Findings.Single());
    }

    [TestMethod]
    [DataRow("../../etc/passwd")]
    [DataRow("/etc/passwd")]
    [DataRow("file:///etc/passwd")]
    [DataRow("src/a\nb.cs")]
    public void A_location_that_is_not_a_plain_relative_path_is_dropped(string uri)
    {
        var json = "{ \"runs\": [ { \"results\": [ { \"rank\": 90, \"message\": { \"text\": \"x\" }, \"locations\": [ { \"physicalLocation\": { \"artifactLocation\": { \"uri\": "
            + System.Text.Json.JsonSerializer.Serialize(uri) + " } } } ] } ] } ] }";

        Assert.IsNull(Read(json).Findings.Single().File);
    }

    [TestMethod]
    public void A_message_holding_a_secret_or_line_breaks_becomes_one_redacted_line()
    {
        var finding = Read("""{ "runs": [ { "results": [ { "rank": 99, "message": { "text": "leak ghp_abcdefghijklmnopqrstuvwxyz0123456789\nsecond line" } } ] } ] }""").Findings.Single();

        Assert.DoesNotContain("ghp_abc", finding.Text);
        Assert.DoesNotContain("\n", finding.Text);
    }

    [TestMethod]
    public void A_rank_outside_0_to_100_is_no_score()
    {
        Assert.AreEqual(-1, Read("""{ "runs": [ { "results": [ { "rank": 1e300, "message": { "text": "x" } } ] } ] }""").Findings.Single().Score);
    }

    [TestMethod]
    public void Findings_are_capped()
    {
        var results = string.Join(",", Enumerable.Repeat("""{ "rank": 10, "message": { "text": "x" } }""", SarifFindings.MaxFindings + 50));

        Assert.HasCount(SarifFindings.MaxFindings, Read("{ \"runs\": [ { \"results\": [" + results + "] } ] }").Findings);
    }

    [TestMethod]
    public void Any_text_is_findings_or_a_failure_and_never_an_exception()
    {
        var json = Gen.OneOf(
            Gen.String[Gen.Char, 0, 200],
            Gen.Select(Gen.Int[-5, 200], Gen.String[Gen.Char, 0, 40], Gen.Int[0, 20]).Select((rank, text, depth) =>
                new string('[', depth) + "{ \"runs\": [ { \"results\": [ { \"rank\": " + rank + ", \"message\": { \"text\": " + System.Text.Json.JsonSerializer.Serialize(text) + " } } ] } ] }" + new string(']', depth)),
            Gen.Const(new string('[', 10_000)));
        json.Sample(text =>
        {
            var result = Read(text);
            Assert.IsTrue(result.Failure is not null || result.Findings.All(f => f.Text.IndexOf('\n') < 0 && f.Score is >= -1 and <= 100));
        }, iter: 300);
    }
}

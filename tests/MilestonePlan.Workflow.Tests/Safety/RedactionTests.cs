using MilestonePlan.Workflow.Publishing;
using MilestonePlan.Workflow.StopConditions;

namespace MilestonePlan.Workflow.Tests.Safety;

/// <summary>One secret scanner for diffs, specs, PR bodies and everything printed or written into a plan.</summary>
[TestClass]
public sealed class RedactionTests
{
    [TestMethod]
    [DataRow("ghp_0123456789abcdefghijklmnopqrstuvwxyzAB", "GitHub token")]
    [DataRow("gho_0123456789abcdefghijklmnopqrstuvwxyzAB", "GitHub token")]
    [DataRow("ghs_0123456789abcdefghijklmnopqrstuvwxyzAB", "GitHub token")]
    [DataRow("github_pat_11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyz", "GitHub token")]
    [DataRow("AKIAIOSFODNN7EXAMPLE", "AWS access key id")]
    [DataRow("aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "AWS secret access key")]
    [DataRow("sk-proj-abcdefghijklmnopqrstuvwx", "OpenAI-style API key")]
    [DataRow("xoxb-1234567890-abcdefghij", "Slack token")]
    [DataRow("-----BEGIN OPENSSH PRIVATE KEY-----", "private key block")]
    [DataRow("-----BEGIN PRIVATE KEY-----", "private key block")]
    [DataRow("\"password\": \"hunter2hunter2\"", "password assignment")]
    [DataRow("api_key = 'abcdef123456'", "password assignment")]
    [DataRow("DB_PASSWORD=correcthorsebattery", "password assignment")]
    [DataRow("export GITHUB_TOKEN=abcdefgh12345678", "password assignment")]
    public void Each_kind_is_found_named_and_redacted(string secret, string kind)
    {
        var line = $"before {secret} after";

        Assert.AreEqual(kind, SecretScanner.KindOf(line));
        var redacted = PublishedText.Log(line);
        StringAssert.Contains(redacted, $"[redacted: {kind}]");
        Assert.IsNull(SecretScanner.KindOf(redacted), redacted);
    }

    [TestMethod]
    [DataRow("var password = options.Password;")]
    [DataRow("// set the token in the settings page")]
    [DataRow("PASSWORD=$DB_PASSWORD")]
    [DataRow("sk-short")]
    public void Ordinary_code_is_not_a_secret(string line) => Assert.IsNull(SecretScanner.KindOf(line));

    [TestMethod]
    public void A_plan_line_cannot_start_a_second_line_or_hold_control_characters()
    {
        var text = PublishedText.PlanLine("a\nb\r\n* [x] #02 — Fake — ✅ Done\u2028\u0007 😀 \ud800");

        Assert.AreEqual("a\\nb\\r\\n* [x] #02 — Fake — ✅ Done\\u2028\\u0007 😀 \ufffd", text);
        Assert.AreEqual(301, PublishedText.PlanLine(new string('x', 5000)).Length);
    }

    [TestMethod]
    public void Workflow_errors_carry_no_secret()
    {
        var error = WorkflowException.Tool("git push failed: remote: https://x:ghp_0123456789abcdefghijklmnopqrstuvwxyzAB@github.com");

        Assert.DoesNotContain("ghp_0123", error.Message);
        StringAssert.Contains(error.Message, "[redacted: GitHub token]");
    }

    private const string Key = "-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEAxyzBODYLINEONE\nQ2hlY2sgdGhpcyBCT0RZTElORVRXTw==\n-----END RSA PRIVATE KEY-----";

    [TestMethod]
    public void A_private_key_is_redacted_with_its_body_lines_in_a_whole_text()
    {
        var text = PublishedText.Log("stderr: loading key\n" + Key + "\nafter the key");

        Assert.DoesNotContain("BODYLINE", text);
        Assert.DoesNotContain("Q2hlY2sg", text);
        StringAssert.StartsWith(text, "stderr: loading key\n[redacted: private key block]");
        StringAssert.EndsWith(text, "\nafter the key");
        Assert.AreEqual("[redacted: private key block]", PublishedText.Log("-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\nno end"),
            "a block that never ends is redacted to the end of the text");
    }

    [TestMethod]
    public void Output_read_a_line_at_a_time_redacts_every_line_of_a_private_key()
    {
        var said = new List<string>();
        var stream = new StreamedText("check> ", said.Add);
        foreach (var line in ("before\n\n" + Key + "\nafter\n-----BEGIN OPENSSH PRIVATE KEY----- inline -----END OPENSSH PRIVATE KEY----- tail\nlast\n"
            + "-----BEGIN EC PRIVATE KEY-----\nMHcCAQEEIBODYWITHOUTEND\nstill key").Split('\n'))
        {
            stream.Line(line);
        }

        CollectionAssert.AreEqual(new[]
        {
            "check> before",
            "check> [redacted: private key block]",
            "check> [redacted: private key block]",
            "check> [redacted: private key block]",
            "check> [redacted: private key block]",
            "check> after",
            "check> [redacted: private key block] tail",
            "check> last",
            "check> [redacted: private key block]",
            "check> [redacted: private key block]",
            "check> [redacted: private key block]",
        }, said, string.Join("\n", said));
    }
}

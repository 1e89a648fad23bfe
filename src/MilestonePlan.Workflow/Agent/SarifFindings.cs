using System.Globalization;
using System.Text.Json;
using MilestonePlan.Workflow.Publishing;

namespace MilestonePlan.Workflow.Agent;

/// <summary>
/// Reads a reviewer's SARIF 2.1.0 log (the format the package itself writes for its findings): every `runs[].results[]`
/// with `message.text`, `rank` and the first location's `artifactLocation.uri` and `region.startLine`. The log is
/// untrusted output: it is read with a size cap and a finding cap, its text made one redacted plan line, a location
/// that is not a plain repository-relative path dropped rather than trusted, and anything unreadable is a failure
/// (never "no findings": a review that cannot be read did not pass).
/// </summary>
internal static class SarifFindings
{
    public const long MaxBytes = 4 * 1024 * 1024;
    public const int MaxFindings = 200;

    public static ReviewResult Read(string path)
    {
        var info = new FileInfo(path);
        if (!info.Exists)
        {
            return new([], "the reviewer wrote no findings file");
        }

        if (info.Length > MaxBytes)
        {
            return new([], $"the reviewer's findings file is larger than {MaxBytes / (1024 * 1024)} MiB");
        }

        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(path), new JsonDocumentOptions { MaxDepth = 64 });
            return new(Findings(document.RootElement), null);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException)
        {
            return new([], "the reviewer's findings are not a SARIF log: " + PublishedText.PlanLine(e.Message, 120));
        }
    }

    private static List<ReviewFinding> Findings(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("runs", out var runs) || runs.ValueKind != JsonValueKind.Array)
        {
            throw new FormatException("no 'runs' array");
        }

        var findings = new List<ReviewFinding>();
        foreach (var run in runs.EnumerateArray())
        {
            if (run.ValueKind != JsonValueKind.Object || !run.TryGetProperty("results", out var results) || results.ValueKind != JsonValueKind.Array)
            {
                continue;
            }

            foreach (var result in results.EnumerateArray())
            {
                if (findings.Count == MaxFindings)
                {
                    return findings;
                }

                if (result.ValueKind == JsonValueKind.Object)
                {
                    findings.Add(Finding(result));
                }
            }
        }

        return findings;
    }

    private static ReviewFinding Finding(JsonElement result)
    {
        var text = result.TryGetProperty("message", out var message) && message.ValueKind == JsonValueKind.Object
            && message.TryGetProperty("text", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() ?? string.Empty : string.Empty;
        var rank = result.TryGetProperty("rank", out var r) && r.ValueKind == JsonValueKind.Number && r.TryGetDouble(out var value)
            && value is >= 0 and <= 100 ? value : -1;
        string? file = null;
        int? line = null;
        if (result.TryGetProperty("locations", out var locations) && locations.ValueKind == JsonValueKind.Array && locations.GetArrayLength() > 0
            && locations[0].ValueKind == JsonValueKind.Object && locations[0].TryGetProperty("physicalLocation", out var physical)
            && physical.ValueKind == JsonValueKind.Object)
        {
            if (physical.TryGetProperty("artifactLocation", out var artifact) && artifact.ValueKind == JsonValueKind.Object
                && artifact.TryGetProperty("uri", out var uri) && uri.ValueKind == JsonValueKind.String)
            {
                file = RelativePath(uri.GetString());
            }

            if (physical.TryGetProperty("region", out var region) && region.ValueKind == JsonValueKind.Object
                && region.TryGetProperty("startLine", out var start) && start.ValueKind == JsonValueKind.Number && start.TryGetInt32(out var number) && number > 0)
            {
                line = number;
            }
        }

        return new ReviewFinding(PublishedText.PlanLine(text.Length > 0 ? text : "(no message)", 200), rank, file, line);
    }

    /// <summary>A plain relative path (`src/A.cs`) as written; anything else (a scheme, `..`, a rooted path, odd characters) is not kept.</summary>
    private static string? RelativePath(string? uri)
    {
        if (uri is not { Length: > 0 and <= 260 } || uri[0] == '/' || uri.IndexOf("..", StringComparison.Ordinal) >= 0 || uri.IndexOf(':') >= 0)
        {
            return null;
        }

        return uri.All(c => char.IsLetterOrDigit(c) || c is '/' or '.' or '-' or '_') ? uri : null;
    }

    /// <summary>The score as the template writes it: a whole number when it is one.</summary>
    public static string Score(double score) => score < 0 ? "?" : score.ToString("0.#", CultureInfo.InvariantCulture);
}

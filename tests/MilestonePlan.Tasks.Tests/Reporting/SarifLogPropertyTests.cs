using System.Text.Json;
using CsCheck;
using MilestonePlan.Core.Diagnostics;
using MilestonePlan.Tasks.Reporting;

namespace MilestonePlan.Tasks.Tests.Reporting;

[TestClass]
public sealed class SarifLogPropertyTests
{
    // Whole chars, surrogates included (lone ones too), plus the pieces most likely to break JSON or a URI.
    private static readonly string[] Pieces = ["\"", "\\", "\n", "\r", "\t", "\0", " ", "%", "#", "?", "&", "<", "é", "日本", "😀", "\uD800", "\uDC00", "..", "/"];

    private static readonly Gen<string> Text = Gen.OneOf(
        Gen.Char.Array[0, 30].Select(c => new string(c)),
        Gen.OneOfConst(Pieces).Array[0, 10].Select(p => string.Concat(p)));

    // A path segment: no separators or characters the file system APIs reject, but otherwise anything.
    private static readonly Gen<string> Segment = Text.Select(s =>
    {
        var kept = new string(s.Where(c => c != '/' && c != '\\' && c != '\0' && !Path.GetInvalidFileNameChars().Contains(c)).ToArray());
        return kept.Trim('.', ' ').Length == 0 ? "x" + kept : kept;
    });

    [TestMethod]
    public void ArbitraryMessagesAndPathsGiveParseableSchemaValidLogs()
    {
        var root = Path.Combine(Path.GetTempPath(), "mp root");
        Gen.Select(Text, Segment.Array[1, 4], Gen.Int[1, 40], Gen.Bool).Sample((message, segments, line, inside) =>
        {
            var file = Path.Combine(inside ? root : Path.GetTempPath(), Path.Combine(segments));
            var finding = (new PlanDiagnostic(Rules.MP2002, file, SourceSpan.At(line, 1, 3), message), PlanSeverity.Warning);
            var json = SarifLog.ToJson([finding], root, message);
            using var document = JsonDocument.Parse(json);
            var errors = SarifSchema.Errors(json);
            return errors.Count == 0;
        }, iter: 300);
    }
}

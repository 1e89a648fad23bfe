using NJsonSchema;

namespace MilestonePlan.Tasks.Tests.Reporting;

/// <summary>The vendored OASIS SARIF 2.1.0 schema, loaded once for all tests.</summary>
internal static class SarifSchema
{
    private static readonly Lazy<JsonSchema> Schema = new(() =>
        JsonSchema.FromFileAsync(Path.Combine(AppContext.BaseDirectory, "Reporting", "sarif-schema-2.1.0.json")).GetAwaiter().GetResult());

    public static IReadOnlyList<string> Errors(string json) =>
        Schema.Value.Validate(json).Select(e => e.ToString()).ToList();

    public static void AssertValid(string json)
    {
        var errors = Errors(json);
        Assert.IsEmpty(errors, string.Join(Environment.NewLine, errors) + Environment.NewLine + json);
    }
}

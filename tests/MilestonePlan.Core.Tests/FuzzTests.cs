using System.Text;
using CsCheck;
using MilestonePlan.Core.Diagnostics;
using MilestonePlan.Core.IO;
using MilestonePlan.Core.Tests.Support;
using MilestonePlan.Core.Validation;
using MilestonePlan.Core.Configuration;

namespace MilestonePlan.Core.Tests;

/// <summary>
/// Property: no input makes discovery, parsing or any rule throw or fail internally (MP0001).
/// Inputs are the sample milestone mutated in the ways real files go wrong, and garbage.
/// </summary>
[TestClass]
public sealed class FuzzTests
{
    private static readonly string[] Fragments =
    [
        "|", "| #", "|---|", "\n", "\r\n", "\r", "#", "##", "### Phase 9:", "**", "**Status:**", "`", "```", "- [x] ", "* [ ] #",
        "[", "](", ")", "<", ">", "{N}", "—", "⛔", "⏭️", "✅", "\uFEFF", "\t", "\0", "---\n", "#999999999999", "\u0301", "👩‍💻", "&amp;",
    ];

    private static readonly Gen<string> Mutation = Gen.OneOf(
        // Truncated anywhere (tables cut mid-row, fences left open).
        Gen.Int[0, SamplePlan.Plan.Length].Select(n => SamplePlan.Plan.Substring(0, n)),
        // Fragments of plan syntax sprinkled at random places.
        Gen.Select(Gen.Int[0, SamplePlan.Plan.Length].Array[1, 12], Gen.OneOfConst(Fragments).Array[1, 12], (at, what) =>
        {
            var builder = new StringBuilder(SamplePlan.Plan);
            foreach (var (position, fragment) in at.Zip(what).OrderByDescending(p => p.First))
            {
                builder.Insert(Math.Min(position, builder.Length), fragment);
            }

            return builder.ToString();
        }),
        // Lines shuffled, duplicated or dropped.
        Gen.Int[0, 60].Array[0, 80].Select(picks =>
        {
            var lines = SamplePlan.Plan.Split('\n');
            return string.Join("\n", picks.Select(i => lines[i % lines.Length]));
        }),
        // Deep nesting: quotes, lists, emphasis, brackets.
        Gen.Select(Gen.OneOfConst("> ", "- ", "  - ", "*", "[", "(", "**", "<"), Gen.Int[100, 1500], (unit, depth) =>
            SamplePlan.Plan.Replace("## Tracking", string.Concat(Enumerable.Repeat(unit, depth)) + "x\n\n## Tracking", StringComparison.Ordinal)),
        // Huge cells.
        Gen.Select(Gen.Char.AlphaNumeric, Gen.Int[1_000, 20_000], (c, n) =>
            SamplePlan.Plan.Replace("| Rules |", "| " + new string(c, n) + " |", StringComparison.Ordinal)),
        // Random bytes, decoded as UTF-8 would be.
        Gen.Byte.Array[0, 4000].Select(bytes => Encoding.UTF8.GetString(bytes)),
        // Random text.
        Gen.String[0, 2000]);

    [TestMethod]
    public void Ten_thousand_mutated_plans_never_throw_or_fail_internally()
    {
        Gen.Select(Mutation, Mutation).Sample((plan, spec) =>
        {
            var files = new Dictionary<string, string>
            {
                ["/repo/docs/03-build-notes/m1/IMPLEMENTATION_PLAN.md"] = plan,
                ["/repo/docs/03-build-notes/m1/01-parser.md"] = spec,
                ["/repo/docs/03-build-notes/m1/02-rules.md"] = "---\n" + spec,
                ["/repo/docs/03-build-notes/m1/03-docs.md"] = SamplePlan.Spec("Docs", "P1", "[1, 2]"),
            };
            foreach (var complete in new[] { true, false })
            {
                var result = RepositoryValidator.Validate(new InMemoryFileSystem(files, complete),
                    new ValidationOptions { RepositoryRoot = "/repo" });
                var internalError = result.Diagnostics.FirstOrDefault(d => d.Id == Rules.MP0001.Id);
                if (internalError is not null)
                {
                    throw new AssertFailedException(internalError.ToString());
                }
            }
        }, iter: 10_000, threads: 1);
    }
}

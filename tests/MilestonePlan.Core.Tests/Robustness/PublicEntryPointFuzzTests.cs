using System.Diagnostics;
using System.Text;
using CsCheck;
using MilestonePlan.Core.Editing;
using MilestonePlan.Core.IO;
using MilestonePlan.Core.Model;
using MilestonePlan.Core.Parsing;
using MilestonePlan.Core.Selection;
using MilestonePlan.Core.Tests.Support;
using MilestonePlan.Core.Validation;
using MilestonePlan.Core.Planning;
using MilestonePlan.Core.Analysis;
using MilestonePlan.Core.Configuration;

namespace MilestonePlan.Core.Tests.Robustness;

/// <summary>
/// Property: no generated plan or spec makes any public entry point of Core throw, and validation never
/// reports an internal error (MP0001). Runs 2,000 cases; set MILESTONEPLAN_FUZZ_ITERATIONS for a long run by hand.
/// </summary>
[TestClass]
public sealed class PublicEntryPointFuzzTests
{
    private const string Root = "/repo";
    private const string Folder = Root + "/docs/03-build-notes/m1/";
    private const string PlanPath = Folder + "IMPLEMENTATION_PLAN.md";

    /// <summary>Digits of other scripts (Arabic-Indic, Extended Arabic-Indic, Devanagari, Bengali, Thai, fullwidth) and overlong numbers.</summary>
    private static readonly string[] Numbers =
    [
        "١٢", "۳", "०७", "১", "๙", "１２", "#١٢", "P١", "P९", "#99999999999999999999", "99999999999", "-1", "#0", "#00", "٠", "1٢",
    ];

    private static readonly string[] Fragments =
    [
        "|", "| #", "|---|", "\n", "\r\n", "\r", "#", "##", "### Phase 9:", "**", "**Status:**", "**Status:**!", "`", "```", "- [x] ", "* [ ] #",
        "[", "](", ")", "<", ">", "{N}", "—", "⛔", "⏭️", "✅", "\uFEFF", "\t", "\0", "\u0001", "\u001B", "\u007F", "\u0085", "\u2028",
        "---\n", "\uD800", "\uDC00", "\uDBFF\uDFFF", "\u0301", "👩‍💻", "&amp;", "labels: [\"a\"]**S:**", "priority: P١", "\\", "\"", "'",
    ];

    private static readonly Gen<string> Fragment = Gen.OneOf(Gen.OneOfConst(Fragments), Gen.OneOfConst(Numbers));

    private static string Sprinkle(string text, int[] at, string[] what)
    {
        var builder = new StringBuilder(text);
        foreach (var (position, fragment) in at.Zip(what).OrderByDescending(p => p.First))
        {
            builder.Insert(Math.Min(position, builder.Length), fragment);
        }

        return builder.ToString();
    }

    private static Gen<string> Mutations(string sample) => Gen.OneOf(
        Gen.Int[0, sample.Length].Select(n => sample.Substring(0, n)),
        Gen.Select(Gen.Int[0, sample.Length].Array[1, 16], Fragment.Array[1, 16], (at, what) => Sprinkle(sample, at, what)),
        // Every number of the sample in another script, or overlong.
        Gen.Select(Gen.OneOfConst(Numbers), Gen.OneOfConst("#01", "#02", "#03", "P0", "P1", "3", "01-", "1, 2", "[1]"), (n, old) =>
            sample.Replace(old, old.StartsWith("#", StringComparison.Ordinal) && !n.StartsWith("#", StringComparison.Ordinal) ? "#" + n : n, StringComparison.Ordinal)),
        // Lines shuffled, duplicated or dropped (duplicate issue rows among them).
        Gen.Int[0, 80].Array[0, 90].Select(picks =>
        {
            var lines = sample.Split('\n');
            return string.Join("\n", picks.Select(i => lines[i % lines.Length]));
        }),
        // Deep nesting, around the refusal limit and far past it.
        Gen.Select(Gen.OneOfConst("> ", ">", "- ", "  - ", "1. ", "\t* ", "*", "[", "(", "**", "<", "_", "`", "![", "[a]", "|"), Gen.Int[1, 1200], Gen.Bool,
            (unit, depth, stacked) => sample.Replace("## Tracking",
                (stacked
                    ? string.Concat(Enumerable.Range(0, Math.Min(depth, 48)).Select(k => string.Concat(Enumerable.Repeat(unit, k)) + "x\n"))
                    : string.Concat(Enumerable.Repeat(unit, depth)) + "x\n") + "\n## Tracking", StringComparison.Ordinal)),
        // Huge cells.
        Gen.Select(Gen.Char.AlphaNumeric, Gen.Int[1_000, 20_000], (c, n) => sample.Replace("| Rules |", "| " + new string(c, n) + " |", StringComparison.Ordinal)),
        // Random bytes as UTF-8 decoding leaves them, and random UTF-16 (lone surrogates included).
        Gen.Byte.Array[0, 4000].Select(bytes => Encoding.UTF8.GetString(bytes)),
        Gen.Char.Array[0, 2000].Select(chars => new string(chars)),
        Gen.String[0, 2000]);

    /// <summary>A mutation, then line endings, a byte order mark, maybe twice.</summary>
    private static Gen<string> Text(string sample) => Gen.Select(Mutations(sample), Gen.OneOfConst("\n", "\r\n", "\r"), Gen.OneOfConst("", "\uFEFF", "\uFEFF\uFEFF"),
        (text, newline, bom) => bom + (newline == "\n" ? text : text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace("\n", newline, StringComparison.Ordinal)));

    private static readonly Gen<PullRequestInfo> PullRequest = Gen.Select(
        Gen.Int[-1, 200], Gen.OneOfConst("feat(m1): Parser (#01)", "Rules #02", "#١٢ x", "", "feat(m1): Docs (#03) ✅"), Gen.OneOfConst("OPEN", "MERGED", "CLOSED", "", "open"),
        Gen.OneOfConst("feat/m1-01-parser", "feat/m1-02-rules", "feat/m1-03-docs", "feat/m1-١٢-x", "", "milestone/m1-core"), Gen.Bool,
        (number, title, state, head, merged) => new PullRequestInfo(number, title, state, head, "milestone/m1-core", $"https://example.test/pr/{number}",
            merged ? DateTimeOffset.UnixEpoch : null));

    private static int Iterations =>
        int.TryParse(Environment.GetEnvironmentVariable("MILESTONEPLAN_FUZZ_ITERATIONS"), out var n) && n > 0 ? n : 2_000;

    [TestMethod]
    public void Public_entry_points_never_throw()
    {
        var spec = SamplePlan.Spec("Rules", "P0", "[1]");
        var iterations = Iterations;
        var clock = Stopwatch.StartNew();
        Gen.Select(Text(SamplePlan.Plan), Text(spec), PullRequest.Array[0, 4], Gen.Int[0, 5]).Sample((plan, specText, pullRequests, pick) =>
        {
            DriveEverything(plan, specText, pullRequests, pick);
        }, iter: iterations, threads: 1);
        Console.WriteLine($"Public_entry_points_never_throw: {iterations} cases in {clock.Elapsed.TotalSeconds:F1} s");
    }

    private static void DriveEverything(string planText, string specText, PullRequestInfo[] pullRequests, int pick)
    {
        var files = new Dictionary<string, string>
        {
            [PlanPath] = planText,
            [Folder + "01-parser.md"] = specText,
            [Folder + "02-rules.md"] = "---\n" + specText,
            [Folder + "03-docs.md"] = SamplePlan.Spec("Docs", "P1", "[1, 2]"),
        };
        var result = RepositoryValidator.Validate(new InMemoryFileSystem(files, isComplete: pick % 2 == 0), new ValidationOptions { RepositoryRoot = Root });
        if (result.Diagnostics.FirstOrDefault(d => d.Id == "MP0001") is { } internalError)
        {
            throw new AssertFailedException(internalError.ToString());
        }

        var plan = PlanParser.Parse(PlanPath, planText);
        var spec = SpecParser.Parse(Folder + "01-parser.md", specText);
        var status = PlanStatus.Of(plan);
        _ = NextIssueSelector.Select(plan);
        _ = NextIssueSelector.Select(status);
        _ = MilestoneChoice.Choose([plan], pick % 2 == 0 ? null : "m1");
        var summary = MilestoneSummary.Of(plan);
        _ = summary.Render();
        _ = summary.Mermaid();
        Refusable(() => PlanFixer.Fix(PlanPath, planText));

        var row = plan.Issues.ElementAtOrDefault(pick);
        var entry = plan.Tracking.Completed?.Entries.ElementAtOrDefault(pick);
        Refusable(() => PlanTransition.Edit(PlanPath, planText, (updater, _) =>
        {
            var edits = new List<LineEdit>();
            edits.AddRange(updater.SetStatus(pick % 3 == 0 ? "Complete" : "In Progress"));
            edits.AddRange(updater.SetTotalIssues(pick * 7));
            edits.AddRange(updater.SetLastUpdated("2027-01-31"));
            if (row is not null)
            {
                edits.AddRange(updater.SetCurrent(row));
                edits.AddRange(updater.MarkDone(row));
                edits.AddRange(updater.AddOpenPullRequest(row, 12, "https://example.test/pr/12"));
                edits.AddRange(updater.RecordStop(row, pick % 2 == 0, "reason", "needs"));
                edits.AddRange(updater.AddChecklistEntry(row));
            }

            if (entry is not null)
            {
                edits.AddRange(updater.SetChecklistTitle(entry, "Title ✅"));
            }

            return edits;
        }).After);

        Refusable(() => SpecUpdater.SetGitHubIssue(spec.Path, specText, 42));
        if (row is not null)
        {
            Refusable(() => PlanTransition.Edit(PlanPath, planText, (updater, _) => updater.SetGitHubCell(row, 42)));
        }

        // Titles with lone surrogates reach BranchNames.Slug through the reconciler and the scaffold: nothing is filtered.
        Refusable(() => Reconciler.Reconcile(PlanPath, planText, pullRequests, "2027-01-31").MoveCurrentToNext(PlanPath, "2027-02-01"));

        var cleanSpec = SpecParser.Parse(Folder + "01-x.md", specText);
        _ = PlanScaffold.Create(MilestoneId.Parse("m1")!, "docs/03-build-notes/m1", pick % 2 == 0 ? null : specText.Length > 40 ? specText.Substring(0, 40) : specText,
            [new ScaffoldSpec("01-x.md", cleanSpec), new ScaffoldSpec("02-y.md", cleanSpec), new ScaffoldSpec("١٢-z.md", cleanSpec)]);
    }

    /// <summary>An editor may refuse an edit it cannot make so that it reads back; that is its answer, not a crash.</summary>
    private static void Refusable(Func<object> edit)
    {
        try
        {
            _ = edit();
        }
        catch (EditRefusedException)
        {
        }
    }
}

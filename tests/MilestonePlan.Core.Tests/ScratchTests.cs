using MilestonePlan.Core.Tests.Support;

namespace MilestonePlan.Core.Tests;

[TestClass]
public sealed class ScratchTests
{
    [TestMethod]
    public void Corpus_dump()
    {
        var ws = new PlanWorkspace();
        foreach (var file in Directory.GetFiles(RepositoryPaths.Corpus!, "*", SearchOption.AllDirectories).Where(f => f.EndsWith(".md") && !f.EndsWith("README.md")))
        {
            var name = Path.GetFileName(file).Split("__").Aggregate((a, b) => a + "/" + b);
            ws.Add(name, File.ReadAllText(file));
        }

        var result = ws.Validate();
        Console.WriteLine(Dump.Of(result.Diagnostics));
        foreach (var plan in result.Plans)
        {
            Console.WriteLine($"PLAN {plan.Path} milestone={plan.Milestone} title={plan.Title} fields={string.Join("; ", plan.OverviewFields.Select(f => f.Key + "=" + f.Value.Text + "@" + f.Value.Span))}");
            foreach (var row in plan.Issues) Console.WriteLine($"  ROW {row.Number} {row.NumberCell.Span} file={row.File?.Text}@{row.File?.Span} title={row.TitleText} prio={row.Priority} deps={row.Dependencies.IsReadable}:{string.Join(",", row.Dependencies.References.Select(r => r.Number))} branch={row.FeatureBranch?.Text}@{row.FeatureBranch?.Span} status={row.Status?.Text}");
            Console.WriteLine($"  TRACK completed={plan.Tracking.Completed?.Entries.Count} open={plan.Tracking.OpenPullRequests?.Entries.Count} blocked={plan.Tracking.Blocked?.Entries.Count} current={plan.Tracking.CurrentIssue?.Value.Text} phase={plan.Tracking.CurrentPhase?.Value.Text} footer={plan.Tracking.FooterStatus?.Value.Text} last={plan.Tracking.LastUpdated?.Value.Text}");
            foreach (var e in plan.Tracking.Completed?.Entries ?? []) Console.WriteLine($"   CHK {e.Line.Span} checked={e.Checked} nums={string.Join(",", e.IssueCandidates)} title={e.Title?.Text}@{e.Title?.Span}");
            foreach (var l in plan.Links) Console.WriteLine($"   LINK {l.Target} {l.Cell.Span} repo={l.IsRepositoryRelative}");
        }
    }
}
